//! A shared laptop: a profile left open locks itself after the delay of Settings, with a
//! warning first; the learner who comes back types their PIN again. A minute of the idle lock
//! lasts a fraction of a second here (`DLIS_IDLE_MINUTE_SECONDS`), the rest is the real app.

use std::path::Path;
use std::time::Duration;

use serde_json::json;

use crate::driver::{App, Display, within};

const PIN: &str = "4826";

const SIGNED_IN: &str = "return !!document.querySelector('[data-testid=current-learner]')";
const WARNED: &str = "return !!document.querySelector('[data-testid=idle-warning]')";

#[tokio::test(flavor = "current_thread")]
async fn an_idle_profile_warns_then_locks_itself_and_asks_its_pin_again() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = crate::sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    // A minute of the idle lock lasts 2 s: the 5-minute choice warns after 5 s and locks after
    // 10 s, the default of 15 minutes after 30 s.
    let app =
        App::start_with(&display, &data, &samples, &[("DLIS_IDLE_MINUTE_SECONDS", Path::new("2"))]).await;

    // Nadia makes her profile with a PIN, chooses five minutes in Settings, then "never":
    // nothing locks, however long she waits.
    app.find("[data-testid=new-profile-form]").await;
    for (field, text) in
        [("new-profile-name", "Nadia"), ("new-profile-pin", PIN), ("new-profile-pin-confirm", PIN)]
    {
        let input = app.find(&format!("[data-testid={field}]")).await;
        within("typing", input.send_keys(text)).await.unwrap();
    }
    app.click("[data-testid=new-profile-create]").await;
    app.find("[data-testid=module-list]").await;
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=settings-idle-lock]").await;
    let idle_lock = "[data-testid=settings-idle-lock]";
    app.select(idle_lock, "5").await;
    app.select(idle_lock, "never").await;
    app.check_accessibility("settings with the idle lock").await;
    tokio::time::sleep(Duration::from_secs(12)).await;
    assert_eq!(app.js(SIGNED_IN).await, json!(true), "never means never");
    assert_eq!(app.js(WARNED).await, json!(false));

    // Five (short) minutes: a warning first, which "Stay signed in" dismisses.
    app.select(idle_lock, "5").await;
    app.js("location.hash = '#/module/dlis.faire-avec';").await;
    app.find("[data-testid=module-title]").await;
    app.until(WARNED, 15, "the warning").await;
    app.check_accessibility("the idle lock's warning").await;
    app.click("[data-testid=idle-stay]").await;
    assert_eq!(app.js(WARNED).await, json!(false));
    assert_eq!(app.js(SIGNED_IN).await, json!(true), "staying keeps the profile open");

    // Left alone again: the warning, then the lock, back to the list of learners.
    app.until(WARNED, 15, "the second warning").await;
    app.until(&format!("return !({})", &SIGNED_IN["return ".len()..]), 15, "the lock").await;
    app.find("[data-testid=profile-list]").await;
    // Said to screen readers (the region is visually hidden: read it as they do).
    app.until(
        "return document.querySelector('[data-testid=announcer]').textContent.includes('5 minutes')",
        5,
        "the announcement",
    )
    .await;
    assert_eq!(app.js(WARNED).await, json!(false));

    // Coming back asks for the PIN; with it, Nadia is where she was allowed to be.
    app.click("[data-testid^=profile-]:not([data-testid=profile-list])").await;
    app.find("[data-testid=pin-prompt]").await;
    let input = app.find("[data-testid=pin-prompt-input]").await;
    within("typing", input.send_keys(PIN)).await.unwrap();
    app.click("[data-testid=pin-prompt-ok]").await;
    app.find("[data-testid=current-learner]").await;
    app.close().await;

    // The choice is kept with the computer's settings.
    let store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    assert_eq!(store.setting("app.ui.idle_lock").unwrap().as_deref(), Some("5"));
}
