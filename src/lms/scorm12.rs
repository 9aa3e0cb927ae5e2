//! `imsmanifest.xml` of a SCORM 1.2 package (ADL SCORM 1.2 content aggregation, IMS Content
//! Packaging 1.1.2): one organisation holding one item, one SCO that is the whole module.
//!
//! No `adlcp:masteryscore`: with one, an LMS sets "passed" or "failed" from the score alone,
//! while a module's completion rule also asks for lessons read and capsules watched. The SCO
//! reports `cmi.core.lesson_status` itself, by the module's own rule.

use std::fmt::Write as _;

use super::xml_escape;
use crate::manifest::{Manifest, localized};
use crate::paths::percent_encode_path;

/// The launch page of the package, the SCO's entry point.
pub const LAUNCH: &str = "index.html";

/// The `imsmanifest.xml` for `module`, titled in `language` (or its fallback), listing
/// `files` (paths inside the package, `/`-separated, the launch page among them).
pub fn manifest_xml(module: &Manifest, language: &str, files: &[String]) -> String {
    let title = xml_escape(localized(&module.title, language, &module.default_language));
    let identifier = identifier(&format!("{}-{}", module.id, module.version));
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{identifier}" version="{version}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="dlis">
    <organization identifier="dlis">
      <title>{title}</title>
      <item identifier="module" identifierref="sco" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="{launch}">
"#,
        version = xml_escape(&module.version.to_string()),
        launch = LAUNCH,
    );
    let mut files: Vec<&String> = files.iter().collect();
    files.sort();
    files.dedup();
    for file in files {
        let _ = writeln!(out, "      <file href=\"{}\"/>", xml_escape(&percent_encode_path(file)));
    }
    out.push_str("    </resource>\n  </resources>\n</manifest>\n");
    out
}

/// An `xsd:ID`: letters, digits, `.`, `-`, `_`, starting with a letter.
fn identifier(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    if cleaned.starts_with(|c: char| c.is_ascii_alphabetic()) { cleaned } else { format!("m{cleaned}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_hrefs_are_what_the_schema_and_lms_accept() {
        assert_eq!(identifier("dlis.faire-avec-1.1.0"), "dlis.faire-avec-1.1.0");
        assert_eq!(identifier("1.x+y"), "m1.x_y");
        assert_eq!(percent_encode_path("content/images/schéma 1.svg"), "content/images/sch%C3%A9ma%201.svg");
    }
}
