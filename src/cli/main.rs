//! `dlis`: the command-line tool for trainers (build, check, sign and install module bundles).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use dlis::bundle::signature::{self, KeyPair};
use dlis::bundle::{Limits, Report, pack, validate};
use dlis::library::{InstallOutcome, Installed};
use dlis::manifest::{Activity, localized};
use dlis::progress::{Progress, Silent};
use dlis::{Library, diagnostic};
use indicatif::{ProgressBar, ProgressStyle};

#[macro_use]
mod terminal;

mod attestation;
mod learners;
mod notes;
mod records;
mod report;
mod survey;
mod translate;

/// Build, check, sign and install DLIS Learn module bundles.
#[derive(Parser)]
#[command(name = "dlis", version, about, long_about = None)]
struct Cli {
    /// Where installed modules and settings live (default: the platform's data directory).
    #[arg(long, global = true, env = "DLIS_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a module source folder and write its bundle (deterministic zip).
    Pack {
        /// The module source folder (holding module.json).
        src: PathBuf,
        /// The bundle to write.
        #[arg(short, long, value_name = "OUT.zip")]
        out: PathBuf,
    },
    /// Make a package for an institution's LMS (Moodle…) from a bundle: the module with its
    /// own web player, reporting to the LMS. Quiz answers are inside the package.
    LmsExport {
        bundle: PathBuf,
        /// The LMS standard: scorm12 (SCORM 1.2) or cmi5.
        #[arg(long, value_enum, default_value = "scorm12")]
        format: dlis::lms::package::Format,
        /// The package to write.
        #[arg(short, long, value_name = "OUT.zip")]
        out: PathBuf,
        /// The language of the package's title in the LMS (default: the module's).
        #[arg(long)]
        language: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check a bundle and report every problem found; exit 0 only when it is valid.
    Validate {
        bundle: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show what a bundle contains: languages, activities, sizes, signer.
    Inspect {
        bundle: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Install a bundle (or upgrade the installed module to it).
    Install {
        bundle: PathBuf,
        /// Replace an installed module even with an older or different same version.
        #[arg(long)]
        force: bool,
    },
    /// List installed modules.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Search every installed module: titles, objectives, lessons, capsule transcripts and
    /// subtitles (not quizzes), case and accents aside.
    Search {
        query: String,
        /// Passages in this language first (then the others).
        #[arg(long)]
        language: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Uninstall a module (learners' records are kept).
    Remove { module_id: String },
    /// Create a signing key for an organisation: writes NAME.key (secret) and NAME.pub.
    Keygen {
        /// The organisation's name, shown as "verified by <organisation>".
        #[arg(long)]
        organisation: String,
        /// Path of the key files, without extension.
        #[arg(short, long, value_name = "NAME")]
        out: PathBuf,
    },
    /// Sign a valid bundle with an organisation's secret key.
    Sign {
        bundle: PathBuf,
        #[arg(long, value_name = "NAME.key")]
        key: PathBuf,
        /// Where to write the signed bundle (default: replace BUNDLE).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Manage the keys whose signatures show as "verified by <organisation>".
    Trust {
        #[command(subcommand)]
        action: TrustAction,
    },
    /// Print the JSON Schema of module.json.
    Schema,
    /// Translate a module source folder with a translation tool, through XLIFF 2.0 files.
    Translate {
        #[command(subcommand)]
        action: TranslateAction,
    },
    /// List learner profiles with a summary of their progress.
    Learners {
        #[arg(long)]
        json: bool,
    },
    /// Create, rename or delete a learner profile.
    Learner {
        #[command(subcommand)]
        action: LearnerAction,
    },
    /// Save a learner's attestation of training for a module they completed, as a PDF.
    Attestation {
        #[arg(long)]
        learner: String,
        #[arg(long)]
        module: String,
        /// The issuing organisation (default: the module's).
        #[arg(long)]
        issuer: Option<String>,
        #[arg(short, long, value_name = "OUT.pdf")]
        out: PathBuf,
        /// Read the profile's PIN from standard input.
        #[arg(long)]
        pin_stdin: bool,
    },
    /// A learner's self-assessments (a module's survey): take one, or see the profiles taken.
    SelfAssessment {
        #[command(subcommand)]
        action: SurveyAction,
    },
    /// A learner's private notes on lessons and capsules: they never go to the institution.
    /// A profile with a PIN asks for it on standard input (--pin-stdin).
    Notes {
        #[command(subcommand)]
        action: NotesAction,
    },
    /// Show a learner's progress, module by module and activity by activity.
    Progress {
        /// The learner's id (see `dlis learners`).
        #[arg(long)]
        learner: String,
        #[arg(long)]
        json: bool,
    },
    /// Set up, or show, the institution that collects learners' records.
    Institution {
        #[command(subcommand)]
        action: InstitutionAction,
    },
    /// Send the statements waiting in the outbox to the institution's LRS.
    Sync {
        /// Keep retrying (with backoff) for up to this many seconds while the LRS is unreachable.
        #[arg(long, default_value_t = 0, value_name = "SECONDS")]
        wait: u64,
        /// Statements per request.
        #[arg(long, default_value_t = 100)]
        batch: usize,
        /// Only show what is waiting, the last success and the last error.
        #[arg(long)]
        status: bool,
    },
    /// Write learners' statements to an export file to carry by hand.
    Export {
        #[arg(short, long, value_name = "FILE.zip")]
        out: PathBuf,
        /// Only these learners (repeat the flag); all learners by default.
        #[arg(long = "learner", value_name = "ID")]
        learners: Vec<String>,
    },
    /// Send export files to an LRS; exit 0 only when every statement is acknowledged.
    Push {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The LRS's xAPI endpoint (default: the institution's).
        #[arg(long)]
        lrs: Option<String>,
        #[arg(long)]
        user: Option<String>,
        #[arg(long, env = "DLIS_LRS_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        #[arg(long, default_value_t = 100)]
        batch: usize,
    },
    /// Merge export files into a report per learner and module: CSV, XLSX or HTML, as the
    /// extension of --out says.
    ///
    /// Statements are counted once however many files hold them; those that cannot be
    /// attributed to a learner and a module are counted by reason. A CSV report gets its
    /// summary beside it (REPORT.summary.txt).
    ///
    /// Exit status: 0 when every file was merged; 3 when a file was refused as unreadable or
    /// damaged (it is named, and the report is still written from the others); 1 when no
    /// report could be written.
    Merge {
        /// Export files written by `dlis export`.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The report to write: REPORT.csv, REPORT.xlsx or REPORT.html.
        #[arg(short, long, value_name = "REPORT")]
        out: PathBuf,
        /// A CSV of `identifier,name` (kept on the trainer's machine) to print names beside
        /// the learners' identifiers.
        #[arg(long, value_name = "ROSTER.csv")]
        roster: Option<PathBuf>,
        /// The language of module titles (from the modules installed here, else from the
        /// statements), e.g. fr, ro, el.
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Set a damaged progress database aside and start a new, empty one.
    StartFresh {
        /// Confirm: learners and progress start again from nothing.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum InstitutionAction {
    /// Install the institution profile from a JSON file (LRS endpoint, credentials, home page).
    Set { file: PathBuf },
    /// Show the institution profile (without the password).
    Show,
}

#[derive(Subcommand)]
enum LearnerAction {
    /// Create a profile; prints its pseudonymous id.
    Create {
        name: String,
        /// Preferred language (BCP 47), e.g. fr, en, ro, el.
        #[arg(long, default_value = "fr")]
        language: String,
        /// Read a PIN (4 to 12 digits) from standard input.
        #[arg(long)]
        pin_stdin: bool,
    },
    /// Change a profile's display name.
    Rename { id: String, name: String },
    /// Link a profile to the identifier the institution gives the learner (student number,
    /// e-mail), with their consent: their statements name them by it from now on, and a signed
    /// statement says their earlier records are theirs.
    Link {
        id: String,
        identifier: String,
        /// The learner agrees to what leaves the computer (printed without it).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        pin_stdin: bool,
    },
    /// End a profile's link: its statements carry a new pseudonym from now on.
    Unlink {
        id: String,
        #[arg(long)]
        pin_stdin: bool,
    },
    /// Delete a profile and all its records.
    Delete {
        id: String,
        /// Confirm the deletion, which cannot be undone.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum SurveyAction {
    /// Take the survey with the ratings of a JSON file ({"statement-id": 1 to the scale's top, …}).
    Take {
        #[arg(long)]
        learner: String,
        #[arg(long)]
        module: String,
        /// The survey's activity id, when the module has several.
        #[arg(long)]
        survey: Option<String>,
        #[arg(long, value_name = "RATINGS.json")]
        ratings: PathBuf,
        /// A written reflection; it stays in the profile, never sent.
        #[arg(long)]
        reflection: Option<String>,
        #[arg(long)]
        pin_stdin: bool,
    },
    /// Show the learner's first and latest profiles, and the modules recommended for them.
    Show {
        #[arg(long)]
        learner: String,
        #[arg(long)]
        module: String,
        #[arg(long)]
        survey: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        pin_stdin: bool,
    },
}

#[derive(Subcommand)]
enum NotesAction {
    /// Write a note on a lesson, or on a capsule (at a time with --at).
    Add {
        #[arg(long)]
        learner: String,
        #[arg(long)]
        module: String,
        #[arg(long)]
        activity: String,
        /// The capsule's time the note is about, in seconds.
        #[arg(long, value_name = "SECONDS")]
        at: Option<f64>,
        text: String,
        #[arg(long)]
        pin_stdin: bool,
    },
    /// List the learner's notes, in one module or in all.
    List {
        #[arg(long)]
        learner: String,
        #[arg(long)]
        module: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        pin_stdin: bool,
    },
    /// Write the learner's notes as Markdown to a file of their choosing.
    Export {
        #[arg(long)]
        learner: String,
        #[arg(short, long, value_name = "NOTES.md")]
        out: PathBuf,
        #[arg(long)]
        pin_stdin: bool,
    },
}

#[derive(Subcommand)]
enum TranslateAction {
    /// Write every text of the module (module.json, lessons by paragraph, transcripts,
    /// subtitle cues) as XLIFF 2.0 from its default language into LANGUAGE, with the
    /// translations it already has.
    Export {
        /// The module source folder (holding module.json).
        src: PathBuf,
        /// The language to translate into (BCP 47), e.g. ro or el.
        #[arg(long)]
        language: String,
        #[arg(short, long, value_name = "FILE.xliff")]
        out: PathBuf,
    },
    /// Write the translations of an XLIFF 2 file back into the module's files. A file whose
    /// every piece is translated is written; the language is declared complete, or partial
    /// (format 1.1) while texts are missing. Importing an unchanged export changes nothing.
    Import {
        src: PathBuf,
        #[arg(value_name = "FILE.xliff")]
        xliff: PathBuf,
    },
}

#[derive(Subcommand)]
enum TrustAction {
    /// Trust the public key file of an organisation.
    Add { public_key: PathBuf },
    /// List trusted keys.
    List,
    /// Stop trusting a key (by public key or organisation name).
    Remove { key_or_organisation: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            errln!("error: {}", said_once(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, each said once: a library error often already quotes its
/// source (`cannot read X: No such file…`), which anyhow's chain would say again.
fn said_once(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !message.contains(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
    }
    message
}

fn data_dir(cli: &Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = cli {
        return Ok(dir.clone());
    }
    Library::default_data_dir().context("cannot find a data directory for this user; pass --data-dir DIR")
}

fn run(cli: Cli) -> Result<ExitCode> {
    let limits = Limits::default();
    let library = || -> Result<Library> { Ok(Library::new(data_dir(&cli.data_dir)?)) };
    match &cli.command {
        Command::Pack { src, out } => {
            let packed = pack::pack(src, out, &limits, &*bar())?;
            outln!(
                "packed {} {} ({} files, {}) into {}",
                packed.manifest.id,
                packed.manifest.version,
                packed.manifest.files.len(),
                human_size(packed.size),
                packed.output.display()
            );
            print_warnings(&packed.warnings);
        }
        Command::LmsExport { bundle, format, out, language, json } => {
            let exported =
                dlis::lms::package::export(bundle, *format, out, language.as_deref(), &limits, &*bar())?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&exported)?);
            } else {
                outln!(
                    "wrote {} {} as a {} package ({}) to {}",
                    exported.module_id,
                    exported.version,
                    exported.format.name(),
                    human_size(exported.size),
                    exported.output.display()
                );
            }
        }
        Command::Validate { bundle, json } => {
            let report = validate(bundle, &limits, &*bar());
            if *json {
                outln!("{}", serde_json::to_string_pretty(&report)?);
            } else if report.is_valid() {
                outln!("{} is a valid bundle", bundle.display());
                print_warnings(&report.warnings);
            } else {
                outln!("{} has {} problem(s):", bundle.display(), report.diagnostics.len());
                outln!("{}", diagnostic::render(&report.diagnostics));
            }
            return Ok(if report.is_valid() { ExitCode::SUCCESS } else { ExitCode::FAILURE });
        }
        Command::Inspect { bundle, json } => {
            let report = validate(bundle, &limits, &*bar());
            let verified_by = match (&report.signer, library()) {
                (Some(signer), Ok(lib)) => lib.trust()?.organisation_for(signer).map(str::to_owned),
                _ => None,
            };
            if *json {
                let value = serde_json::json!({ "report": report, "verified_by": verified_by });
                outln!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                print_inspect(&report, verified_by.as_deref());
            }
            return Ok(if report.is_valid() { ExitCode::SUCCESS } else { ExitCode::FAILURE });
        }
        Command::Install { bundle, force } => {
            let (installed, outcome) = library()?.install(bundle, *force, &*bar())?;
            let what = format!("{} {}", installed.manifest.id, installed.manifest.version);
            match outcome {
                InstallOutcome::Installed => outln!("installed {what}"),
                InstallOutcome::Upgraded { from } => {
                    outln!("upgraded {} from {from} to {}", installed.manifest.id, installed.manifest.version)
                }
                InstallOutcome::Replaced { from } => {
                    outln!("replaced {} {from} by {}", installed.manifest.id, installed.manifest.version)
                }
                InstallOutcome::Unchanged => outln!("{what} is already installed"),
            }
            outln!("  {}", signature_line(&installed));
        }
        Command::List { json } => {
            let (modules, problems) = library()?.list()?;
            if *json {
                let value = serde_json::json!({ "modules": modules.iter().map(list_entry).collect::<Vec<_>>(), "problems": problems });
                outln!("{}", serde_json::to_string_pretty(&value)?);
            } else if modules.is_empty() && problems.is_empty() {
                outln!("no module installed (install one with `dlis install BUNDLE.zip`)");
            } else {
                for module in &modules {
                    let m = &module.manifest;
                    outln!(
                        "{:<28} {:<8} {} ({} min, {}; {})",
                        m.id,
                        m.version.to_string(),
                        m.title_in("en"),
                        m.estimated_minutes,
                        m.languages.join("/"),
                        signature_line(module)
                    );
                }
                for problem in &problems {
                    errln!("warning: {problem}");
                }
            }
        }
        Command::Search { query, language, limit, json } => {
            let library = library()?;
            let mut index = dlis::search::SearchIndex::open(library.data_dir())?;
            index.sync(&library)?;
            let hits = index.search(query, language.as_deref(), *limit)?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&hits)?);
            } else if hits.is_empty() {
                outln!("nothing found for {query:?}");
            } else {
                for hit in &hits {
                    let at = hit
                        .at
                        .map(|s| format!(", {}:{:02}", (s / 60.0) as u64, (s % 60.0) as u64))
                        .unwrap_or_default();
                    let place = serde_json::to_value(hit.place)?;
                    outln!(
                        "{} {} ({}, {}{at})",
                        hit.module,
                        hit.activity.as_deref().unwrap_or(""),
                        place.as_str().unwrap_or(""),
                        hit.language
                    );
                    let snippet: String = hit
                        .snippet
                        .iter()
                        .map(|(text, marked)| if *marked { format!("[{text}]") } else { text.clone() })
                        .collect();
                    outln!("    {snippet}");
                }
            }
        }
        Command::Remove { module_id } => {
            let removed = library()?.remove(module_id)?;
            outln!("removed {} {}", removed.manifest.id, removed.manifest.version);
        }
        Command::Keygen { organisation, out } => {
            if organisation.trim().is_empty() {
                bail!("--organisation must name the organisation");
            }
            let key = KeyPair::generate(organisation);
            let (secret, public) = (out.with_extension("key"), out.with_extension("pub"));
            key.write(&secret, &public)?;
            outln!("wrote {} (secret: keep it safe, never ship it)", secret.display());
            outln!(
                "wrote {} (public: give it to the laptops that should trust {organisation})",
                public.display()
            );
        }
        Command::Sign { bundle, key, out } => {
            let key = KeyPair::read(key)?;
            let out = out.as_deref().unwrap_or(bundle);
            signature::sign_bundle(bundle, &key, out, &limits)?;
            outln!("signed {} as {}", out.display(), key.organisation);
        }
        Command::Trust { action } => {
            let mut store = library()?.trust()?;
            match action {
                TrustAction::Add { public_key } => {
                    let key = signature::read_public(public_key)?;
                    let organisation = key.organisation.clone();
                    if store.add(key)? {
                        outln!("trusted {organisation}: its signed modules show as verified");
                    } else {
                        outln!("{organisation} was already trusted");
                    }
                }
                TrustAction::List => {
                    for key in store.keys() {
                        outln!("{}  {}", key.public_key, key.organisation);
                    }
                }
                TrustAction::Remove { key_or_organisation } => match store.remove(key_or_organisation)? {
                    0 => bail!("no trusted key matches {key_or_organisation:?} (see `dlis trust list`)"),
                    n => outln!("removed {n} trusted key(s)"),
                },
            }
        }
        Command::Attestation { learner, module, issuer, out, pin_stdin } => {
            let dir = data_dir(&cli.data_dir)?;
            let code = attestation::write(&dir, learner, module, issuer.as_deref(), out, *pin_stdin)?;
            outln!("wrote {} (verification code {code})", out.display());
        }
        Command::SelfAssessment { action } => {
            let dir = data_dir(&cli.data_dir)?;
            match action {
                SurveyAction::Take { learner, module, survey, ratings, reflection, pin_stdin } => {
                    survey::take(
                        &dir,
                        learner,
                        module,
                        survey.as_deref(),
                        ratings,
                        reflection.as_deref(),
                        *pin_stdin,
                    )?
                }
                SurveyAction::Show { learner, module, survey, json, pin_stdin } => {
                    survey::show(&dir, learner, module, survey.as_deref(), *json, *pin_stdin)?
                }
            }
        }
        Command::Notes { action } => {
            let dir = data_dir(&cli.data_dir)?;
            match action {
                NotesAction::Add { learner, module, activity, at, text, pin_stdin } => {
                    notes::add(&dir, learner, module, activity, *at, text, *pin_stdin)?
                }
                NotesAction::List { learner, module, json, pin_stdin } => {
                    notes::list(&dir, learner, module.as_deref(), *json, *pin_stdin)?
                }
                NotesAction::Export { learner, out, pin_stdin } => {
                    notes::export(&dir, learner, out, *pin_stdin)?
                }
            }
        }
        Command::Translate { action } => match action {
            TranslateAction::Export { src, language, out } => translate::export(src, language, out)?,
            TranslateAction::Import { src, xliff } => translate::import(src, xliff)?,
        },
        Command::Schema => outln!("{}", serde_json::to_string_pretty(&dlis::manifest::json_schema())?),
        Command::Learners { json } => learners::list(&data_dir(&cli.data_dir)?, *json)?,
        Command::Learner { action } => {
            let dir = data_dir(&cli.data_dir)?;
            let mut store = learners::open_store(&dir)?;
            match action {
                LearnerAction::Create { name, language, pin_stdin } => {
                    let pin = if *pin_stdin {
                        let mut line = String::new();
                        std::io::stdin().read_line(&mut line)?;
                        Some(line.trim().to_owned())
                    } else {
                        None
                    };
                    let learner = store.create_learner(name, language, pin.as_deref())?;
                    outln!("{}", learner.id);
                }
                LearnerAction::Rename { id, name } => {
                    let learner = store.rename_learner(id, name)?;
                    outln!("renamed {} to {}", learner.id, learner.display_name);
                }
                LearnerAction::Link { id, identifier, yes, pin_stdin } => {
                    learners::link(&dir, id, identifier, *yes, *pin_stdin)?
                }
                LearnerAction::Unlink { id, pin_stdin } => learners::unlink(&dir, id, *pin_stdin)?,
                LearnerAction::Delete { id, yes } => {
                    let learner = store.learner(id)?;
                    if !*yes {
                        bail!(
                            "this deletes {} and every record of their progress, for good; add --yes to confirm",
                            learner.display_name
                        );
                    }
                    store.delete_learner(id)?;
                    outln!("deleted {} and their records", learner.display_name);
                }
            }
        }
        Command::Progress { learner, json } => learners::progress(&data_dir(&cli.data_dir)?, learner, *json)?,
        Command::Institution { action } => match action {
            InstitutionAction::Set { file } => records::set_institution(&data_dir(&cli.data_dir)?, file)?,
            InstitutionAction::Show => records::show_institution(&data_dir(&cli.data_dir)?)?,
        },
        Command::Sync { wait, batch, status } => {
            records::sync(&data_dir(&cli.data_dir)?, *wait, *batch, *status)?
        }
        Command::Export { out, learners } => records::export(&data_dir(&cli.data_dir)?, out, learners)?,
        Command::Push { files, lrs, user, password, batch } => {
            let target =
                records::PushTarget { lrs: lrs.clone(), user: user.clone(), password: password.clone() };
            records::push(&data_dir(&cli.data_dir)?, files, target, *batch)?
        }
        Command::Merge { files, out, roster, language } => {
            let installed = data_dir(&cli.data_dir).ok();
            return report::merge(files, out, roster.as_deref(), language, installed.as_deref());
        }
        Command::StartFresh { yes } => {
            let path = data_dir(&cli.data_dir)?.join(dlis::store::FILE_NAME);
            if !*yes {
                bail!(
                    "this sets {} aside and starts with no learners and no progress; add --yes to confirm",
                    path.display()
                );
            }
            let (_, aside) = dlis::store::Store::set_aside_and_start_fresh(&path)?;
            outln!("the old database is kept as {}; a new one is ready", aside.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn signature_line(installed: &Installed) -> String {
    match (&installed.verified_by, &installed.signer) {
        (Some(org), _) => format!("verified by {org}"),
        (None, Some(signer)) => format!("signed by an untrusted key claiming \"{}\"", signer.organisation),
        (None, None) => "unsigned".into(),
    }
}

fn list_entry(installed: &Installed) -> serde_json::Value {
    let m = &installed.manifest;
    serde_json::json!({
        "id": m.id, "version": m.version.to_string(), "title": m.title, "organisation": m.organisation.name,
        "languages": m.languages, "estimated_minutes": m.estimated_minutes, "activities": m.activities.len(),
        "size": installed.size, "path": installed.path, "verified_by": installed.verified_by,
        "signed": installed.signer.is_some(),
    })
}

/// What a trainer should look at in a valid bundle.
fn print_warnings(warnings: &[dlis::diagnostic::Diagnostic]) {
    if !warnings.is_empty() {
        outln!("warning(s):");
        outln!("{}", diagnostic::render(warnings));
    }
}

fn print_inspect(report: &Report, verified_by: Option<&str>) {
    outln!("{}", report.bundle.display());
    if let Some(m) = &report.manifest {
        let lang = m.default_language.as_str();
        outln!("  module      {} {} — {}", m.id, m.version, localized(&m.title, lang, lang));
        outln!("  issued by   {} ({})", m.organisation.name, m.license);
        outln!("  languages   {} (default {lang})", m.languages.join(", "));
        if let Some(coverage) = &report.coverage {
            for l in coverage.languages.iter().filter(|l| !l.complete) {
                outln!(
                    "              {} partial: {} of {} texts translated ({:.0} %)",
                    l.language,
                    l.translated,
                    coverage.pieces,
                    100.0 * l.translated as f64 / coverage.pieces.max(1) as f64
                );
            }
        }
        match &report.estimate {
            Some(e) => outln!(
                "  duration    about {} min declared; the content takes about {} min ({} words, {:.0} min of video, {} questions{})",
                m.estimated_minutes,
                e.minutes,
                e.words,
                e.video_seconds / 60.0,
                e.questions,
                if e.statements > 0 {
                    format!(", {} statements to rate", e.statements)
                } else {
                    String::new()
                }
            ),
            None => outln!("  duration    about {} min", m.estimated_minutes),
        }
        outln!("  activities");
        for activity in &m.activities {
            let detail = match activity {
                Activity::Lesson(_) => String::new(),
                Activity::Video(v) => {
                    format!(" ({:.0} s, {})", v.duration_seconds, v.source.media_type)
                }
                Activity::Quiz(q) => {
                    format!(" ({} questions, pass mark {}%)", q.questions.len(), q.pass_mark_percent)
                }
                Activity::Survey(s) => format!(
                    " ({} statements in {} dimensions, a scale of {})",
                    s.statements().count(),
                    s.dimensions.len(),
                    s.scale.len()
                ),
            };
            outln!(
                "    {:<6} {:<28} {}{detail}",
                activity.kind_name(),
                activity.id(),
                localized(activity.title(), lang, lang)
            );
        }
    }
    let total: u64 = report.entries.iter().map(|e| e.size).sum();
    let packed: u64 = report.entries.iter().map(|e| e.compressed_size).sum();
    outln!(
        "  files       {} ({} unpacked, {} in the zip)",
        report.entries.len(),
        human_size(total),
        human_size(packed)
    );
    let signer = match (&report.signer, verified_by) {
        (Some(_), Some(org)) => format!("verified by {org}"),
        (Some(s), None) => format!("signed by an untrusted key claiming \"{}\"", s.organisation),
        (None, _) => "unsigned".into(),
    };
    outln!("  signature   {signer}");
    if report.is_valid() {
        outln!("  valid       yes");
    } else {
        outln!(
            "  valid       no, {} problem(s):\n{}",
            report.diagnostics.len(),
            diagnostic::render(&report.diagnostics)
        );
    }
    print_warnings(&report.warnings);
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / 1_048_576.0),
        b if b >= 1 << 10 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

/// A terminal progress bar on stderr, or nothing when stderr is not a terminal.
fn bar() -> Box<dyn Progress> {
    if !std::io::stderr().is_terminal() {
        return Box::new(Silent);
    }
    Box::new(Bar(ProgressBar::hidden()))
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn phase(&self, label: &str, total: u64) {
        self.0.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.0.set_style(
            ProgressStyle::with_template("{msg:>10} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                .expect("static template")
                .progress_chars("=> "),
        );
        self.0.set_message(label.to_owned());
        self.0.set_length(total);
        self.0.set_position(0);
    }
    fn advance(&self, bytes: u64) {
        self.0.inc(bytes);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
