//! The floor of the app benchmark: an empty Tauri window showing a blank page, on the same
//! WebKitGTK. Whatever DLIS Learn uses beyond this is its own cost.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!("bench/empty/tauri.conf.json"))
        .expect("an empty window");
}
