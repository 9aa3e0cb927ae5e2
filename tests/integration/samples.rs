//! The sample modules shipped in `modules/` pack, validate and install, and are real: at
//! least three lessons, one capsule under 3 MB and a quiz of eight questions of several types.

use std::collections::BTreeSet;
use std::path::Path;

use dlis::bundle::{self, Limits};
use dlis::manifest::Activity;
use dlis::progress::Silent;

use crate::support::*;

const SAMPLES: [&str; 3] = ["faire-avec", "ethique-mediation", "exclusion-numerique"];

#[test]
fn every_sample_module_packs_validates_and_installs() {
    let dir = temp();
    let data = dir.path().join("data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("modules");
    for name in SAMPLES {
        let out = dir.path().join(format!("{name}.zip"));
        dlis(&data).arg("pack").arg(root.join(name)).arg("-o").arg(&out).assert().success();
        let report = bundle::validate(&out, &Limits::default(), &Silent);
        assert!(report.is_valid(), "{name}: {:?}", report.diagnostics);
        let manifest = report.manifest.unwrap();

        let lessons = manifest.activities.iter().filter(|a| matches!(a, Activity::Lesson(_))).count();
        assert!(lessons >= 3, "{name}: {lessons} lessons");
        let videos: Vec<_> = manifest
            .activities
            .iter()
            .filter_map(|a| match a {
                Activity::Video(v) => Some(v),
                _ => None,
            })
            .collect();
        assert_eq!(videos.len(), 1, "{name}: one capsule");
        let video = manifest.files.iter().find(|f| f.path == videos[0].source.path).unwrap();
        assert!(video.size < 3 << 20, "{name}: capsule is {} bytes", video.size);
        let quiz = quiz_of(&manifest);
        assert!(quiz.questions.len() >= 8, "{name}: {} questions", quiz.questions.len());
        let types: BTreeSet<&str> = quiz.questions.iter().map(|q| q.answer.type_name()).collect();
        assert!(types.len() >= 4, "{name}: question types {types:?}");
        assert!(manifest.languages.iter().any(|l| l == "fr") && manifest.languages.iter().any(|l| l == "en"));

        dlis(&data).arg("install").arg(&out).assert().success();
    }
    assert_eq!(installed(&data)["modules"].as_array().unwrap().len(), SAMPLES.len());
}
