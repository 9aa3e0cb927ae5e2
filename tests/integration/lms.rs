//! Packages for an institution's LMS, as files: `dlis lms-export` of every sample writes a
//! whole, deterministic SCORM 1.2 package whose `imsmanifest.xml` is valid against ADL's
//! schemas (vendored in `tests/vendor/scorm12/`, checked by lxml, the XML library Python tools
//! use). `lms_player.rs` plays the packages in a browser.

use std::path::Path;
use std::process::Command;

use dlis::Manifest;
use dlis::lms::scorm12;
use serde_json::Value;

use crate::ralph::{ralph_python, root};
use crate::support::{dlis, pack_sample, sample_manifest, temp};

/// Validates each XML file against `schema` with lxml; returns the errors, file by file.
fn schema_errors(schema: &Path, files: &[std::path::PathBuf]) -> String {
    let script = r#"
import sys
from lxml import etree
schema = etree.XMLSchema(etree.parse(sys.argv[1]))
for path in sys.argv[2:]:
    if not schema.validate(etree.parse(path)):
        print(path, schema.error_log)
"#;
    let output = Command::new(ralph_python()).arg("-c").arg(script).arg(schema).args(files).output().unwrap();
    assert!(output.status.success(), "lxml: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// [`schema_errors`] against the SCORM 1.2 schemas (`all.xsd` imports IMS CP and ADL CP).
fn scorm_schema_errors(dir: &Path, files: &[std::path::PathBuf]) -> String {
    // libxml2 refuses IMS's ims_xml.xsd as written (it binds the `xml` namespace as the
    // default one, which nothing in it uses): a copy without that declaration.
    let schemas = dir.join("schemas");
    crate::support::copy_dir(&root().join("tests/vendor/scorm12"), &schemas);
    let ims_xml = schemas.join("ims_xml.xsd");
    let text = std::fs::read_to_string(&ims_xml).unwrap();
    let fixed = text.replacen(r#"xmlns="http://www.w3.org/XML/1998/namespace""#, "", 1);
    assert_ne!(fixed, text);
    std::fs::write(&ims_xml, fixed).unwrap();
    schema_errors(&schemas.join("all.xsd"), files)
}

#[test]
fn the_scorm_manifests_of_the_samples_are_valid_against_the_scorm_schemas() {
    let dir = temp();
    let mut written = Vec::new();
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let module = sample_manifest(name);
        let files: Vec<String> =
            [scorm12::LAUNCH, "player/app.js", "content/capsule/capsule.webm", "content/images/schéma 1.svg"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        for language in &module.languages {
            let xml = scorm12::manifest_xml(&module, language, &files);
            assert!(
                xml.contains(&format!("<title>{}</title>", module.title[language].replace('&', "&amp;")))
            );
            assert!(xml.contains(r#"href="content/images/sch%C3%A9ma%201.svg""#));
            let path = dir.path().join(format!("{name}-{language}.xml"));
            std::fs::write(&path, xml).unwrap();
            written.push(path);
        }
    }
    // A manifest the schema must refuse, so that the check is seen to check.
    let broken = dir.path().join("broken.xml");
    let good = std::fs::read_to_string(&written[0]).unwrap();
    std::fs::write(
        &broken,
        good.replace("<organizations default=\"dlis\">", "<organizations default=\"dlis\"><bogus/>"),
    )
    .unwrap();
    written.push(broken.clone());

    let errors = scorm_schema_errors(dir.path(), &written);
    let broken_name = broken.to_string_lossy().into_owned();
    let (refused, others): (Vec<&str>, Vec<&str>) = errors.lines().partition(|l| l.starts_with(&broken_name));
    assert!(others.is_empty(), "{errors}");
    assert!(!refused.is_empty(), "the schema refuses an element it does not know");
    assert_eq!(written.len(), 13, "three samples in four languages, and the broken one");
}

/// The package's files, by name.
fn unzip(path: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes).unwrap();
            (file.name().unwrap().to_string(), bytes)
        })
        .collect()
}

#[test]
fn a_trainer_exports_each_sample_for_an_lms_and_gets_a_whole_valid_package() {
    let dir = temp();
    let mut manifests = Vec::new();
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let bundle = pack_sample(dir.path(), name);
        let out = dir.path().join(format!("{name}-scorm.zip"));
        let run = dlis(dir.path())
            .arg("lms-export")
            .arg(&bundle)
            .arg("-o")
            .arg(&out)
            .arg("--json")
            .assert()
            .success();
        let report: serde_json::Value = serde_json::from_slice(&run.get_output().stdout).unwrap();
        eprintln!("{name}: package {} bytes, player {} bytes", report["size"], report["player_size"]);
        assert!(report["longest_state"].as_u64().unwrap() <= 4096);
        // The same bundle, the same package, byte for byte.
        let again = dir.path().join(format!("{name}-again.zip"));
        dlis(dir.path()).arg("lms-export").arg(&bundle).arg("-o").arg(&again).assert().success();
        assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap(), "{name}: deterministic");

        let files = unzip(&out);
        let module = Manifest::parse(&files["content/module.json"]).unwrap();
        let source = unzip(&bundle);
        assert_eq!(module, Manifest::parse(&source["module.json"]).unwrap(), "{name}: the bundle's manifest");
        // Every file of the bundle, with its bytes.
        for file in &module.files {
            assert_eq!(files[&format!("content/{}", file.path)], source[&file.path], "{name}: {}", file.path);
        }
        // The manifest lists every file of the package but itself, and nothing else.
        let xml = String::from_utf8(files["imsmanifest.xml"].clone()).unwrap();
        let listed: std::collections::BTreeSet<String> = xml
            .lines()
            .filter_map(|l| {
                l.trim().strip_prefix("<file href=\"")?.strip_suffix("\"/>").map(|h| h.replace("%20", " "))
            })
            .collect();
        let present: std::collections::BTreeSet<String> =
            files.keys().filter(|f| *f != "imsmanifest.xml").cloned().collect();
        assert_eq!(listed, present, "{name}");
        // Every script the player imports is in the package: a missing one blanks the page.
        for (file, bytes) in files.iter().filter(|(f, _)| f.ends_with(".js")) {
            let text = String::from_utf8_lossy(bytes);
            for import in text.split("from '").skip(1).filter_map(|rest| rest.split('\'').next()) {
                let base = Path::new(file).parent().unwrap();
                let mut target = std::path::PathBuf::new();
                for part in base.join(import).components() {
                    match part {
                        std::path::Component::ParentDir => {
                            target.pop();
                        }
                        std::path::Component::CurDir => {}
                        other => target.push(other),
                    }
                }
                let target = target.to_string_lossy().replace('\\', "/");
                assert!(files.contains_key(&target), "{file} imports {import}, which the package lacks");
            }
        }
        // A lesson as the app shows it: rendered and sanitised by the core, images in the package.
        let lesson =
            files.keys().find(|f| f.starts_with("content/pages/") && f.contains(".lesson.")).unwrap();
        let page: serde_json::Value = serde_json::from_slice(&files[lesson]).unwrap();
        assert!(page["html"].as_str().unwrap().contains("<h"), "{lesson}");
        assert!(!page["html"].as_str().unwrap().contains("<script"));
        let path = dir.path().join(format!("{name}-imsmanifest.xml"));
        std::fs::write(&path, xml).unwrap();
        manifests.push(path);
    }
    let errors = scorm_schema_errors(dir.path(), &manifests);
    assert!(errors.trim().is_empty(), "{errors}");
}

#[test]
fn a_bundle_that_is_not_valid_is_not_exported_and_nothing_is_written() {
    let dir = temp();
    let bundle = dir.path().join("broken.zip");
    std::fs::write(&bundle, b"PK\x03\x04 not really a zip").unwrap();
    let out = dir.path().join("out.zip");
    let run = dlis(dir.path()).arg("lms-export").arg(&bundle).arg("-o").arg(&out).assert().failure();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(stderr.contains("broken.zip"), "the error names the bundle: {stderr}");
    assert!(!out.exists(), "nothing written");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no half-written file: {leftovers:?}");
}

/// The same learner's work applied by the desktop app's store (SQLite) and by the LMS player's
/// session (the state SCORM keeps) counts the same: the same progress, scores and completion.
#[test]
fn the_lms_player_counts_a_learners_work_as_the_desktop_app_does() {
    use dlis::completion::Event;
    use dlis::lms::session::Session;
    use dlis::lms::suspend::{Shape, Suspended};
    use dlis::manifest::Activity;
    use dlis::quiz::Response;
    use dlis::store::Store;

    let module = sample_manifest("exclusion-numerique");
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let learner = store.create_learner("Ioana", "ro", None).unwrap();
    let mut session = Session::new(&module, Suspended::fresh(&Shape::of(&module)), "ro".into()).unwrap();
    let today = "2026-12-02";
    // What the session says happened, for cmi5's statements.
    let mut said = Vec::new();
    let same = |store: &Store, session: &Session, when: &str| {
        let app = store.module_progress(&learner.id, &module).unwrap();
        let lms = session.progress();
        // Watched shares differ by at most a slot of the bitmap SCORM keeps (a second here).
        assert_eq!(app.status, lms.status, "{when}");
        assert_eq!(app.done, lms.done, "{when}");
        assert_eq!(app.completed_at.is_some(), lms.completed_at.is_some(), "{when}");
        assert_eq!(app.last_activity_id, lms.last_activity_id, "{when}");
    };
    for activity in &module.activities {
        let id = activity.id().to_owned();
        let events = match activity {
            Activity::Lesson(_) => vec![
                Event::LessonOpened { activity: id.clone() },
                Event::LessonTime { activity: id.clone(), seconds: 42.0 },
                Event::LessonRead { activity: id.clone() },
            ],
            Activity::Video(video) => vec![
                Event::VideoWatched {
                    activity: id.clone(),
                    from: 0.0,
                    to: 30.0,
                    subtitle_language: Some("ro".into()),
                },
                Event::VideoPosition { activity: id.clone(), position: 30.0 },
                Event::VideoWatched {
                    activity: id.clone(),
                    from: 30.0,
                    to: video.duration_seconds,
                    subtitle_language: None,
                },
            ],
            Activity::Quiz(quiz) => {
                // A failed attempt, then a passed one: the same scores on both sides.
                for right in [false, true] {
                    let app = store.start_quiz(&learner.id, &module, &id).unwrap();
                    let (lms, change) =
                        session.start_quiz(&id, app.layout.questions.len() as u64, today).unwrap();
                    said.extend(change.happened);
                    assert_eq!(app.attempts_left, lms.attempts_left);
                    for question in &quiz.questions {
                        let response = match (&question.answer, right) {
                            (dlis::manifest::Answer::TrueFalse { correct }, _) => {
                                Response::TrueFalse(*correct == right)
                            }
                            (dlis::manifest::Answer::SingleChoice { correct, options }, _) => {
                                Response::SingleChoice(if right {
                                    correct.clone()
                                } else {
                                    options.iter().find(|o| &o.id != correct).unwrap().id.clone()
                                })
                            }
                            (dlis::manifest::Answer::ShortText { accepted, .. }, _) => {
                                Response::ShortText(if right {
                                    accepted["ro"][0].clone()
                                } else {
                                    "nu știu".into()
                                })
                            }
                            (dlis::manifest::Answer::MultipleChoice { correct, .. }, _) => {
                                Response::MultipleChoice(
                                    correct
                                        .iter()
                                        .take(if right { correct.len() } else { 1 })
                                        .cloned()
                                        .collect(),
                                )
                            }
                            (dlis::manifest::Answer::Ordering { items }, _) => {
                                let mut order: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
                                if !right {
                                    order.reverse();
                                }
                                Response::Ordering(order)
                            }
                            (dlis::manifest::Answer::Matching { pairs, .. }, _) => Response::Matching(
                                pairs
                                    .iter()
                                    .enumerate()
                                    .map(|(n, p)| {
                                        (
                                            p.id.clone(),
                                            pairs[if right { n } else { (n + 1) % pairs.len() }].id.clone(),
                                        )
                                    })
                                    .collect(),
                            ),
                        };
                        let scored = store
                            .answer(&learner.id, &module, app.attempt_id, &question.id, &response)
                            .unwrap();
                        let (_, lms_scored, change) =
                            session.answer(&id, &question.id, &response, today).unwrap();
                        said.extend(change.happened);
                        assert_eq!(scored, lms_scored, "{}", question.id);
                    }
                    let app_total = store.submit_quiz(&learner.id, &module, app.attempt_id).unwrap();
                    let (_, lms_total, change) = session.submit(&id, today).unwrap();
                    said.extend(change.happened);
                    assert_eq!(app_total, lms_total);
                    assert_eq!(app_total.passed, right);
                    same(&store, &session, &format!("after attempt {right}"));
                }
                vec![]
            }
            Activity::Survey(_) => unreachable!("exclusion-numerique has no survey"),
        };
        for event in events {
            store.record(&learner.id, &module, &event).unwrap();
            said.extend(session.record(&event, today).unwrap().happened);
            same(&store, &session, &format!("{event:?}"));
        }
    }
    assert_eq!(session.progress().completed_at.as_deref(), Some(today));
    let done = session.progress().done;
    assert_eq!(done, module.activities.len(), "the module is complete on both sides");

    // The same statements, but for who, when and the context: verb, object, result (durations
    // aside: the app times an attempt by the clock).
    let key = |verb: &Value, object: &Value, result: &Value| {
        let mut result = result.clone();
        if let Some(fields) = result.as_object_mut() {
            fields.remove("duration");
        }
        serde_json::json!([verb, object, result])
    };
    let app: Vec<Value> = store
        .outbox()
        .unwrap()
        .iter()
        .map(|json| serde_json::from_str::<Value>(json).unwrap())
        .map(|s| key(&s["verb"]["id"], &s["object"], &s["result"]))
        .collect();
    let lms: Vec<Value> = said
        .iter()
        .map(|h| {
            key(
                &serde_json::json!(h.verb),
                &serde_json::to_value(&h.object).unwrap(),
                &serde_json::to_value(&h.result).unwrap(),
            )
        })
        .collect();
    assert!(app.len() > 30, "{} statements", app.len());
    for (n, (a, l)) in app.iter().zip(&lms).enumerate() {
        assert_eq!(a, l, "statement {n}");
    }
    assert_eq!(app.len(), lms.len());
}

#[test]
fn each_sample_exports_for_cmi5_with_a_course_structure_valid_against_the_cmi5_schema() {
    let dir = temp();
    let mut written = Vec::new();
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let bundle = pack_sample(dir.path(), name);
        let out = dir.path().join(format!("{name}-cmi5.zip"));
        dlis(dir.path())
            .args(["lms-export", "--format", "cmi5"])
            .arg(&bundle)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let files = unzip(&out);
        assert!(!files.contains_key("imsmanifest.xml"), "a cmi5 package is not a SCORM one");
        assert!(files.contains_key("lms/cmi5.js") && files.contains_key("index.html"));
        let xml = String::from_utf8(files["cmi5.xml"].clone()).unwrap();
        let module = Manifest::parse(&files["content/module.json"]).unwrap();
        for (language, title) in &module.title {
            assert!(xml.contains(&format!(
                "<langstring lang=\"{language}\">{}</langstring>",
                title.replace('&', "&amp;")
            )));
        }
        assert!(xml.contains("moveOn=\"CompletedAndPassed\" masteryScore=\"0.8\""), "{xml}");
        assert!(xml.contains("<url>index.html</url>"));
        let path = dir.path().join(format!("{name}-cmi5.xml"));
        std::fs::write(&path, &xml).unwrap();
        written.push(path);
    }
    // One the schema must refuse: an AU without its launch URL.
    let broken = dir.path().join("broken-cmi5.xml");
    let good = std::fs::read_to_string(&written[0]).unwrap();
    std::fs::write(&broken, good.replace("    <url>index.html</url>\n", "")).unwrap();
    written.push(broken.clone());
    let errors = schema_errors(&root().join("tests/vendor/cmi5/CourseStructure.xsd"), &written);
    let broken_name = broken.to_string_lossy().into_owned();
    let (refused, others): (Vec<&str>, Vec<&str>) = errors.lines().partition(|l| l.starts_with(&broken_name));
    assert!(others.is_empty(), "{errors}");
    assert!(!refused.is_empty(), "the schema refuses an AU without a URL");
}
