//! What the app's benchmarks share.

use std::path::{Path, PathBuf};

/// Sample bundles, installed in a data dir with a learner whose profile is open.
pub fn prepared_data_dir(dir: &Path) -> (PathBuf, PathBuf) {
    let samples = dir.join("samples");
    std::fs::create_dir_all(&samples).unwrap();
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules");
    let data = dir.join("data");
    let library = dlis::Library::new(&data);
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let bundle = samples.join(format!("{name}.zip"));
        dlis::bundle::pack::pack(&modules.join(name), &bundle, &Default::default(), &dlis::progress::Silent)
            .unwrap();
        library.install(&bundle, false, &dlis::progress::Silent).unwrap();
    }
    let store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let learner = store.create_learner("Bench", "fr", None).unwrap();
    store.switch_learner(&learner.id).unwrap();
    store.set_setting("app.samples_installed", "1").unwrap();
    (data, samples)
}

/// A source folder of a module whose capsule is `megabytes` of incompressible bytes behind a
/// WebM header (as `benches/install.rs` makes it), packed into `out`.
pub fn large_bundle(dir: &Path, megabytes: u64, out: &Path) {
    let loc = |text: &str| serde_json::json!({"fr": text, "en": text});
    std::fs::create_dir_all(dir.join("capsule")).unwrap();
    std::fs::create_dir_all(dir.join("lessons")).unwrap();
    let mut video = Vec::with_capacity((megabytes << 20) as usize);
    video.extend_from_slice(b"\x1a\x45\xdf\xa3");
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    while (video.len() as u64) < megabytes << 20 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        video.extend_from_slice(&state.to_le_bytes());
    }
    std::fs::write(dir.join("capsule/capsule.webm"), video).unwrap();
    for lang in ["fr", "en"] {
        std::fs::write(dir.join(format!("lessons/a.{lang}.md")), "# Leçon\n\nTexte.\n").unwrap();
        std::fs::write(dir.join(format!("capsule/c.{lang}.vtt")), "WEBVTT\n").unwrap();
        std::fs::write(dir.join(format!("capsule/t.{lang}.md")), "# Transcription\n").unwrap();
    }
    let manifest = serde_json::json!({
        "format": 1, "id": "bench.large", "version": "1.0.0", "languages": ["fr", "en"],
        "default_language": "fr", "title": loc("Grand module"), "description": loc("Grand"),
        "objectives": {"fr": ["x"], "en": ["x"]}, "organisation": {"name": "Bench"},
        "authors": ["Bench"], "license": "CC-BY-SA-4.0", "estimated_minutes": 1,
        "activities": [
            {"kind": "lesson", "id": "a", "title": loc("A"), "body": {"fr": "lessons/a.fr.md", "en": "lessons/a.en.md"}},
            {"kind": "video", "id": "c", "title": loc("C"), "duration_seconds": 600.0,
             "source": {"path": "capsule/capsule.webm", "media_type": "video/webm"},
             "subtitles": {"fr": "capsule/c.fr.vtt", "en": "capsule/c.en.vtt"},
             "transcript": {"fr": "capsule/t.fr.md", "en": "capsule/t.en.md"}}
        ],
        "completion": {"all_lessons_read": true, "videos_watched_percent": 90}
    });
    std::fs::write(dir.join("module.json"), serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    dlis::bundle::pack::pack(dir, out, &Default::default(), &dlis::progress::Silent).unwrap();
}
