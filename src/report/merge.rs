//! Merging statements from many laptops: de-duplication by id, attribution to a learner and a
//! module, and the per-learner, per-module figures of the report.
//!
//! Statements are untrusted input (export files travel on USB sticks): anything that cannot
//! be attributed is counted under a reason, never dropped silently, and nothing in a
//! statement can make the merge fail. Every figure is a count, a sum of whole milliseconds, a
//! minimum, a maximum or a set, so it does not depend on the order statements arrive in.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use time::OffsetDateTime;

use super::statement::{self, Fact, KeptProfile, Kind, LinkFact, Reason, Strings, Subject, What};

/// The statements of one export file, read and attributed but not yet merged: the part of
/// the work that can run on another thread.
#[derive(Debug, Default)]
pub struct Batch {
    strings: Strings,
    facts: Vec<Fact>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Reads the statements of `text`, one per line.
    pub fn from_lines(text: &str) -> Batch {
        // Statements take a few hundred bytes each: one allocation, or a few, for the facts.
        let mut batch = Batch { facts: Vec::with_capacity(text.len() / 512), ..Batch::default() };
        for line in text.lines() {
            batch.push(line);
        }
        batch
    }

    /// Reads one statement (one line of `statements.jsonl`).
    pub fn push(&mut self, line: &str) {
        let fact = statement::read(line, &mut self.strings);
        self.facts.push(fact);
    }

    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}

/// Statements attributed to learners and modules, de-duplicated by statement id.
#[derive(Debug, Default)]
pub struct Merged {
    /// Ids seen so far, as numbers: 16 bytes each, and `A` and `a` are the same UUID.
    seen: HashSet<u128>,
    read: u64,
    duplicates: u64,
    unattributed: BTreeMap<Reason, u64>,
    /// For each reason, which statement (counted from 0 over all statements read) had it first.
    first_unattributed: BTreeMap<Reason, u64>,
    strings: Strings,
    /// (learner, module) → figures, both numbered in `strings`.
    figures: HashMap<(u32, u32), Figures>,
    /// Verified link and unlink statements, by pseudonym (numbers in `strings`).
    links: BTreeMap<u32, Vec<LinkFact>>,
    /// Module → its title (a canonical title) in the highest version that names it.
    titles: HashMap<u32, (u32, u32)>,
    /// `figures` with linked pseudonyms joined to their identifiers, made once for every
    /// table of the report (`attributed`); `add` forgets it.
    joined: std::cell::OnceCell<HashMap<(u32, u32), Figures>>,
}

/// One line of the report: a learner's record in a module, across every laptop.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The learner: their institutional identifier once they linked their profile (their
    /// pseudonym's records re-attributed by a verified link statement), their pseudonymous id
    /// otherwise (`actor.account.name`).
    pub learner_id: String,
    /// The account on the module's earliest completion, which the learner's attestation code
    /// was made from: a pseudonym when they completed before linking.
    pub completed_by: Option<String>,
    pub module_id: String,
    /// The highest module version the learner's statements name (semantic versioning order).
    pub module_version: String,
    /// True once a `completed` statement about the module itself was seen.
    pub completed: bool,
    /// The earliest such completion.
    pub completed_at: Option<OffsetDateTime>,
    /// The highest `result.score.scaled` (from -1 to 1) of all `passed`/`failed` statements
    /// about the module's quizzes (any quiz, any attempt, any version); `None` when there is none.
    pub best_score_scaled: Option<f64>,
    /// Submitted quiz attempts: the number of `passed` and `failed` statements.
    pub quiz_attempts: u32,
    /// True when at least one quiz attempt of the module was `passed`.
    pub quiz_passed: bool,
    /// Sum of `result.duration` of `completed` activity statements (lessons: time spent
    /// before the lesson was read; capsules: time watched) and of `passed`/`failed` quiz
    /// statements (attempt duration), in seconds, to the millisecond.
    pub time_spent_seconds: f64,
    /// Distinct lessons with a `completed` statement.
    pub lessons_completed: u32,
    /// Distinct capsules (videos) with a `completed` statement.
    pub capsules_completed: u32,
    /// Earliest and latest statement timestamps.
    pub first_activity_at: Option<OffsetDateTime>,
    pub last_activity_at: Option<OffsetDateTime>,
    /// Statements attributed to this learner and module.
    pub statements: u64,
    /// The learner's name from the trainer's roster (`dlis merge --roster`), if it lists them.
    pub learner_name: Option<String>,
    /// The module's title in the report's language (`Report::title_modules`).
    pub module_title: Option<String>,
}

impl Row {
    /// The code of the learner's attestation of this module (`dlis::attestation`), once it is
    /// complete: the same as on the PDF the learner saved.
    pub fn attestation_code(&self) -> Option<String> {
        let at = self.completed_at?;
        let by = self.completed_by.as_deref().unwrap_or(&self.learner_id);
        Some(crate::attestation::code(by, &self.module_id, &crate::xapi::timestamp(at)))
    }
}

/// Running figures of one learner in one module; strings are numbers in `Merged::strings`.
#[derive(Debug, Clone)]
struct Figures {
    version: u32,
    /// `Some` once completed, with the earliest completion time when one is known.
    completed_at: Option<Option<OffsetDateTime>>,
    /// The account of that completion, once figures of several accounts are joined.
    completed_by: Option<u32>,
    best_score: Option<f64>,
    attempts: u32,
    passed: bool,
    millis: u64,
    lessons: BTreeSet<u32>,
    capsules: BTreeSet<u32>,
    first: Option<OffsetDateTime>,
    last: Option<OffsetDateTime>,
    statements: u64,
    /// Self-assessments taken: when, which survey, which profile (numbers in `strings`).
    surveys: Vec<(Option<OffsetDateTime>, u32, u32)>,
    /// Questions answered: when, which (`quiz/question`), the response (numbers in
    /// `strings`), and whether it was right.
    answers: Vec<(Option<OffsetDateTime>, u32, u32, Option<bool>)>,
    /// Time spent per activity (number in `strings`), in milliseconds, counted as `millis`.
    activity_millis: BTreeMap<u32, u64>,
}

/// How long learners spent on a module, or on one of its activities: quartiles over the
/// learners with time recorded there, in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSpent {
    pub module_id: String,
    /// `None` for the module as a whole.
    pub activity_id: Option<String>,
    pub learners: u32,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

/// The quartiles of sorted `values` (linear between the nearest ranks, as spreadsheets'
/// QUARTILE.INC): `(q1, median, q3)`.
fn quartiles(values: &[f64]) -> (f64, f64, f64) {
    let at = |p: f64| {
        let rank = p * (values.len() - 1) as f64;
        let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
        values[low] + (values[high] - values[low]) * (rank - low as f64)
    };
    (at(0.25), at(0.5), at(0.75))
}

/// How one quiz question fared across learners: what a trainer reads to decide which
/// questions to rewrite.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ItemAnalysis {
    pub module_id: String,
    pub quiz_id: String,
    pub question_id: String,
    /// Learners who answered it.
    pub learners: u32,
    /// Answers, every attempt of every learner.
    pub attempts: u32,
    /// The share of those learners whose first answer was right, from 0 to 1.
    pub right_first_time: f64,
    /// The wrong response given most often (as xAPI writes it: option ids), with how often.
    pub most_chosen_wrong: Option<(String, u32)>,
    /// The share right at the first answer among the module's best third of learners (by
    /// best quiz score) minus that among its weakest third; `None` with fewer than three
    /// ranked learners or none of a third who answered it.
    pub discrimination: Option<f64>,
}

/// A cohort's self-assessment in one survey: each dimension's mean over the learners, at
/// their first take and at their last (the same take for a learner who took it once).
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyCohort {
    pub module_id: String,
    pub activity_id: String,
    /// The scale's highest point (of the latest take seen).
    pub scale: u8,
    /// Learners who took it.
    pub learners: u32,
    /// Learners who took it more than once.
    pub retook: u32,
    pub dimensions: Vec<DimensionCohort>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionCohort {
    pub id: String,
    /// Learners whose takes rate this dimension.
    pub learners: u32,
    pub first_mean: f64,
    pub last_mean: f64,
}

impl Figures {
    fn new(version: u32) -> Figures {
        Figures {
            version,
            completed_at: None,
            completed_by: None,
            best_score: None,
            attempts: 0,
            passed: false,
            millis: 0,
            lessons: BTreeSet::new(),
            capsules: BTreeSet::new(),
            first: None,
            last: None,
            statements: 0,
            surveys: Vec::new(),
            answers: Vec::new(),
            activity_millis: BTreeMap::new(),
        }
    }
}

impl Figures {
    /// Adds `other`, the figures of the same learner in the same module under another
    /// account: counts and sums add up, sets join, the earliest and latest win.
    fn join(&mut self, other: Figures, strings: &Strings) {
        if version_order(strings.get(other.version), strings.get(self.version)).is_gt() {
            self.version = other.version;
        }
        if let Some(theirs) = other.completed_at {
            let earlier = match self.completed_at {
                None => true,
                Some(ours) => theirs.is_some() && (ours.is_none() || theirs < ours),
            };
            if earlier {
                self.completed_at = Some(theirs);
                self.completed_by = other.completed_by;
            }
        }
        self.best_score = match (self.best_score, other.best_score) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.attempts = self.attempts.saturating_add(other.attempts);
        self.passed |= other.passed;
        self.millis = self.millis.saturating_add(other.millis);
        self.lessons.extend(other.lessons);
        self.capsules.extend(other.capsules);
        self.first = earliest(self.first, other.first);
        self.last = self.last.max(other.last);
        self.statements += other.statements;
        self.surveys.extend(other.surveys);
        self.answers.extend(other.answers);
        for (activity, millis) in other.activity_millis {
            let sum = self.activity_millis.entry(activity).or_default();
            *sum = sum.saturating_add(millis);
        }
    }
}

/// Orders module versions: semantic versions by precedence, above anything that is not one.
fn version_order(a: &str, b: &str) -> Ordering {
    match (semver::Version::parse(a), semver::Version::parse(b)) {
        (Ok(a), Ok(b)) => a.cmp(&b),
        (Ok(_), Err(_)) => Ordering::Greater,
        (Err(_), Ok(_)) => Ordering::Less,
        (Err(_), Err(_)) => a.cmp(b),
    }
}

fn earliest(a: Option<OffsetDateTime>, b: Option<OffsetDateTime>) -> Option<OffsetDateTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl Merged {
    pub fn new() -> Merged {
        Merged::default()
    }

    /// Adds the statements of a batch. A statement whose id was already seen is counted as a
    /// duplicate and ignored; one that cannot be attributed is counted under its reason.
    pub fn add(&mut self, batch: &Batch) {
        self.joined = std::cell::OnceCell::new();
        let numbers: Vec<u32> = batch.strings.all().iter().map(|s| self.strings.intern(s)).collect();
        let global = |n: u32| numbers.get(n as usize).copied().unwrap_or(u32::MAX);
        self.seen.reserve(batch.facts.len());
        for fact in &batch.facts {
            self.read += 1;
            let id = match fact.id {
                Ok(id) => id,
                // A statement without a usable id cannot be de-duplicated, nor attributed:
                // the reason for the id is the one reported.
                Err(reason) => {
                    self.unattributed_because(reason);
                    continue;
                }
            };
            if !self.seen.insert(id) {
                self.duplicates += 1;
                continue;
            }
            let about = match fact.about {
                Ok(Subject::Record(about)) => about,
                Ok(Subject::Link(link)) => {
                    let link = LinkFact {
                        pseudonym: global(link.pseudonym),
                        identifier: global(link.identifier),
                        key: global(link.key),
                        linked: link.linked,
                    };
                    self.links.entry(link.pseudonym).or_default().push(link);
                    continue;
                }
                Err(reason) => {
                    self.unattributed_because(reason);
                    continue;
                }
            };
            if let Some(title) = about.title.map(global) {
                let (module, version) = (global(about.module), global(about.version));
                let kept = self.titles.entry(module).or_insert((version, title));
                // The highest version's title; between equals, the smallest text, so that the
                // order statements arrive in does not matter.
                let order = version_order(self.strings.get(version), self.strings.get(kept.0))
                    .then_with(|| self.strings.get(kept.1).cmp(self.strings.get(title)));
                if order.is_gt() {
                    *kept = (version, title);
                }
            }
            let version = global(about.version);
            let key = (global(about.learner), global(about.module));
            let figures = self.figures.entry(key).or_insert_with(|| Figures::new(version));
            if figures.version != version
                && version_order(self.strings.get(version), self.strings.get(figures.version)).is_gt()
            {
                figures.version = version;
            }
            figures.statements += 1;
            figures.first = earliest(figures.first, about.at);
            figures.last = figures.last.max(about.at);
            match about.what {
                What::ModuleCompleted => {
                    figures.completed_at = Some(match figures.completed_at {
                        Some(at) => earliest(at, about.at),
                        None => about.at,
                    });
                }
                What::ActivityCompleted { activity, kind, millis } => {
                    *figures.activity_millis.entry(global(activity)).or_default() += millis;
                    figures.millis = figures.millis.saturating_add(millis);
                    match kind {
                        Kind::Lesson => figures.lessons.insert(global(activity)),
                        Kind::Capsule => figures.capsules.insert(global(activity)),
                        Kind::Other => false,
                    };
                }
                What::QuizSubmitted { activity, passed, scaled, millis } => {
                    *figures.activity_millis.entry(global(activity)).or_default() += millis;
                    figures.attempts = figures.attempts.saturating_add(1);
                    figures.passed |= passed;
                    figures.millis = figures.millis.saturating_add(millis);
                    if let Some(scaled) = scaled {
                        figures.best_score = Some(figures.best_score.map_or(scaled, |best| best.max(scaled)));
                    }
                }
                What::Answered { question, response, success } => {
                    figures.answers.push((about.at, global(question), global(response), success));
                }
                What::SurveyTaken { activity, profile } => {
                    figures.surveys.push((about.at, global(activity), global(profile)));
                }
                What::Other => {}
            }
        }
    }

    /// Counts the statement just read (`read` already counts it) under `reason`.
    fn unattributed_because(&mut self, reason: Reason) {
        *self.unattributed.entry(reason).or_default() += 1;
        self.first_unattributed.entry(reason).or_insert(self.read - 1);
    }

    /// For each reason met since the last call, the statement that had it first, counted
    /// from 0 over all statements read (each file's lines in order); the record starts over.
    pub fn take_first_unattributed(&mut self) -> BTreeMap<Reason, u64> {
        std::mem::take(&mut self.first_unattributed)
    }

    /// Adds one statement (the JSON of one line of `statements.jsonl`).
    pub fn add_line(&mut self, line: &str) {
        let mut batch = Batch::new();
        batch.push(line);
        self.add(&batch);
    }

    /// Statements read so far, duplicates and unattributed ones included.
    pub fn statements_read(&self) -> u64 {
        self.read
    }

    /// Statements whose id was already seen.
    pub fn duplicates(&self) -> u64 {
        self.duplicates
    }

    /// Statements that cannot be attributed to a learner and a module, counted by reason.
    pub fn unattributed(&self) -> &BTreeMap<Reason, u64> {
        &self.unattributed
    }

    /// Which pseudonyms verified link statements attribute to which identifier, and how many
    /// pseudonyms' links disagree (another key or another identifier for the same pseudonym:
    /// none of them is applied, since one may be forged).
    fn attribution(&self) -> (HashMap<u32, u32>, u64) {
        let mut to = HashMap::new();
        let mut conflicts = 0;
        for (&pseudonym, links) in &self.links {
            let Some(first) = links.iter().find(|l| l.linked) else { continue };
            if links.iter().all(|l| l.key == first.key && l.identifier == first.identifier) {
                to.insert(pseudonym, first.identifier);
            } else {
                conflicts += 1;
            }
        }
        (to, conflicts)
    }

    /// Verified link statements, and pseudonyms whose links disagree (not applied).
    pub fn links(&self) -> (u64, u64) {
        let statements = self.links.values().map(|l| l.len() as u64).sum();
        (statements, self.attribution().1)
    }

    /// The figures with every linked pseudonym's records joined to its identifier's: the
    /// figures themselves when no link applies, else a joined copy made once.
    fn attributed(&self) -> &HashMap<(u32, u32), Figures> {
        if self.links.is_empty() {
            return &self.figures;
        }
        self.joined.get_or_init(|| self.join_linked())
    }

    fn join_linked(&self) -> HashMap<(u32, u32), Figures> {
        let (to, _) = self.attribution();
        let mut joined: HashMap<(u32, u32), Figures> = HashMap::with_capacity(self.figures.len());
        // In a fixed order, so that joined figures do not depend on the map's.
        let mut entries: Vec<_> = self.figures.iter().collect();
        entries.sort_unstable_by_key(|&(&key, _)| key);
        for (&(learner, module), figures) in entries {
            let mut figures = figures.clone();
            if figures.completed_at.is_some() {
                figures.completed_by = Some(figures.completed_by.unwrap_or(learner));
            }
            let owner = to.get(&learner).copied().unwrap_or(learner);
            match joined.entry((owner, module)) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(figures);
                }
                std::collections::hash_map::Entry::Occupied(mut slot) => {
                    slot.get_mut().join(figures, &self.strings)
                }
            }
        }
        joined
    }

    /// Each module's title, by module id: language → text.
    pub fn titles(&self) -> BTreeMap<String, BTreeMap<String, String>> {
        self.titles
            .iter()
            .filter_map(|(&module, &(_, title))| {
                let title = serde_json::from_str(self.strings.get(title)).ok()?;
                Some((self.strings.get(module).to_owned(), title))
            })
            .collect()
    }

    /// One row per learner and module, sorted by learner id, then module id.
    pub fn rows(&self) -> Vec<Row> {
        let figures = self.attributed();
        let mut rows: Vec<Row> =
            figures.iter().map(|(&(learner, module), figures)| self.row(learner, module, figures)).collect();
        rows.sort_by(|a, b| (&a.learner_id, &a.module_id).cmp(&(&b.learner_id, &b.module_id)));
        rows
    }

    /// The cohorts' self-assessments, by module and survey. A learner's takes are ordered by
    /// time (then by profile, so that equal times give the same report in any file order).
    pub fn surveys(&self) -> Vec<SurveyCohort> {
        // (module, survey) → learner → takes.
        type Takes = Vec<(Option<OffsetDateTime>, u32)>;
        let mut by_survey: BTreeMap<(&str, &str), BTreeMap<u32, Takes>> = BTreeMap::new();
        for (&(learner, module), figures) in self.attributed().iter() {
            for &(at, activity, profile) in &figures.surveys {
                let key = (self.strings.get(module), self.strings.get(activity));
                by_survey.entry(key).or_default().entry(learner).or_default().push((at, profile));
            }
        }
        let mut out = Vec::new();
        for ((module_id, activity_id), learners) in by_survey {
            let mut sums: BTreeMap<String, (u32, f64, f64)> = BTreeMap::new();
            let (mut scale, mut latest, mut retook) = (0, None, 0);
            for takes in learners.values() {
                let mut takes: Vec<(Option<OffsetDateTime>, &str)> =
                    takes.iter().map(|&(at, p)| (at, self.strings.get(p))).collect();
                takes.sort();
                let takes: Vec<(Option<OffsetDateTime>, KeptProfile)> = takes
                    .into_iter()
                    .filter_map(|(at, p)| Some((at, serde_json::from_str(p).ok()?)))
                    .collect();
                let (Some(first), Some(last)) = (takes.first(), takes.last()) else { continue };
                retook += u32::from(takes.len() > 1);
                if latest.is_none_or(|at| last.0 >= at) {
                    (latest, scale) = (Some(last.0), last.1.scale);
                }
                for (id, last_mean) in &last.1.dimensions {
                    // A dimension missing from the first take (a newer survey) starts at the last.
                    let first_mean = first.1.dimensions.get(id).unwrap_or(last_mean);
                    let sum = sums.entry(id.clone()).or_default();
                    *sum = (sum.0 + 1, sum.1 + first_mean, sum.2 + last_mean);
                }
            }
            let round = |x: f64| (x * 100.0).round() / 100.0;
            out.push(SurveyCohort {
                module_id: module_id.to_owned(),
                activity_id: activity_id.to_owned(),
                scale,
                learners: u32::try_from(learners.len()).unwrap_or(u32::MAX),
                retook,
                dimensions: sums
                    .into_iter()
                    .map(|(id, (n, first, last))| DimensionCohort {
                        id,
                        learners: n,
                        first_mean: round(first / f64::from(n)),
                        last_mean: round(last / f64::from(n)),
                    })
                    .collect(),
            });
        }
        out
    }

    /// Time spent per module and per activity, as quartiles over the learners with time
    /// recorded there; sorted by module, the module's own line first, then by activity.
    pub fn time_spent(&self) -> Vec<TimeSpent> {
        let mut per: BTreeMap<(&str, Option<&str>), Vec<f64>> = BTreeMap::new();
        for (&(_, module), figures) in self.attributed().iter() {
            let module = self.strings.get(module);
            if figures.millis > 0 {
                per.entry((module, None)).or_default().push(figures.millis as f64 / 1000.0);
            }
            for (&activity, &millis) in &figures.activity_millis {
                if millis > 0 {
                    per.entry((module, Some(self.strings.get(activity))))
                        .or_default()
                        .push(millis as f64 / 1000.0);
                }
            }
        }
        per.into_iter()
            .map(|((module, activity), mut seconds)| {
                seconds.sort_by(f64::total_cmp);
                let (q1, median, q3) = quartiles(&seconds);
                TimeSpent {
                    module_id: module.to_owned(),
                    activity_id: activity.map(str::to_owned),
                    learners: u32::try_from(seconds.len()).unwrap_or(u32::MAX),
                    q1,
                    median,
                    q3,
                }
            })
            .collect()
    }

    /// Every quiz question's item analysis, by module, quiz and question.
    pub fn items(&self) -> Vec<ItemAnalysis> {
        // module → question → learner → (first answer's (time, response), right at first,
        // attempts); and module → learners ranked by best score.
        type PerLearner = BTreeMap<u32, ((Option<OffsetDateTime>, u32), Option<bool>, u32)>;
        let mut questions: BTreeMap<(&str, u32), PerLearner> = BTreeMap::new();
        let mut wrong: BTreeMap<(&str, u32), BTreeMap<&str, u32>> = BTreeMap::new();
        let mut ranked: BTreeMap<&str, Vec<(f64, &str, u32)>> = BTreeMap::new();
        for (&(learner, module), figures) in self.attributed().iter() {
            let module = self.strings.get(module);
            if let Some(best) = figures.best_score {
                ranked.entry(module).or_default().push((best, self.strings.get(learner), learner));
            }
            for &(at, question, response, success) in &figures.answers {
                let entry = questions.entry((module, question)).or_default().entry(learner).or_insert((
                    (at, response),
                    success,
                    0,
                ));
                entry.2 += 1;
                // The first answer: the earliest, then the smallest response, whatever the
                // order the files came in.
                let key = (at, self.strings.get(response));
                if key < (entry.0.0, self.strings.get(entry.0.1)) {
                    (entry.0, entry.1) = ((at, response), success);
                }
                if success == Some(false) {
                    *wrong
                        .entry((module, question))
                        .or_default()
                        .entry(self.strings.get(response))
                        .or_default() += 1;
                }
            }
        }
        // Each module's best and weakest thirds, by best score (ties by learner id).
        let thirds: BTreeMap<&str, (BTreeSet<u32>, BTreeSet<u32>)> = ranked
            .into_iter()
            .map(|(module, mut learners)| {
                learners.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
                let third = learners.len() / 3;
                let ids = |part: &[(f64, &str, u32)]| part.iter().map(|l| l.2).collect::<BTreeSet<u32>>();
                (module, (ids(&learners[..third]), ids(&learners[learners.len() - third..])))
            })
            .collect();
        let round = |x: f64| (x * 1000.0).round() / 1000.0;
        let mut out = Vec::new();
        for ((module, question), learners) in &questions {
            let (quiz_id, question_id) = self.strings.get(*question).split_once('/').unwrap_or(("", ""));
            let right = |group: &mut dyn Iterator<Item = &u32>| {
                let (mut n, mut right) = (0u32, 0u32);
                for learner in group {
                    if let Some((_, success, _)) = learners.get(learner) {
                        n += 1;
                        right += u32::from(*success == Some(true));
                    }
                }
                (n > 0).then(|| f64::from(right) / f64::from(n))
            };
            let discrimination = thirds
                .get(module)
                .filter(|(top, _)| !top.is_empty())
                .and_then(|(top, bottom)| Some(round(right(&mut top.iter())? - right(&mut bottom.iter())?)));
            let most_chosen_wrong = wrong.get(&(*module, *question)).and_then(|counts| {
                // The most often, then the first in order: the same in every run.
                let (response, count) =
                    counts.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
                Some(((*response).to_owned(), *count))
            });
            out.push(ItemAnalysis {
                module_id: (*module).to_owned(),
                quiz_id: quiz_id.to_owned(),
                question_id: question_id.to_owned(),
                learners: u32::try_from(learners.len()).unwrap_or(u32::MAX),
                attempts: learners.values().map(|l| l.2).fold(0u32, u32::saturating_add),
                right_first_time: round(right(&mut learners.keys()).unwrap_or(0.0)),
                most_chosen_wrong,
                discrimination,
            });
        }
        out.sort_by(|a, b| {
            (&a.module_id, &a.quiz_id, &a.question_id).cmp(&(&b.module_id, &b.quiz_id, &b.question_id))
        });
        out
    }

    fn row(&self, learner: u32, module: u32, figures: &Figures) -> Row {
        let count = |set: &BTreeSet<u32>| u32::try_from(set.len()).unwrap_or(u32::MAX);
        Row {
            learner_id: self.strings.get(learner).to_owned(),
            completed_by: figures.completed_by.map(|by| self.strings.get(by).to_owned()),
            module_id: self.strings.get(module).to_owned(),
            module_version: self.strings.get(figures.version).to_owned(),
            completed: figures.completed_at.is_some(),
            completed_at: figures.completed_at.flatten(),
            best_score_scaled: figures.best_score,
            quiz_attempts: figures.attempts,
            quiz_passed: figures.passed,
            time_spent_seconds: figures.millis as f64 / 1000.0,
            lessons_completed: count(&figures.lessons),
            capsules_completed: count(&figures.capsules),
            first_activity_at: figures.first,
            last_activity_at: figures.last,
            statements: figures.statements,
            learner_name: None,
            module_title: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::xapi::{activity_types, timestamp, verbs};

    const MODULE: &str = "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0";

    fn statement(id: &str, verb: &str, object: &str) -> Value {
        json!({
            "id": id,
            "actor": {"objectType": "Agent", "account": {"homePage": "https://x.example", "name": "L1"}},
            "verb": {"id": verb},
            "object": {"objectType": "Activity", "id": object},
            "context": {"contextActivities": {"parent": [{"id": MODULE}]}},
            "timestamp": "2026-01-02T10:00:00.000Z"
        })
    }

    fn id(n: u8) -> String {
        format!("00000000-0000-7000-8000-0000000000{n:02x}")
    }

    fn add(merged: &mut Merged, statement: &Value) {
        merged.add_line(&statement.to_string());
    }

    #[test]
    fn quartiles_are_the_spreadsheets_ones() {
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0, 5.0]), (2.0, 3.0, 4.0));
        assert_eq!(quartiles(&[10.0]), (10.0, 10.0, 10.0));
        assert_eq!(quartiles(&[1.0, 2.0]), (1.25, 1.5, 1.75));
        assert_eq!(quartiles(&[0.0, 10.0, 20.0, 3600.0]), (7.5, 15.0, 915.0));
    }

    #[test]
    fn versions_are_ordered_semantically() {
        assert!(version_order("1.10.0", "1.9.0").is_gt());
        assert!(version_order("2.0.0-rc.1", "2.0.0").is_lt());
        assert!(version_order("1.0.0", "latest").is_gt());
        let mut merged = Merged::new();
        for (n, version) in ["1.9.0", "1.10.0", "1.2.0"].into_iter().enumerate() {
            let object = format!("https://dlis-learn.eu/xapi/modules/dlis.m/{version}");
            add(&mut merged, &statement(&id(n as u8), verbs::EXPERIENCED, &object));
        }
        assert_eq!(merged.rows()[0].module_version, "1.10.0");
    }

    #[test]
    fn duplicates_are_counted_once_whatever_the_case_of_their_id() {
        let mut merged = Merged::new();
        add(&mut merged, &statement("0190aaaa-0000-7000-8000-00000000000a", verbs::COMPLETED, MODULE));
        add(&mut merged, &statement("0190AAAA-0000-7000-8000-00000000000A", verbs::COMPLETED, MODULE));
        assert_eq!((merged.statements_read(), merged.duplicates()), (2, 1));
        assert_eq!(merged.rows()[0].statements, 1);
    }

    #[test]
    fn each_unattributable_statement_has_its_reason() {
        let mut merged = Merged::new();
        let lesson = format!("{MODULE}/activities/intro");
        let mut cases: Vec<(String, Reason)> =
            vec![("\"text\"".into(), Reason::NotAnObject), ("{\"id\":".into(), Reason::NotJson)];
        let mut push = |edit: &dyn Fn(&mut Value), reason| {
            let mut s = statement(&id(cases.len() as u8), verbs::EXPERIENCED, &lesson);
            edit(&mut s);
            cases.push((s.to_string(), reason));
        };
        push(
            &|s| {
                s.as_object_mut().unwrap().remove("id");
            },
            Reason::NoId,
        );
        push(&|s| s["id"] = json!(null), Reason::NoId);
        push(&|s| s["id"] = json!("statement-1"), Reason::BadId);
        push(&|s| s["id"] = json!(42), Reason::BadId);
        push(&|s| s["actor"] = json!({"mbox": "mailto:a@example.org"}), Reason::NoLearner);
        push(&|s| s["actor"]["account"]["homePage"] = json!(null), Reason::NoLearner);
        push(&|s| s["actor"]["account"]["name"] = json!(""), Reason::NoLearner);
        push(&|s| s["actor"]["account"]["name"] = json!(7), Reason::NoLearner);
        push(&|s| s["actor"]["objectType"] = json!("Group"), Reason::NoLearner);
        push(&|s| s["verb"] = json!({}), Reason::NoVerb);
        push(&|s| s["verb"] = json!("completed"), Reason::NoVerb);
        push(&|s| s["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/voided"), Reason::Voiding);
        push(&|s| s["object"]["id"] = json!("https://example.org/course"), Reason::ForeignObject);
        push(&|s| s["object"]["objectType"] = json!("StatementRef"), Reason::ForeignObject);
        push(&|s| s["object"] = json!(null), Reason::ForeignObject);
        push(
            &|s| s["context"]["contextActivities"]["parent"][0]["id"] = json!(format!("{MODULE}x")),
            Reason::ParentMismatch,
        );
        let mut expected: BTreeMap<Reason, u64> = BTreeMap::new();
        for (statement, reason) in &cases {
            merged.add_line(statement);
            *expected.entry(*reason).or_default() += 1;
        }
        assert_eq!(merged.unattributed(), &expected);
        assert_eq!(merged.statements_read(), cases.len() as u64);
        assert!(merged.rows().is_empty());
        // A parent given as a single activity, or none at all, is fine.
        let mut single = statement(&id(200), verbs::EXPERIENCED, &lesson);
        single["context"]["contextActivities"]["parent"] = json!({"id": MODULE});
        let mut none = statement(&id(201), verbs::EXPERIENCED, &lesson);
        none.as_object_mut().unwrap().remove("context");
        add(&mut merged, &single);
        add(&mut merged, &none);
        assert_eq!(merged.rows()[0].statements, 2);
    }

    #[test]
    fn figures_follow_the_definitions() {
        let mut merged = Merged::new();
        let quiz = format!("{MODULE}/activities/check");
        let mut add = |n: u8, verb: &str, object: &str, result: Value, at: &str, kind: &str| {
            let mut s = statement(&id(n), verb, object);
            s["result"] = result;
            s["timestamp"] = json!(at);
            s["object"]["definition"] = json!({"type": kind});
            add(&mut merged, &s);
        };
        let lesson = format!("{MODULE}/activities/intro");
        let capsule = format!("{MODULE}/activities/capsule");
        add(
            1,
            verbs::COMPLETED,
            &lesson,
            json!({"duration": "PT1M"}),
            "2026-01-02T10:00:00Z",
            activity_types::LESSON,
        );
        // The same lesson completed again (another laptop) counts once as a lesson.
        add(
            2,
            verbs::COMPLETED,
            &lesson,
            json!({"duration": "PT1S"}),
            "2026-01-02T10:01:00Z",
            activity_types::LESSON,
        );
        add(
            3,
            verbs::COMPLETED,
            &capsule,
            json!({"duration": "PT30.5S"}),
            "2026-01-02T09:00:00+02:00",
            activity_types::VIDEO,
        );
        let scored =
            |scaled: Value, duration: &str| json!({"score": {"scaled": scaled}, "duration": duration});
        add(
            4,
            verbs::FAILED,
            &quiz,
            scored(json!(0.4), "PT2M"),
            "2026-01-02T10:03:00Z",
            activity_types::QUIZ,
        );
        add(
            5,
            verbs::PASSED,
            &quiz,
            scored(json!(0.8), "PT1M"),
            "2026-01-02T10:05:00Z",
            activity_types::QUIZ,
        );
        add(6, verbs::FAILED, &quiz, scored(json!(7), "bad"), "not a time", activity_types::QUIZ);
        add(
            7,
            verbs::COMPLETED,
            MODULE,
            json!({"duration": "PT9H"}),
            "2026-01-02T10:06:00Z",
            activity_types::MODULE,
        );
        add(8, verbs::COMPLETED, MODULE, json!({}), "2026-01-02T10:09:00Z", activity_types::MODULE);
        let row = &merged.rows()[0];
        assert!(row.completed && row.quiz_passed);
        assert_eq!(row.completed_at.map(timestamp).as_deref(), Some("2026-01-02T10:06:00.000Z"));
        assert_eq!(row.best_score_scaled, Some(0.8));
        assert_eq!(row.quiz_attempts, 3);
        assert_eq!(row.time_spent_seconds, 60.0 + 1.0 + 30.5 + 120.0 + 60.0);
        assert_eq!((row.lessons_completed, row.capsules_completed), (1, 1));
        assert_eq!(row.first_activity_at.map(timestamp).as_deref(), Some("2026-01-02T07:00:00.000Z"));
        assert_eq!(row.last_activity_at.map(timestamp).as_deref(), Some("2026-01-02T10:09:00.000Z"));
        assert_eq!(row.statements, 8);
    }

    #[test]
    fn the_order_of_statements_does_not_change_the_figures() {
        let lines: Vec<String> = (0..40u8)
            .map(|n| {
                let mut s = statement(
                    &id(n),
                    if n % 3 == 0 { verbs::PASSED } else { verbs::FAILED },
                    &format!("{MODULE}/activities/check"),
                );
                s["result"] =
                    json!({"score": {"scaled": f64::from(n) / 40.0}, "duration": format!("PT{}.1S", n)});
                s["timestamp"] = json!(format!("2026-01-02T10:{:02}:00.000Z", 59 - n));
                s.to_string()
            })
            .collect();
        let merge = |lines: &mut dyn Iterator<Item = &String>| {
            let mut merged = Merged::new();
            for line in lines {
                merged.add_line(line);
            }
            merged.rows()
        };
        assert_eq!(merge(&mut lines.iter()), merge(&mut lines.iter().rev()));
    }
}
