//! xAPI 1.0.3 statements: the records that leave the machine for the institution's LRS.
//!
//! Only the subset DLIS Learn emits is modelled, as plain `Serialize` types, so that a
//! statement is built once, serialised once, and the very same bytes are sent on every retry
//! (an LRS compares a re-sent statement strictly). The learner appears only as an `account`:
//! the institution's home page plus the pseudonymous learner id, never a name or an e-mail,
//! unless the learner linked their profile to the identifier their institution gives them
//! (`crate::account`), with their consent.

use std::collections::BTreeMap;

use serde::Serialize;
#[cfg(feature = "native")]
use time::OffsetDateTime;

use crate::manifest::{Localized, Manifest};

/// Prefix of the IRIs of modules, activities and questions.
pub const ACTIVITY_BASE: &str = "https://dlis-learn.eu/xapi";
/// Home page of learner accounts until an institution profile sets its own.
pub const DEFAULT_HOME_PAGE: &str = "https://dlis-learn.eu/learners";

/// ADL verbs used by DLIS Learn.
pub mod verbs {
    pub const EXPERIENCED: &str = "http://adlnet.gov/expapi/verbs/experienced";
    pub const PROGRESSED: &str = "http://adlnet.gov/expapi/verbs/progressed";
    pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
    pub const ATTEMPTED: &str = "http://adlnet.gov/expapi/verbs/attempted";
    pub const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
    pub const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
    pub const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
    pub const RESPONDED: &str = "http://adlnet.gov/expapi/verbs/responded";

    /// The English display name of a verb IRI (its last segment).
    pub fn display(iri: &str) -> &str {
        iri.rsplit('/').next().unwrap_or(iri)
    }
}

/// DLIS Learn's result extension for a self-assessment's profile, on the `completed` statement
/// of a survey: `{"scale": 5, "dimensions": {"securite": 2.75, …}}`, each dimension's mean
/// rating from 1 to `scale` (docs/export-format.md).
pub const SURVEY_PROFILE_EXTENSION: &str = "https://dlis-learn.eu/xapi/extensions/survey-profile";

/// cmi5's result extension for progress in percent, an integer from 0 to 100.
pub const PROGRESS_EXTENSION: &str = "https://w3id.org/xapi/cmi5/result/extensions/progress";

#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub id: String,
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    pub context: Context,
    pub timestamp: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    pub account: Account,
}

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verb {
    pub id: &'static str,
    pub display: BTreeMap<&'static str, &'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    pub id: String,
    pub definition: Definition,
}

#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    pub name: Localized<String>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(rename = "interactionType", skip_serializing_if = "Option::is_none")]
    pub interaction_type: Option<&'static str>,
    /// A `likert` interaction's points (xAPI's interaction components).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Vec<Component>>,
}

/// One component of an interaction: an id and its description.
#[derive(Debug, Clone, Serialize)]
pub struct Component {
    pub id: String,
    pub description: Localized<String>,
}

/// xAPI's `result` (named so to keep `Result` for Rust).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Outcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<&'static str, serde_json::Value>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Score {
    pub scaled: f64,
    pub raw: f64,
    pub min: f64,
    pub max: f64,
}

impl Score {
    pub fn new(raw: f64, max: f64) -> Score {
        let scaled = if max > 0.0 { (raw / max).clamp(0.0, 1.0) } else { 0.0 };
        // Four decimals are plenty and keep the JSON free of float noise.
        let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
        Score { scaled: round(scaled), raw: round(raw), min: 0.0, max: round(max) }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Context {
    #[serde(rename = "contextActivities", skip_serializing_if = "Option::is_none")]
    pub context_activities: Option<ContextActivities>,
    pub platform: &'static str,
    pub language: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContextActivities {
    pub parent: Vec<ActivityRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityRef {
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    pub id: String,
}

/// Who, where and when: what every statement of one learning event shares in the desktop app
/// (the LMS player's statements get theirs from the LMS's launch).
#[cfg(feature = "native")]
pub struct Origin<'a> {
    /// The learner's account name: their pseudonym, or their institution's identifier for
    /// them once they linked their profile (`crate::account`).
    pub account_name: &'a str,
    pub home_page: &'a str,
    pub language: &'a str,
    pub module: &'a Manifest,
    pub at: OffsetDateTime,
}

/// The IRI of a module version.
pub fn module_iri(module: &Manifest) -> String {
    format!("{ACTIVITY_BASE}/modules/{}/{}", module.id, module.version)
}

/// The IRI of an activity of a module version.
pub fn activity_iri(module: &Manifest, activity_id: &str) -> String {
    format!("{}/activities/{activity_id}", module_iri(module))
}

/// The IRI of a quiz question.
pub fn question_iri(module: &Manifest, quiz_id: &str, question_id: &str) -> String {
    format!("{}/questions/{question_id}", activity_iri(module, quiz_id))
}

/// xAPI activity types of DLIS Learn's activities.
pub mod activity_types {
    pub const MODULE: &str = "http://adlnet.gov/expapi/activities/course";
    pub const LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
    pub const VIDEO: &str = "https://w3id.org/xapi/video/activity-type/video";
    pub const QUIZ: &str = "http://adlnet.gov/expapi/activities/assessment";
    pub const QUESTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
    pub const SURVEY: &str = "http://id.tincanapi.com/activitytype/survey";
}

/// The xAPI interaction type of a question (SCORM's and cmi5's vocabulary too).
pub use crate::quiz::interaction_type;

#[cfg(feature = "native")]
impl Origin<'_> {
    /// A statement with a fresh UUID about `object`, inside the module unless it is the module.
    pub fn statement(&self, verb: &'static str, object: Activity, result: Option<Outcome>) -> Statement {
        let module_iri = module_iri(self.module);
        let context_activities = (object.id != module_iri).then(|| ContextActivities {
            parent: vec![ActivityRef { object_type: "Activity", id: module_iri }],
        });
        Statement {
            // Time-ordered (v7): new ids append to the outbox's index instead of landing on a
            // random page of it, which keeps each durable commit small.
            id: uuid::Uuid::now_v7().to_string(),
            actor: Actor {
                object_type: "Agent",
                account: Account { home_page: self.home_page.to_owned(), name: self.account_name.to_owned() },
            },
            verb: Verb { id: verb, display: [("en-US", verbs::display(verb))].into() },
            object,
            result,
            context: Context {
                context_activities,
                platform: "DLIS Learn",
                language: self.language.to_owned(),
            },
            timestamp: timestamp(self.at),
        }
    }

    pub fn module_object(&self) -> Activity {
        activity(module_iri(self.module), &self.module.title, activity_types::MODULE, None)
    }
}

/// What an answer is about and its result, as every player reports it (the app's store, the
/// LMS player's session): the question as a `cmi.interaction`, score, success, response.
pub fn answered(
    module: &Manifest,
    quiz: &crate::manifest::Quiz,
    question: &crate::manifest::Question,
    response: &crate::quiz::Response,
    scored: &crate::quiz::Scored,
) -> (Activity, Outcome) {
    let object = activity(
        question_iri(module, &quiz.id, &question.id),
        &question.prompt,
        activity_types::QUESTION,
        Some(interaction_type(question)),
    );
    let result = Outcome {
        score: Some(Score::new(scored.score, scored.max)),
        success: Some(scored.correct),
        response: Some(response.to_xapi()),
        ..Outcome::default()
    };
    (object, result)
}

/// The IRI of a survey's statement.
pub fn survey_statement_iri(module: &Manifest, survey_id: &str, statement_id: &str) -> String {
    format!("{}/statements/{statement_id}", activity_iri(module, survey_id))
}

/// A rated statement as a `likert` interaction with the survey's scale, and its rating.
pub fn responded(
    module: &Manifest,
    survey: &crate::manifest::Survey,
    statement: &crate::manifest::SurveyStatement,
    rating: u8,
) -> (Activity, Outcome) {
    let mut object = activity(
        survey_statement_iri(module, &survey.id, &statement.id),
        &statement.text,
        activity_types::QUESTION,
        Some("likert"),
    );
    object.definition.scale = Some(
        survey
            .scale
            .iter()
            .zip(1..)
            .map(|(point, value): (_, u32)| Component {
                id: value.to_string(),
                description: point.label.clone(),
            })
            .collect(),
    );
    (object, Outcome { response: Some(rating.to_string()), ..Outcome::default() })
}

/// A survey's completion with the profile its ratings give.
pub fn survey_completed(profile: &crate::survey::Profile) -> Outcome {
    let dimensions: serde_json::Map<String, serde_json::Value> =
        profile.dimensions.iter().map(|d| (d.id.clone(), d.mean.into())).collect();
    let value = serde_json::json!({ "scale": profile.scale, "dimensions": dimensions });
    Outcome {
        completion: Some(true),
        extensions: [(SURVEY_PROFILE_EXTENSION, value)].into(),
        ..Outcome::default()
    }
}

/// An activity object with its definition.
pub fn activity(
    id: String,
    name: &Localized<String>,
    kind: &'static str,
    interaction: Option<&'static str>,
) -> Activity {
    Activity {
        object_type: "Activity",
        id,
        definition: Definition { name: name.clone(), kind, interaction_type: interaction, scale: None },
    }
}

/// UTC timestamp with exactly three fraction digits and a `Z`: LRSs compare re-sent
/// statements byte for byte, so the form must never vary.
#[cfg(feature = "native")]
pub fn timestamp(at: OffsetDateTime) -> String {
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    at.to_offset(time::UtcOffset::UTC).format(&format).unwrap_or_default()
}

/// An ISO 8601 duration such as `PT1H2M3.5S`, to a hundredth of a second.
pub fn duration(seconds: f64) -> String {
    let centis = (seconds.max(0.0) * 100.0).round() as u64;
    let (hours, rest) = (centis / 360_000, centis % 360_000);
    let (minutes, rest) = (rest / 6_000, rest % 6_000);
    let mut out = String::from("PT");
    if hours > 0 {
        out += &format!("{hours}H");
    }
    if minutes > 0 {
        out += &format!("{minutes}M");
    }
    if rest > 0 || out == "PT" {
        let (whole, fraction) = (rest / 100, rest % 100);
        if fraction == 0 {
            out += &format!("{whole}S");
        } else {
            out += format!("{whole}.{fraction:02}").trim_end_matches('0');
            out += "S";
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(0.0), "PT0S");
        assert_eq!(duration(12.5), "PT12.5S");
        assert_eq!(duration(61.0), "PT1M1S");
        assert_eq!(duration(3600.0), "PT1H");
        assert_eq!(duration(3723.25), "PT1H2M3.25S");
        assert_eq!(duration(-4.0), "PT0S");
    }

    #[cfg(feature = "native")]
    #[test]
    fn timestamps_are_utc_with_milliseconds() {
        let at = time::macros::datetime!(2026-11-23 10:15:30.123456 +01:00);
        assert_eq!(timestamp(at), "2026-11-23T09:15:30.123Z");
        let whole = time::macros::datetime!(2026-11-23 10:15:30 UTC);
        assert_eq!(timestamp(whole), "2026-11-23T10:15:30.000Z");
        let tenth = time::macros::datetime!(2026-11-23 10:15:30.1 UTC);
        assert_eq!(timestamp(tenth), "2026-11-23T10:15:30.100Z");
    }

    #[test]
    fn scores_are_scaled_and_rounded() {
        let score = Score::new(2.0, 3.0);
        assert_eq!((score.scaled, score.raw, score.max), (0.6667, 2.0, 3.0));
        assert_eq!(Score::new(1.0, 0.0).scaled, 0.0);
    }
}
