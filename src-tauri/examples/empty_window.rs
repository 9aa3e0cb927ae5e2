//! The floor of the app benchmark: an empty Tauri window showing a blank page, on the same
//! WebKitGTK. Whatever DLIS Learn uses beyond this is its own cost. With `DLIS_STARTUP_TRACE`
//! set it says on stderr when its page has loaded, as DLIS Learn says when its first screen is
//! shown, so that the benchmark times both starts the same way.

fn main() {
    tauri::Builder::default()
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished
                && std::env::var_os("DLIS_STARTUP_TRACE").is_some()
            {
                eprintln!("dlis-learn: first screen shown: empty window");
            }
        })
        .run(tauri::generate_context!("bench/empty/tauri.conf.json"))
        .expect("an empty window");
}
