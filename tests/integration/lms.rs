//! Packages for an institution's LMS (issue 12, in progress): the SCORM 1.2 `imsmanifest.xml`
//! of every sample, in each of its languages, is valid against ADL's schemas (vendored in
//! `tests/vendor/scorm12/`), checked by lxml, the XML library Python tools use.

use std::path::Path;
use std::process::Command;

use dlis::Manifest;
use dlis::lms::scorm12;

use crate::ralph::{ralph_python, root};
use crate::support::temp;

/// Validates each XML file against `schema` with lxml; returns the errors, file by file.
fn schema_errors(schema: &Path, files: &[std::path::PathBuf]) -> String {
    let script = r#"
import sys
from lxml import etree
schema = etree.XMLSchema(etree.parse(sys.argv[1]))
for path in sys.argv[2:]:
    if not schema.validate(etree.parse(path)):
        print(path, schema.error_log)
"#;
    let output = Command::new(ralph_python()).arg("-c").arg(script).arg(schema).args(files).output().unwrap();
    assert!(output.status.success(), "lxml: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_scorm_manifests_of_the_samples_are_valid_against_the_scorm_schemas() {
    let dir = temp();
    let mut written = Vec::new();
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let module =
            Manifest::parse(&std::fs::read(root().join("modules").join(name).join("module.json")).unwrap())
                .unwrap();
        let files: Vec<String> =
            [scorm12::LAUNCH, "player/app.js", "content/capsule/capsule.webm", "content/images/schéma 1.svg"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        for language in &module.languages {
            let xml = scorm12::manifest_xml(&module, language, &files);
            assert!(
                xml.contains(&format!("<title>{}</title>", module.title[language].replace('&', "&amp;")))
            );
            assert!(xml.contains(r#"href="content/images/sch%C3%A9ma%201.svg""#));
            let path = dir.path().join(format!("{name}-{language}.xml"));
            std::fs::write(&path, xml).unwrap();
            written.push(path);
        }
    }
    // A manifest the schema must refuse, so that the check is seen to check.
    let broken = dir.path().join("broken.xml");
    let good = std::fs::read_to_string(&written[0]).unwrap();
    std::fs::write(
        &broken,
        good.replace("<organizations default=\"dlis\">", "<organizations default=\"dlis\"><bogus/>"),
    )
    .unwrap();
    written.push(broken.clone());

    // libxml2 refuses IMS's ims_xml.xsd as written (it binds the `xml` namespace as the
    // default one, which nothing in it uses): a copy without that declaration.
    let schemas = dir.path().join("schemas");
    crate::support::copy_dir(&root().join("tests/vendor/scorm12"), &schemas);
    let ims_xml = schemas.join("ims_xml.xsd");
    let text = std::fs::read_to_string(&ims_xml).unwrap();
    let fixed = text.replacen(r#"xmlns="http://www.w3.org/XML/1998/namespace""#, "", 1);
    assert_ne!(fixed, text);
    std::fs::write(&ims_xml, fixed).unwrap();
    let errors = schema_errors(&schemas.join("all.xsd"), &written);
    let broken_name = broken.to_string_lossy().into_owned();
    let (refused, others): (Vec<&str>, Vec<&str>) = errors.lines().partition(|l| l.starts_with(&broken_name));
    assert!(others.is_empty(), "{errors}");
    assert!(!refused.is_empty(), "the schema refuses an element it does not know");
    assert_eq!(written.len(), 13, "three samples in four languages, and the broken one");
}
