//! A learner's session, through the library the app will call and the CLI trainers use:
//! profiles, lessons, capsules, quizzes, completion, resumption, statements, upgrades.

use std::collections::BTreeMap;

use dlis::Manifest;
use dlis::quiz::Response;
use dlis::store::{ActivityProgress, Event, Store, TrackError};
use dlis::sync::Ledger;
use serde_json::Value;

use crate::support::*;

fn module(version: &str) -> Manifest {
    serde_json::from_value(manifest(version)).unwrap()
}

fn verbs(store: &Store) -> Vec<String> {
    store
        .outbox()
        .unwrap()
        .iter()
        .map(|s| {
            let v: Value = serde_json::from_str(s).unwrap();
            v["verb"]["id"].as_str().unwrap().rsplit('/').next().unwrap().to_owned()
        })
        .collect()
}

fn lesson(activity: &str) -> String {
    activity.to_owned()
}

#[test]
fn a_learner_completes_a_module_and_every_step_is_recorded() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = module("1.0.0");
    let amina = store.create_learner("Amina", "en", None).unwrap();

    store.record(&amina.id, &module, &Event::LessonOpened { activity: lesson("intro") }).unwrap();
    store
        .record(&amina.id, &module, &Event::LessonTime { activity: lesson("intro"), seconds: 95.0 })
        .unwrap();
    store.record(&amina.id, &module, &Event::LessonRead { activity: lesson("intro") }).unwrap();
    store.record(&amina.id, &module, &Event::LessonRead { activity: lesson("intro") }).unwrap();

    // Seeking to the end does not count as watching: only played intervals do.
    let watched = |from: f64, to: f64| Event::VideoWatched {
        activity: "capsule".into(),
        from,
        to,
        subtitle_language: Some("en".into()),
    };
    store.record(&amina.id, &module, &watched(0.0, 4.0)).unwrap();
    store
        .record(&amina.id, &module, &Event::VideoPosition { activity: "capsule".into(), position: 12.0 })
        .unwrap();
    store.record(&amina.id, &module, &watched(12.0, 12.5)).unwrap();
    let video = store.video_state(&amina.id, &module, "capsule").unwrap();
    assert_eq!(video.intervals, [(0.0, 4.0), (12.0, 12.5)]);
    assert_eq!(video.watched_percent, 36.0);
    assert_eq!(video.position, 12.5);
    assert_eq!(video.subtitle_language.as_deref(), Some("en"));
    store.record(&amina.id, &module, &watched(3.5, 12.2)).unwrap();
    assert_eq!(store.video_state(&amina.id, &module, "capsule").unwrap().watched_percent, 100.0);

    let progress = store.module_progress(&amina.id, &module).unwrap();
    assert!(progress.completed_at.is_none(), "the quiz is not passed yet");

    let attempt = store.start_quiz(&amina.id, &module, "check").unwrap();
    assert_eq!(attempt.number, 1);
    assert_eq!(attempt.attempts_left, Some(1));
    let scored =
        store.answer(&amina.id, &module, attempt.attempt_id, "q1", &Response::TrueFalse(true)).unwrap();
    assert!(scored.correct);
    let again = store.answer(&amina.id, &module, attempt.attempt_id, "q1", &Response::TrueFalse(false));
    assert!(matches!(again, Err(TrackError::AlreadyAnswered(_))), "immediate feedback makes answers final");
    store.answer(&amina.id, &module, attempt.attempt_id, "q2", &Response::SingleChoice("b".into())).unwrap();
    let total = store.submit_quiz(&amina.id, &module, attempt.attempt_id).unwrap();
    assert_eq!((total.score, total.max, total.passed), (1.0, 2.0, true), "1/2 passes a 50% mark");

    let progress = store.module_progress(&amina.id, &module).unwrap();
    assert!(progress.completed_at.is_some());
    assert_eq!(progress.last_activity_id.as_deref(), Some("check"));
    let ActivityProgress::Lesson { read, seconds, .. } = &progress.activities[0] else { panic!() };
    assert!(*read);
    assert_eq!(*seconds, 95.0);

    assert_eq!(
        verbs(&store),
        [
            "experienced",
            "completed", // lesson opened, read (only once)
            "progressed",
            "progressed",
            "progressed",
            "completed", // capsule, completed at 90 %
            "attempted",
            "answered",
            "answered",
            "passed",
            "completed", // quiz, then the module
        ]
    );
}

#[test]
fn an_interrupted_attempt_resumes_exactly_where_it_was() {
    let dir = temp();
    let path = dir.path().join("progress.db");
    let module = module("1.0.0");
    let (learner, first) = {
        let mut store = Store::open(&path).unwrap();
        let learner = store.create_learner("Ioana", "fr", None).unwrap();
        let first = store.start_quiz(&learner.id, &module, "check").unwrap();
        store
            .answer(&learner.id, &module, first.attempt_id, "q2", &Response::SingleChoice("a".into()))
            .unwrap();
        (learner, first)
    }; // the app is closed here

    let mut store = Store::open(&path).unwrap();
    let resumed = store.start_quiz(&learner.id, &module, "check").unwrap();
    assert_eq!(resumed.attempt_id, first.attempt_id);
    assert_eq!(resumed.layout, first.layout, "same question and option order");
    assert_eq!(resumed.answers.keys().collect::<Vec<_>>(), ["q2"]);
    assert_eq!(resumed.answers["q2"].0, Response::SingleChoice("a".into()));
}

#[test]
fn attempts_are_limited_by_the_quiz() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = module("1.0.0");
    let learner = store.create_learner("Nikos", "el", None).unwrap();
    for expected_left in [1, 0] {
        let attempt = store.start_quiz(&learner.id, &module, "check").unwrap();
        assert_eq!(attempt.attempts_left, Some(expected_left));
        let total = store.submit_quiz(&learner.id, &module, attempt.attempt_id).unwrap();
        assert!(!total.passed, "unanswered questions count as wrong");
        let resubmit = store.submit_quiz(&learner.id, &module, attempt.attempt_id);
        assert!(matches!(resubmit, Err(TrackError::AttemptSubmitted(_))));
    }
    let third = store.start_quiz(&learner.id, &module, "check");
    assert!(matches!(third, Err(TrackError::NoAttemptsLeft { max: 2, .. })), "{third:?}");
    let ActivityProgress::Quiz(quiz) = &store.module_progress(&learner.id, &module).unwrap().activities[2]
    else {
        panic!()
    };
    assert_eq!((quiz.attempts, quiz.attempts_left, quiz.passed), (2, Some(0), false));
}

#[test]
fn bad_events_are_refused_and_change_nothing() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = module("1.0.0");
    let learner = store.create_learner("Jan", "nl-BE", None).unwrap();
    let refused = [
        Event::LessonOpened { activity: "nope".into() },
        Event::LessonOpened { activity: "capsule".into() },
        Event::VideoWatched { activity: "capsule".into(), from: 5.0, to: 2.0, subtitle_language: None },
        Event::VideoWatched { activity: "capsule".into(), from: f64::NAN, to: 2.0, subtitle_language: None },
        Event::LessonTime { activity: "intro".into(), seconds: -3.0 },
    ];
    for event in &refused {
        assert!(store.record(&learner.id, &module, event).is_err(), "{event:?}");
    }
    assert!(
        store.record("not-a-learner", &module, &Event::LessonOpened { activity: "intro".into() }).is_err()
    );
    let attempt = store.start_quiz(&learner.id, &module, "check").unwrap();
    let wrong_type =
        store.answer(&learner.id, &module, attempt.attempt_id, "q1", &Response::ShortText("yes".into()));
    assert!(matches!(wrong_type, Err(TrackError::Response(_))));
    assert_eq!(verbs(&store), ["attempted"], "only the attempt was recorded");
}

/// The module is complete exactly when every activity meets its part of the rule, whichever
/// parts the module asks for, and from the first event after which it holds.
#[test]
fn completion_follows_each_part_of_the_rule() {
    let rules = [(true, None, false), (false, Some(90), false), (false, None, true), (true, Some(90), true)];
    for (all_lessons_read, videos_watched_percent, quizzes_passed) in rules {
        let dir = temp();
        let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
        let mut module = module("1.0.0");
        module.completion.all_lessons_read = all_lessons_read;
        module.completion.videos_watched_percent = videos_watched_percent;
        module.completion.quizzes_passed = quizzes_passed;
        let learner = store.create_learner("Elena", "ro", None).unwrap();
        let watched = |to: f64| Event::VideoWatched {
            activity: "capsule".into(),
            from: 0.0,
            to,
            subtitle_language: None,
        };

        let mut was_done = false;
        let mut step = |store: &mut Store, what: &str| {
            let progress = store.module_progress(&learner.id, &module).unwrap();
            let done = progress.activities.iter().all(|a| a.done(&module));
            assert_eq!(progress.completed_at.is_some(), done, "{:?} after {what}", module.completion);
            let statements = verbs(store);
            let completions = statements.iter().filter(|v| *v == "completed").count();
            if done && !was_done {
                assert!(statements.last().is_some_and(|v| v == "completed"), "{statements:?}");
            }
            was_done = done;
            completions
        };
        store.record(&learner.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();
        step(&mut store, "opening the lesson");
        store.record(&learner.id, &module, &watched(5.0)).unwrap();
        step(&mut store, "watching 40 %");
        store.record(&learner.id, &module, &Event::LessonRead { activity: "intro".into() }).unwrap();
        step(&mut store, "reading the lesson");
        store.record(&learner.id, &module, &watched(12.5)).unwrap();
        step(&mut store, "watching the capsule");
        let attempt = store.start_quiz(&learner.id, &module, "check").unwrap();
        store.answer(&learner.id, &module, attempt.attempt_id, "q1", &Response::TrueFalse(true)).unwrap();
        store.submit_quiz(&learner.id, &module, attempt.attempt_id).unwrap();
        let before = step(&mut store, "passing the quiz");
        store.record(&learner.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();
        assert_eq!(step(&mut store, "coming back"), before, "the module is completed once");
        assert!(was_done, "{:?}: every part is met at the end", module.completion);
    }
}

#[test]
fn the_module_studied_last_comes_first_with_the_time_of_its_last_event() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let first = module("1.0.0");
    let mut second = module("1.0.0");
    second.id = "other.module".into();
    let learner = store.create_learner("Sami", "fr", None).unwrap();
    // Event times have millisecond precision: wait until the clock shows a later one.
    let pause = || {
        let now = || time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
        let before = now();
        while now() <= before {
            std::hint::spin_loop();
        }
    };

    store.record(&learner.id, &first, &Event::LessonOpened { activity: "intro".into() }).unwrap();
    pause();
    store
        .record(&learner.id, &second, &Event::VideoPosition { activity: "capsule".into(), position: 3.0 })
        .unwrap();
    assert_eq!(store.modules_of(&learner.id).unwrap(), ["other.module", "test.module"]);
    pause();
    let attempt = store.start_quiz(&learner.id, &first, "check").unwrap();
    assert_eq!(store.modules_of(&learner.id).unwrap(), ["test.module", "other.module"], "a quiz counts");
    pause();
    store
        .record(&learner.id, &second, &Event::LessonTime { activity: "intro".into(), seconds: 4.0 })
        .unwrap();
    assert_eq!(store.modules_of(&learner.id).unwrap(), ["other.module", "test.module"]);
    pause();
    store.answer(&learner.id, &first, attempt.attempt_id, "q1", &Response::TrueFalse(true)).unwrap();
    assert_eq!(store.modules_of(&learner.id).unwrap(), ["test.module", "other.module"], "an answer counts");

    let last_event: String = store
        .connection()
        .query_row(
            "SELECT at FROM event WHERE module_id = 'test.module' ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(store.module_progress(&learner.id, &first).unwrap().last_at, Some(last_event));
}

#[test]
fn upgrading_a_module_keeps_the_records_of_activities_that_still_exist() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let v1 = module("1.0.0");
    let learner = store.create_learner("Marc", "fr", None).unwrap();
    store.record(&learner.id, &v1, &Event::LessonRead { activity: "intro".into() }).unwrap();
    store
        .record(
            &learner.id,
            &v1,
            &Event::VideoWatched { activity: "capsule".into(), from: 0.0, to: 5.0, subtitle_language: None },
        )
        .unwrap();

    let mut v2_json = manifest("2.0.0");
    v2_json["activities"][1]["id"] = "new-capsule".into(); // the capsule was replaced
    let v2: Manifest = serde_json::from_value(v2_json).unwrap();
    let progress = store.module_progress(&learner.id, &v2).unwrap();
    let by_id: BTreeMap<&str, &ActivityProgress> = progress.activities.iter().map(|a| (a.id(), a)).collect();
    assert!(
        matches!(by_id["intro"], ActivityProgress::Lesson { read: true, .. }),
        "the lesson is still read"
    );
    assert!(matches!(by_id["new-capsule"], ActivityProgress::Video { watched_percent: 0.0, .. }));
    let statements = store.outbox().unwrap();
    assert!(
        statements.iter().all(|s| s.contains("/modules/test.module/1.0.0")),
        "statements name the version"
    );
}

#[test]
fn profiles_for_a_shared_laptop() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = module("1.0.0");
    let a = store.create_learner("  Sofia   K. ", "el", Some("4321")).unwrap();
    let b = store.create_learner("Luc", "fr", None).unwrap();
    assert_eq!(a.display_name, "Sofia K.");
    assert!(a.has_pin && !b.has_pin);
    assert_ne!(a.id, b.id);
    assert!(uuid::Uuid::parse_str(&a.id).is_ok(), "the pseudonymous id is a UUID");

    assert!(store.check_pin(&a.id, "1234").is_err());
    store.check_pin(&a.id, "4321").unwrap();
    store.check_pin(&b.id, "").unwrap();
    assert!(store.create_learner("X", "fr", Some("12")).is_err(), "a PIN has at least 4 digits");
    assert!(store.create_learner("", "fr", None).is_err());
    assert!(store.create_learner("Y", "not a tag!", None).is_err());

    store.switch_learner(&a.id).unwrap();
    assert_eq!(store.current_learner().unwrap().unwrap().id, a.id);
    store.rename_learner(&a.id, "Sofia").unwrap();
    store.record(&a.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();
    store.record(&b.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();

    store.delete_learner(&a.id).unwrap();
    assert!(store.current_learner().unwrap().is_none());
    assert_eq!(store.learners().unwrap(), [b]);
    assert_eq!(store.outbox().unwrap().len(), 1, "Sofia's statements went with her profile");
    let leftovers: i64 = store
        .connection()
        .query_row("SELECT (SELECT count(*) FROM event WHERE learner_id = ?1) + (SELECT count(*) FROM lesson_progress WHERE learner_id = ?1)", [&a.id], |r| r.get(0))
        .unwrap();
    assert_eq!(leftovers, 0);
}

/// The sync finds what to send from a cursor: everything before it was sent. Deleting a
/// profile whose statements came last must not hide the next statements behind that cursor
/// (SQLite gives a deleted last row's number to the next row).
#[test]
fn statements_made_after_a_profile_is_deleted_are_still_sent() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = module("1.0.0");
    let stays = store.create_learner("Ana", "ro", None).unwrap();
    let leaves = store.create_learner("Bram", "nl-BE", None).unwrap();
    store.record(&stays.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();
    for _ in 0..3 {
        store.record(&leaves.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();
    }
    let sent = store.pending(100).unwrap();
    assert_eq!(sent.len(), 4);
    store.acknowledged(&sent).unwrap();
    assert!(store.pending(100).unwrap().is_empty(), "all sent");

    store.delete_learner(&leaves.id).unwrap();
    store.record(&stays.id, &module, &Event::LessonRead { activity: "intro".into() }).unwrap();
    let next = store.pending(100).unwrap();
    assert_eq!(next.len(), 1, "the statement made after the deletion is to send");
    assert!(next[0].seq <= sent.last().unwrap().seq, "it took a deleted statement's number");
    store.acknowledged(&sent).unwrap(); // a late answer about the deleted statements
    assert_eq!(store.pending(100).unwrap(), next, "marks only the statements the LRS has");
    assert_eq!(store.sync_status().unwrap().pending, 1);

    // Statements settled out of order (a refusal in the middle) leave the rest to send.
    let ledger: &mut dyn Ledger = &mut store;
    ledger.rejected(&next[0], "refused").unwrap();
    store.record(&stays.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();
    store.record(&stays.id, &module, &Event::LessonTime { activity: "intro".into(), seconds: 3.0 }).unwrap();
    store.record(&stays.id, &module, &Event::LessonOpened { activity: "intro".into() }).unwrap();
    let two = store.pending(100).unwrap();
    assert_eq!(two.len(), 2);
    store.acknowledged(&two[1..]).unwrap();
    assert_eq!(store.pending(100).unwrap(), &two[..1], "the first one is still to send");
    store.acknowledged(&two[..1]).unwrap();
    assert!(store.pending(100).unwrap().is_empty());
    let status = store.sync_status().unwrap();
    assert_eq!((status.pending, status.synced, status.rejected.len()), (0, 3, 1));
}

#[test]
fn statements_never_carry_the_learners_name() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = module("1.0.0");
    let learner = store.create_learner("Unique Name Zyx", "en", None).unwrap();
    store.record(&learner.id, &module, &Event::LessonRead { activity: "intro".into() }).unwrap();
    for statement in store.outbox().unwrap() {
        assert!(!statement.contains("Unique Name Zyx"));
        let value: Value = serde_json::from_str(&statement).unwrap();
        assert_eq!(value["actor"]["account"]["name"], learner.id.as_str());
        assert!(value["timestamp"].as_str().unwrap().ends_with('Z'));
    }
}

#[test]
fn a_trainer_manages_profiles_and_reads_progress_from_the_cli() {
    let dir = temp();
    let data = dir.path().join("data");
    dlis(&data).arg("install").arg(valid_bundle(dir.path(), "1.0.0")).assert().success();
    dlis(&data)
        .arg("learners")
        .assert()
        .success()
        .stdout(predicates::str::contains("no learner profile yet"));
    let out = dlis(&data)
        .args(["learner", "create", "Amina B.", "--language", "en", "--pin-stdin"])
        .write_stdin("2468\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();

    {
        let mut store = Store::open(&data.join("progress.db")).unwrap();
        store.record(&id, &module("1.0.0"), &Event::LessonRead { activity: "intro".into() }).unwrap();
    }
    let listed: Value =
        serde_json::from_slice(&dlis(&data).args(["learners", "--json"]).output().unwrap().stdout).unwrap();
    assert_eq!(listed[0]["display_name"], "Amina B.");
    assert_eq!(listed[0]["has_pin"], true);
    assert_eq!(listed[0]["modules_started"], 1);
    dlis(&data)
        .args(["progress", "--learner", &id])
        .assert()
        .success()
        .stdout(predicates::str::contains("intro").and(predicates::str::contains("read")));
    let progress: Value = serde_json::from_slice(
        &dlis(&data).args(["progress", "--json", "--learner", &id]).output().unwrap().stdout,
    )
    .unwrap();
    assert_eq!(progress["modules"][0]["progress"]["activities"][0]["read"], true);

    dlis(&data)
        .args(["learner", "delete", &id])
        .assert()
        .failure()
        .stderr(predicates::str::contains("--yes"));
    dlis(&data).args(["learner", "delete", &id, "--yes"]).assert().success();
    dlis(&data)
        .args(["progress", "--learner", &id])
        .assert()
        .failure()
        .stderr(predicates::str::contains("no learner profile"));
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn each_activity_has_one_status_and_the_module_completes_when_all_are_done() {
    use dlis::store::Status::{Done, InProgress, NotStarted};
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = module("1.0.0");
    let luc = store.create_learner("Luc", "fr", None).unwrap();
    let statuses = |store: &Store| {
        let progress = store.module_progress(&luc.id, &module).unwrap();
        let statuses: Vec<_> = ["intro", "capsule", "check"].iter().map(|id| progress.status[*id]).collect();
        // What the screens count and what completes the module are one rule.
        assert_eq!(progress.done, statuses.iter().filter(|s| **s == Done).count());
        assert_eq!(progress.completed_at.is_some(), progress.done == progress.activities.len());
        statuses
    };
    assert_eq!(statuses(&store), [NotStarted, NotStarted, NotStarted]);

    store.record(&luc.id, &module, &Event::LessonOpened { activity: lesson("intro") }).unwrap();
    assert_eq!(statuses(&store), [InProgress, NotStarted, NotStarted]);
    store.record(&luc.id, &module, &Event::LessonRead { activity: lesson("intro") }).unwrap();
    let watched =
        |to: f64| Event::VideoWatched { activity: "capsule".into(), from: 0.0, to, subtitle_language: None };
    store.record(&luc.id, &module, &watched(3.0)).unwrap();
    assert_eq!(statuses(&store), [Done, InProgress, NotStarted]);
    store.record(&luc.id, &module, &watched(100.0)).unwrap();

    let attempt = store.start_quiz(&luc.id, &module, "check").unwrap();
    assert_eq!(statuses(&store), [Done, Done, InProgress]);
    store.answer(&luc.id, &module, attempt.attempt_id, "q1", &Response::TrueFalse(true)).unwrap();
    store.answer(&luc.id, &module, attempt.attempt_id, "q2", &Response::SingleChoice("b".into())).unwrap();
    store.submit_quiz(&luc.id, &module, attempt.attempt_id).unwrap();
    assert_eq!(statuses(&store), [Done, Done, Done]);
}

#[test]
fn the_catalogue_reads_only_the_modules_a_learner_started_and_agrees_with_each_module_page() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let modules: Vec<Manifest> = ["a.one", "b.two", "c.three"]
        .iter()
        .map(|id| {
            let mut m = module("1.0.0");
            m.id = (*id).into();
            m
        })
        .collect();
    let refs: Vec<&Manifest> = modules.iter().collect();
    let nour = store.create_learner("Nour", "fr", None).unwrap();
    let agree = |store: &Store| {
        let listed = store.progress_in_modules(&nour.id, &refs).unwrap();
        let each: Vec<_> = modules.iter().map(|m| store.module_progress(&nour.id, m).unwrap()).collect();
        assert_eq!(listed, each);
    };
    agree(&store);
    // A quiz started before anything else, a lesson read in another module; the third untouched.
    store.start_quiz(&nour.id, &modules[0], "check").unwrap();
    agree(&store);
    store.record(&nour.id, &modules[1], &Event::LessonRead { activity: lesson("intro") }).unwrap();
    agree(&store);
    assert_eq!(store.progress_in_modules(&nour.id, &refs).unwrap()[1].done, 1);
}

#[test]
fn a_learners_choice_of_module_language_is_kept_per_module_and_goes_with_their_profile() {
    let dir = temp();
    let db = dir.path().join("progress.db");
    let store = Store::open(&db).unwrap();
    let ioana = store.create_learner("Ioana", "ro", None).unwrap();
    let nikos = store.create_learner("Nikos", "el", None).unwrap();
    store.choose_content_language(&ioana.id, "dlis.faire-avec", "fr").unwrap();
    store.choose_content_language(&ioana.id, "dlis.faire-avec", "en").unwrap(); // she changes her mind
    store.choose_content_language(&nikos.id, "dlis.faire-avec", "fr").unwrap();
    drop(store);

    let mut store = Store::open(&db).unwrap();
    let chosen = store.content_languages(&ioana.id).unwrap();
    assert_eq!(chosen.get("dlis.faire-avec").map(String::as_str), Some("en"));
    assert_eq!(chosen.len(), 1);
    assert!(store.choose_content_language("no-such-learner", "dlis.faire-avec", "fr").is_err());

    store.delete_learner(&ioana.id).unwrap();
    let rows: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM content_language WHERE learner = ?1", [&ioana.id], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0, "a deleted profile leaves no choice behind");
    assert_eq!(store.content_languages(&nikos.id).unwrap().len(), 1, "the others keep theirs");
}

#[test]
fn a_profile_keeps_its_theme_and_refuses_one_there_is_not() {
    let dir = temp();
    let store = Store::open(&dir.path().join("progress.db")).unwrap();
    let sofia = store.create_learner("Sofia", "el", None).unwrap();
    assert_eq!(sofia.theme, None, "a new profile follows the computer");
    assert_eq!(store.set_learner_theme(&sofia.id, Some("dark")).unwrap().theme.as_deref(), Some("dark"));
    let err = store.set_learner_theme(&sofia.id, Some("neon")).unwrap_err();
    assert_eq!(err.to_string(), "\"neon\" is not a display theme (light, dark or contrast)");
    assert_eq!(
        store.learner(&sofia.id).unwrap().theme.as_deref(),
        Some("dark"),
        "a refused theme changes nothing"
    );
    assert_eq!(store.set_learner_theme(&sofia.id, None).unwrap().theme, None);
    assert!(store.set_learner_theme("nobody", Some("dark")).is_err());
}
