//! DLIS Learn's desktop app: a thin Tauri shell over the `dlis` core.
//!
//! - `state.rs`: what the app holds while it runs (data dir, library, store, media server).
//! - `commands.rs`: the commands the page calls; each one calls the core and nothing more.
//! - `views.rs`: what the page is given to show (a quiz without its answers, a lesson as
//!   sanitised HTML).
//! - `media.rs`: module files served from the installed zips over loopback HTTP, with Range
//!   support, since WebKitGTK plays `<video>` only from http(s) URLs.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod media;
mod state;
mod trainer;

fn main() {
    if let Err(err) = run() {
        eprintln!("DLIS Learn cannot start: {err:#}");
        std::process::exit(1);
    }
}

/// WebKitGTK composites pages with OpenGL, which on a laptop without a usable GPU driver (and
/// under Xvfb) means Mesa's software rasteriser and LLVM loaded into the web process: about
/// 100 MB more with a capsule playing, for pages that are text, pictures and one video.
/// DLIS Learn draws without OpenGL unless `DLIS_GPU=1` asks for it. (Measured by
/// `src-tauri/benches/app.rs`; older GPU drivers are also a known cause of blank WebKitGTK
/// windows, which this avoids.)
fn lean_webview(app: &tauri::App) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DLIS_GPU").is_none_or(|v| v != "1") {
        use tauri::Manager;
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(window) = app.get_webview_window("main") {
            window.with_webview(|webview| {
                if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            })?;
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
    Ok(())
}

/// The CSP of `tauri.conf.json` lets media and images come from `http://127.0.0.1:*`; the
/// page gets the media server's own origin instead, known once it has its port, so no other
/// program listening on this computer can feed the page.
fn media_server_only(csp: &mut Option<tauri::utils::config::Csp>, origin: &str) {
    use tauri::utils::config::{Csp, CspDirectiveSources};
    const ANY_LOCAL_PORT: &str = "http://127.0.0.1:*";
    match csp {
        Some(Csp::DirectiveMap(directives)) => {
            for sources in directives.values_mut() {
                let list: Vec<String> = match sources {
                    CspDirectiveSources::Inline(text) => text.split_whitespace().map(str::to_owned).collect(),
                    CspDirectiveSources::List(list) => list.clone(),
                };
                *sources = CspDirectiveSources::List(
                    list.into_iter()
                        .map(|s| if s == ANY_LOCAL_PORT { origin.to_owned() } else { s })
                        .collect(),
                );
            }
        }
        Some(Csp::Policy(text)) => *text = text.replace(ANY_LOCAL_PORT, origin),
        None => {}
    }
}

fn run() -> anyhow::Result<()> {
    let state = state::AppState::start()?;
    let mut context = tauri::generate_context!("../tauri.conf.json");
    media_server_only(&mut context.config_mut().app.security.csp, &state.media.origin);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|app| {
            lean_webview(app)?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_state,
            commands::app::start_fresh,
            commands::app::set_ui_language,
            commands::app::set_preference,
            commands::profiles::learners,
            commands::profiles::create_learner,
            commands::profiles::switch_learner,
            commands::profiles::sign_out,
            commands::profiles::rename_learner,
            commands::profiles::set_learner_language,
            commands::profiles::set_learner_theme,
            commands::profiles::set_learner_pin,
            commands::profiles::delete_learner,
            commands::modules::catalogue,
            commands::modules::module,
            commands::modules::choose_content_language,
            commands::modules::lesson,
            commands::modules::transcript,
            commands::study::record,
            commands::study::video_state,
            commands::study::notes,
            commands::study::add_note,
            commands::study::delete_note,
            commands::study::export_notes,
            commands::study::quiz,
            commands::study::start_quiz,
            commands::study::answer,
            commands::study::submit_quiz,
            commands::study::survey,
            commands::study::take_survey,
            commands::modules::inspect_bundle,
            commands::modules::install_bundle,
            commands::modules::remove_module,
            commands::modules::export_for_lms,
            commands::modules::search,
            commands::study::save_attestation,
            commands::records::sync_status,
            commands::records::sync_now,
            commands::records::institution,
            commands::records::set_institution,
            commands::records::export_records,
            commands::records::learner_link,
            commands::records::link_learner,
            commands::records::unlink_learner,
            commands::records::merge_records,
            commands::records::save_records_report,
            commands::trainer::trainer_state,
            commands::trainer::set_trainer_pin,
            commands::trainer::unlock_trainer,
            commands::trainer::lock_trainer,
            commands::app::screen_shown,
        ])
        .run(context)?;
    Ok(())
}
