//! A trainee takes the digital-agility self-assessment in the real window, sees their radar
//! and the modules recommended for their weak dimensions, then takes it again after the
//! training and sees their first profile beside the latest.

use serde_json::{Value, json};

const MODULE: &str = "dlis.agilite-numerique";
const SURVEY: &str = "auto-positionnement";

/// Rates every statement: `low` for the statements of `weak`, `high` for the others. The first
/// statement is rated with a real click, the rest by clicking each radio button in the page.
async fn rate(app: &crate::driver::App, weak: &[&str], low: u8, high: u8) {
    let first =
        app.js("return document.querySelector('[data-testid^=statement-]').dataset.testid.slice(10)").await;
    let first = first.as_str().unwrap();
    app.click(&format!("[data-testid=rate-{first}-{high}]")).await;
    let weak = json!(weak);
    app.js(&format!(
        "const weak = {weak};
         for (const section of document.querySelectorAll('[data-testid^=survey-dimension-]')) {{
           const value = weak.includes(section.dataset.testid.slice(17)) ? {low} : {high};
           for (const group of section.querySelectorAll('fieldset')) {{
             const id = group.dataset.testid.slice(10);
             group.querySelector(`[data-testid=rate-${{id}}-${{value}}]`).click();
           }}
         }}
         return true;"
    ))
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_trainee_takes_the_self_assessment_twice_and_sees_their_radar() {
    let started = crate::start_with_profile("Ioana", "fr").await;
    let app = &started.app;

    app.js(&format!("location.hash = '#/module/{MODULE}';")).await;
    app.click(&format!("[data-testid='open-activity-{SURVEY}']")).await;
    app.find("[data-testid=survey-form]").await;
    app.check_accessibility("the self-assessment's statements").await;

    // Sent with nothing rated: told how many are left, focus on the first.
    app.click("[data-testid=survey-submit]").await;
    app.wait_text("[data-testid=survey-status]", "28 affirmations").await;
    assert_eq!(app.js("return document.activeElement.type").await, json!("radio"));

    rate(app, &["securite", "ethique"], 2, 4).await;
    let reflection = app.find("[data-testid=survey-reflection]").await;
    reflection.send_keys("Quand Mme Zelinski me tend son code, je ne sais pas quoi faire.").await.unwrap();
    app.click("[data-testid=survey-submit]").await;

    // The profile: a radar and the same figures in a table, in French.
    app.find("[data-testid=survey-results]").await;
    app.find("[data-testid=radar-latest]").await;
    assert_eq!(app.js("return !!document.querySelector('[data-testid=radar-first]')").await, json!(false));
    app.wait_text("[data-testid=survey-latest-securite]", "2,0").await;
    app.wait_text("[data-testid=survey-latest-information]", "4,0").await;
    let rows = app.js("return document.querySelectorAll('[data-testid^=survey-row-]').length").await;
    assert_eq!(rows, json!(7));
    // Weak in ethics and safety: the ethics module is recommended.
    app.find("[data-testid='recommended-dlis.ethique-mediation']").await;
    app.wait_text("[data-testid=survey-your-reflection]", "Mme Zelinski").await;
    app.check_accessibility("the self-assessment's profile").await;

    // "Take it again" by mistake: cancelled, nothing recorded.
    app.click("[data-testid=survey-again]").await;
    app.click("[data-testid=survey-cancel]").await;
    app.find("[data-testid=radar-latest]").await;

    // After the training: taken again; the first profile stays beside the latest.
    app.click("[data-testid=survey-again]").await;
    app.find("[data-testid=survey-form]").await;
    rate(app, &[], 4, 4).await;
    app.click("[data-testid=survey-submit]").await;
    app.find("[data-testid=radar-first]").await;
    app.wait_text("[data-testid=survey-first-securite]", "2,0").await;
    app.wait_text("[data-testid=survey-latest-securite]", "4,0").await;
    app.find("[data-testid=survey-no-weak]").await;
    let points = |which: &str| {
        format!("return document.querySelector('[data-testid=radar-{which}]').getAttribute('points')")
    };
    let (first, latest): (Value, Value) = (app.js(&points("first")).await, app.js(&points("latest")).await);
    assert_ne!(first, latest, "the two takes draw two shapes");
    app.js("document.querySelector('[data-testid=survey-radar]').scrollIntoView()").await;
    app.screenshot("self-assessment").await;
    app.check_accessibility("two profiles side by side").await;

    // The module page counts the takes; the core kept both, the reflection with the first.
    app.click("[data-testid=back-to-module]").await;
    app.wait_text(&format!("[data-testid='activity-{SURVEY}']"), "Fait 2 fois").await;
    let module = dlis::Library::new(&started.data).open(MODULE).unwrap().shared_manifest();
    let store = dlis::store::Store::open(&started.data.join(dlis::store::FILE_NAME)).unwrap();
    let learner = store.current_learner().unwrap().unwrap();
    let takes = store.survey_takes(&learner.id, &module, SURVEY).unwrap();
    assert_eq!(takes.len(), 2);
    assert!(takes[0].reflection.as_deref().is_some_and(|r| r.contains("Zelinski")));
    assert!(store.outbox().unwrap().iter().all(|s| !s.contains("Zelinski")), "the reflection is never sent");
    started.app.close().await;
}
