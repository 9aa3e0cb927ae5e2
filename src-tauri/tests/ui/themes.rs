//! Display for every eye: a profile chooses a dark or a high-contrast theme in Settings, or
//! follows the computer (here, GTK's dark variant, which WebKitGTK reports as
//! `prefers-color-scheme: dark`), and every screen keeps WCAG 2.2 AA contrast in each (axe).

use std::path::Path;

use serde_json::json;

use crate::driver::{App, Display};

/// The screens a learner meets, each checked by axe in the theme shown.
async fn tour(app: &App, theme: &str) {
    for (route, wait, what) in [
        ("catalogue", "[data-testid=module-list]", "catalogue"),
        ("module/dlis.faire-avec", "[data-testid=activity-list]", "module"),
        ("lesson/dlis.faire-avec/why-faire-avec", "[data-testid=lesson-content] h2", "lesson"),
        ("video/dlis.faire-avec/capsule", "[data-testid=transcript-body]", "capsule"),
        ("quiz/dlis.faire-avec/check", "[data-testid=quiz-start]", "quiz"),
        ("settings", "[data-testid=settings-theme-system]", "settings"),
    ] {
        app.js(&format!("location.hash = '#/{route}';")).await;
        app.find(wait).await;
        assert_eq!(app.js("return document.documentElement.dataset.theme").await, json!(theme), "{what}");
        app.check_accessibility(&format!("{what}, {theme} theme")).await;
        if what == "quiz" {
            app.click("[data-testid=quiz-start]").await;
            app.find("[data-testid=question]").await;
            app.check_accessibility(&format!("quiz question, {theme} theme")).await;
        }
    }
}

async fn choose(app: &App, theme: &str) {
    app.js("location.hash = '#/settings';").await;
    app.click(&format!("[data-testid=settings-theme-{theme}]")).await;
}

#[tokio::test(flavor = "current_thread")]
async fn each_theme_keeps_every_screen_readable_and_a_profile_may_follow_the_computer() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = crate::sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    // The computer is in dark mode.
    let app = App::start_with(&display, &data, &samples, &[("GTK_THEME", Path::new("Adwaita:dark"))]).await;
    crate::create_profile_in(&app, "Sofia", "el").await;

    // Following the computer: dark, as the computer is.
    assert_eq!(app.js("return matchMedia('(prefers-color-scheme: dark)').matches").await, json!(true));
    assert_eq!(app.js("return document.documentElement.dataset.theme").await, json!("dark"));

    // Light, then high contrast, chosen for the profile; dark is the computer's, seen above.
    for theme in ["light", "contrast", "dark"] {
        choose(&app, theme).await;
        app.find(&format!("[data-testid=settings-theme-{theme}]:checked")).await;
        tour(&app, theme).await;
    }
    app.close().await;

    // The choice belongs to the profile: it is there after a restart.
    let store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let learner = store.current_learner().unwrap().expect("still signed in");
    assert_eq!(learner.theme.as_deref(), Some("dark"));
}
