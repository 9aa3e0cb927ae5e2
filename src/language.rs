//! Which language a learner reads a module in.
//!
//! The learner's own language when the module has it (completely or in part); a language the
//! learner chose for this module, remembered; otherwise the best available (English, understood
//! by most trainees in the partner countries after their own language, then the module's
//! default), which the page shows with a notice, so that nobody reads French without being told
//! why. A text a partial language lacks falls back the same way: English, then the default.

use serde::Serialize;

use crate::Manifest;

/// Why a module is shown in the language it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// The module has the learner's language.
    Learner,
    /// The learner chose this language for this module.
    Chosen,
    /// The module lacks the learner's language, and nothing was chosen yet.
    Fallback,
}

/// The language a module's texts are shown in, for one learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentLanguage {
    /// One of the module's languages.
    pub language: String,
    pub why: Why,
    /// The learner's own language, which a `Fallback` notice names.
    pub wanted: String,
}

/// The language `manifest` is shown in to a learner whose language is `learner`, who may have
/// `chosen` one of its languages before (a choice the module no longer offers is ignored).
pub fn content_language(manifest: &Manifest, learner: &str, chosen: Option<&str>) -> ContentLanguage {
    let offered = |wanted: &str| {
        find(&manifest.languages, wanted).or_else(|| find(&manifest.partial_languages, wanted))
    };
    let (language, why) = if let Some(language) = chosen.and_then(offered) {
        (language, Why::Chosen)
    } else if let Some(language) = offered(learner) {
        (language, Why::Learner)
    } else {
        (offered("en").unwrap_or(&manifest.default_language), Why::Fallback)
    };
    ContentLanguage { language: language.to_owned(), why, wanted: learner.to_owned() }
}

/// The language of `languages` that is `wanted` (`nl` finds `nl-BE` when there is no `nl`).
fn find<'a>(languages: &'a [String], wanted: &str) -> Option<&'a str> {
    let primary = |tag: &str| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(wanted))
        .or_else(|| languages.iter().find(|l| primary(l) == primary(wanted)))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(languages: &[&str], default: &str) -> Manifest {
        serde_json::from_value(serde_json::json!({
            "format": 1, "id": "t.m", "version": "1.0.0", "languages": languages,
            "default_language": default, "title": {}, "description": {}, "objectives": {},
            "organisation": {"name": "HELMo"}, "authors": [], "license": "CC-BY-4.0",
            "estimated_minutes": 1, "activities": [], "completion": {}
        }))
        .expect("a test manifest")
    }

    #[test]
    fn the_learners_language_then_english_then_the_default() {
        let fr_en = module(&["fr", "en"], "fr");
        assert_eq!(content_language(&fr_en, "fr", None).why, Why::Learner);
        let ro = content_language(&fr_en, "ro", None);
        assert_eq!((ro.language.as_str(), ro.why, ro.wanted.as_str()), ("en", Why::Fallback, "ro"));
        let fr_de = module(&["fr", "de"], "fr");
        assert_eq!(content_language(&fr_de, "el", None).language, "fr");
    }

    #[test]
    fn a_remembered_choice_wins_while_the_module_offers_it() {
        let fr_en = module(&["fr", "en"], "fr");
        let chosen = content_language(&fr_en, "ro", Some("fr"));
        assert_eq!((chosen.language.as_str(), chosen.why), ("fr", Why::Chosen));
        assert_eq!(content_language(&fr_en, "ro", Some("el")).why, Why::Fallback);
    }

    #[test]
    fn a_regional_tag_matches_its_language() {
        let nl_be = module(&["fr", "nl-BE"], "fr");
        assert_eq!(content_language(&nl_be, "nl", None).language, "nl-BE");
        assert_eq!(content_language(&nl_be, "nl", None).why, Why::Learner);
    }
}
