//! Learners and the languages of modules: a learner whose language a module lacks is told so in
//! their own language, shown the module in English, free to choose another of its languages,
//! and the choice is remembered; a partial translation marks each missing piece; a Romanian
//! and a Greek learner take a whole sample module without meeting a word of French.

use serde_json::json;

use crate::driver::{App, Display};

#[tokio::test(flavor = "current_thread")]
async fn a_dutch_speaking_learner_is_told_the_module_is_in_english_and_may_choose_french() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = crate::sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let module = crate::faire_avec();

    let app = App::start(&display, &data, &samples).await;
    crate::create_profile_in(&app, "Lotte", "nl").await;

    // faire-avec has no Dutch: Lotte reads it in English, and is told why.
    app.click("[data-testid='open-module-dlis.faire-avec']").await;
    app.wait_text("[data-testid=language-fallback]", "bestaat niet in het").await;
    app.wait_text("[data-testid=module-title]", &module.title["en"]).await;
    let lang = "return document.querySelector('[data-testid=module-title]').lang";
    assert_eq!(app.js(lang).await, json!("en"));
    app.check_accessibility("a module shown in another language").await;

    // She chooses French: the notice goes, the module and its lessons are in French.
    app.select("[data-testid=content-language]", "fr").await;
    app.wait_text("[data-testid=module-title]", &module.title["fr"]).await;
    assert_eq!(app.js(lang).await, json!("fr"));
    assert_eq!(app.js("return document.querySelector('[data-testid=language-fallback]')").await, json!(null));
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    app.find("[data-testid=lesson-content]").await;
    app.wait_text("[data-testid=lesson-content]", "Quand l'accès aux droits passe par un écran").await;
    assert_eq!(
        app.js("return document.querySelector('[data-testid=lesson-content]').lang").await,
        json!("fr")
    );
    app.close().await;

    // After a restart, faire-avec is still in French for her.
    let app = App::start(&display, &data, &samples).await;
    app.click("[data-testid='open-module-dlis.faire-avec']").await;
    app.wait_text("[data-testid=module-title]", &module.title["fr"]).await;
    assert_eq!(
        app.js("return document.querySelector('[data-testid=content-language]').value").await,
        json!("fr")
    );
    assert_eq!(app.js("return document.querySelector('[data-testid=language-fallback]')").await, json!(null));
    app.close().await;
}

/// faire-avec with a first Dutch translation (bundle format 1.1): its title and first lesson
/// in Dutch, the rest not yet.
fn partly_dutch(dir: &std::path::Path) -> std::path::PathBuf {
    let src = dir.join("faire-avec-nl");
    let modules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules/faire-avec");
    crate::copy_dir(&modules, &src);
    let manifest_path = src.join("module.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    // Partial languages need format 1.1 at least; the sample is 1.2 already (`strengthens`).
    assert_eq!(manifest["format"], "1.2");
    manifest["partial_languages"] = json!(["nl"]);
    manifest["title"]["nl"] = json!("Samen doen: hulp bij online procedures");
    manifest["activities"][0]["body"]["nl"] = json!("lessons/why-faire-avec.nl.md");
    // Every question's prompt in Dutch, none of its options yet.
    let quiz =
        manifest["activities"].as_array_mut().unwrap().iter_mut().find(|a| a["kind"] == "quiz").unwrap();
    quiz["shuffle_questions"] = json!(false); // the first question has options to look at
    for question in quiz["questions"].as_array_mut().unwrap() {
        question["prompt"]["nl"] = json!(format!("Vraag {}", question["id"].as_str().unwrap()));
    }
    std::fs::write(
        src.join("lessons/why-faire-avec.nl.md"),
        "# Samen doen\n\nDe persoon houdt het toestel vast.\n",
    )
    .unwrap();
    std::fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let out = dir.join("samples-nl");
    std::fs::create_dir_all(&out).unwrap();
    dlis::bundle::pack::pack(
        &src,
        &out.join("faire-avec.zip"),
        &dlis::bundle::Limits::default(),
        &dlis::progress::Silent,
    )
    .unwrap();
    out
}

#[tokio::test(flavor = "current_thread")]
async fn a_partial_translation_plays_in_dutch_with_each_missing_piece_marked_as_english() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = partly_dutch(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();

    let app = App::start(&display, &data, &samples).await;
    crate::create_profile_in(&app, "Daan", "nl").await;

    // Dutch is his language and the module has it, in part: no notice, the title in Dutch.
    app.click("[data-testid='open-module-dlis.faire-avec']").await;
    app.wait_text("[data-testid=module-title]", "Samen doen").await;
    assert_eq!(app.js("return document.querySelector('[data-testid=language-fallback]')").await, json!(null));
    // Each text says its language: the title is Dutch, an untranslated lesson's title English.
    assert_eq!(app.js("return document.querySelector('[data-testid=module-title]').lang").await, json!("nl"));
    let untranslated =
        "return document.querySelector('[data-testid=open-activity-assess-and-accompany]').lang";
    assert_eq!(app.js(untranslated).await, json!("en"));

    // The translated lesson in Dutch; the next one, not translated yet, in English, marked so.
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    app.wait_text("[data-testid=lesson-content]", "De persoon houdt het toestel vast").await;
    let lesson_lang = "return document.querySelector('[data-testid=lesson-content]').lang";
    assert_eq!(app.js(lesson_lang).await, json!("nl"));
    app.js("location.hash = '#/lesson/dlis.faire-avec/assess-and-accompany';").await;
    app.wait_text("[data-testid=lesson-content]", "Start with a shared assessment").await;
    assert_eq!(app.js(lesson_lang).await, json!("en"));
    app.check_accessibility("a lesson a partial translation lacks").await;

    // The quiz: the prompt in Dutch, its options still in English, each marked so.
    app.js("location.hash = '#/quiz/dlis.faire-avec/check';").await;
    app.click("[data-testid=quiz-start]").await;
    app.wait_text("[data-testid=question-prompt]", "Vraag").await;
    assert_eq!(
        app.js("return document.querySelector('[data-testid=question-prompt]').lang").await,
        json!("nl")
    );
    let option_langs = app
        .js("return [...document.querySelectorAll('[data-testid=question] label[lang], [data-testid=question] option[lang], \
             [data-testid=question] .order-text')].map((e) => e.lang)")
        .await;
    let option_langs = option_langs.as_array().unwrap();
    assert!(!option_langs.is_empty() && option_langs.iter().all(|l| l == "en"), "{option_langs:?}");
    app.close().await;
}

/// A sample module's source, as shipped.
fn sample(name: &str) -> (std::path::PathBuf, dlis::Manifest) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules").join(name);
    let manifest = dlis::Manifest::parse(&std::fs::read(dir.join("module.json")).unwrap()).unwrap();
    (dir, manifest)
}

/// Sentences only the French version of a module has: its French texts and the opening words
/// of its French lessons and transcript, where they differ from the `language` version.
fn french_only(dir: &std::path::Path, module: &dlis::Manifest, language: &str) -> Vec<String> {
    fn texts(value: &serde_json::Value, language: &str, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) if map.contains_key("fr") && map.contains_key("en") => {
                if let (Some(fr), Some(other)) =
                    (map["fr"].as_str(), map.get(language).and_then(|v| v.as_str()))
                    && fr != other
                    && fr.chars().count() >= 25
                    && !fr.contains('/')
                {
                    out.push(fr.to_owned());
                }
            }
            serde_json::Value::Object(map) => map.values().for_each(|v| texts(v, language, out)),
            serde_json::Value::Array(items) => items.iter().for_each(|v| texts(v, language, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    texts(&serde_json::to_value(module).unwrap(), language, &mut out);
    for entry in
        std::fs::read_dir(dir.join("lessons")).unwrap().chain(std::fs::read_dir(dir.join("capsule")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".fr.md") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                // A plain sentence's first words, as the page shows them.
                let words: Vec<&str> = line.split_whitespace().take(6).collect();
                let start = words.join(" ");
                if words.len() == 6 && start.chars().all(|c| c.is_alphabetic() || " ,'’".contains(c)) {
                    out.push(start);
                }
            }
        }
    }
    assert!(out.len() > 50, "French sentences to look for: {}", out.len());
    out
}

/// Checks the page holds no French: every element that says its language says `language`
/// (the content-language menu aside, where each language is named in itself), and none of the
/// module's French sentences is on it.
async fn no_french(app: &App, french: &[String], language: &str, screen: &str) {
    let langs = app
        .js("return [...document.querySelectorAll('[lang]')]
                .filter((e) => !e.closest('[data-testid=content-language]'))
                .map((e) => e.lang);")
        .await;
    let langs = langs.as_array().unwrap();
    assert!(langs.iter().all(|l| l == language), "{screen}: elements in other languages: {langs:?}");
    let found = french_on_page(app, french).await;
    assert!(found.is_empty(), "{screen}: French text on the page: {found:?}");
}

/// Which of the `french` sentences the page shows.
async fn french_on_page(app: &App, french: &[String]) -> Vec<String> {
    let text = app.js("return document.body.innerText;").await;
    let text = text.as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    french.iter().filter(|f| text.contains(f.as_str())).cloned().collect()
}

/// A learner of `language` takes the whole module `name`, shipped in that language, and
/// finishes it without meeting a word of French.
async fn completes_in_own_language(name: &str, learner: &str, language: &str) {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = crate::sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let (source, module) = sample(name);
    assert!(module.languages.iter().any(|l| l == language), "{name} is complete in {language}");
    let french = french_only(&source, &module, language);
    let id = &module.id;

    let app = App::start(&display, &data, &samples).await;
    crate::create_profile_in(&app, learner, language).await;
    app.click(&format!("[data-testid='open-module-{id}']")).await;
    app.wait_text("[data-testid=module-title]", &module.title[language]).await;
    assert_eq!(app.js("return document.querySelector('[data-testid=language-fallback]')").await, json!(null));
    no_french(&app, &french, language, "module page").await;
    // The check sees French when there is some: the same page with French chosen.
    app.select("[data-testid=content-language]", "fr").await;
    app.wait_text("[data-testid=module-title]", &module.title["fr"]).await;
    assert!(french_on_page(&app, &french).await.len() >= 3, "the French page is seen as French");
    app.select("[data-testid=content-language]", language).await;
    app.wait_text("[data-testid=module-title]", &module.title[language]).await;

    for activity in &module.activities {
        app.js(&format!("location.hash = '#/module/{id}';")).await;
        app.click(&format!("[data-testid='open-activity-{}']", activity.id())).await;
        match activity {
            dlis::manifest::Activity::Lesson(lesson) => {
                let body = std::fs::read_to_string(source.join(&lesson.body[language])).unwrap();
                // The first section heading (the title above the text is the lesson's).
                let heading = body.lines().find(|l| l.starts_with("## ")).unwrap()[3..].trim().to_owned();
                app.wait_text("[data-testid=lesson-content]", &heading).await;
                app.wait_text("[data-testid=lesson-title]", &lesson.title[language]).await;
                no_french(&app, &french, language, &lesson.id).await;
                if app.js("return !!document.querySelector('[data-testid=mark-as-read]')").await
                    == json!(true)
                {
                    app.click("[data-testid=mark-as-read]").await;
                }
                app.find("[data-testid=lesson-read-state]").await;
            }
            dlis::manifest::Activity::Video(video) => {
                app.find("[data-testid=transcript-body]").await;
                no_french(&app, &french, language, "capsule").await;
                // The default track shows once the video element has taken it up.
                let mut showing = json!(null);
                for _ in 0..100 {
                    showing = app
                        .js("return [...document.querySelector('[data-testid=video]').textTracks]
                                .filter((t) => t.mode === 'showing').map((t) => t.language);")
                        .await;
                    if showing.as_array().is_some_and(|a| !a.is_empty()) {
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                assert_eq!(showing, json!([language]), "the subtitles follow the content language");
                assert!(video.subtitles.contains_key(language));
                // Watched to the end, muted and at double speed, for as long as it moves on.
                app.js("const v = document.querySelector('[data-testid=video]'); v.muted = true; v.playbackRate = 2; v.play();")
                    .await;
                let (mut furthest, mut still) = (-1.0, 0);
                loop {
                    let now = app
                        .js("const v = document.querySelector('[data-testid=video]');
                             return v.ended || (v.error ? 'media error ' + v.error.code : v.currentTime);")
                        .await;
                    match now.as_f64() {
                        Some(time) if time > furthest => (furthest, still) = (time, 0),
                        Some(_) if still < 60 => still += 1,
                        _ => {
                            assert_eq!(now, json!(true), "the capsule stopped at {furthest} s");
                            break;
                        }
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                }
                app.find("[data-testid=video-watched]").await;
            }
            dlis::manifest::Activity::Quiz(quiz) => {
                app.click("[data-testid=quiz-start]").await;
                let immediate = quiz.feedback == dlis::manifest::FeedbackTiming::Immediate;
                for n in 0..quiz.questions.len() {
                    app.find("[data-testid=question]").await;
                    no_french(&app, &french, language, "quiz").await;
                    crate::answer_rightly_in(&app, &module, language).await;
                    if immediate {
                        no_french(&app, &french, language, "quiz feedback").await;
                        let next = if n + 1 < quiz.questions.len() { "quiz-next" } else { "quiz-to-submit" };
                        app.click(&format!("[data-testid={next}]")).await;
                    }
                }
                app.click("[data-testid=quiz-submit]").await;
                let result = app.find("[data-testid=quiz-result]").await;
                assert_eq!(result.attr("data-passed").await.unwrap().as_deref(), Some("true"));
                no_french(&app, &french, language, "quiz result").await;
            }
            dlis::manifest::Activity::Survey(_) => unreachable!("faire-avec has no survey"),
        }
    }
    app.js(&format!("location.hash = '#/module/{id}';")).await;
    app.find("[data-testid=module-completed-at]").await;
    no_french(&app, &french, language, "completed module").await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_romanian_learner_completes_a_module_entirely_in_romanian() {
    completes_in_own_language("faire-avec", "Ioana", "ro").await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_greek_learner_completes_a_module_entirely_in_greek() {
    completes_in_own_language("ethique-mediation", "Ελένη", "el").await;
}
