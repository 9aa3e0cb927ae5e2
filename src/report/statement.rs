//! What the report needs of one statement, and to whom and what it is attributed.
//!
//! A line is read into a [`Statement`], which holds only the fields the figures use: by the
//! compact reader when it is in the form DLIS Learn writes (fast), by the lenient reader
//! otherwise (any JSON). Then the statement is attributed to a learner and a module, or given
//! the [`Reason`] it cannot be.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::duration::parse_duration;
use super::{compact, lenient};
use crate::xapi::{ACTIVITY_BASE, activity_types, verbs};

/// Why a statement is not attributed to a learner and a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    NotJson,
    NotAnObject,
    NoId,
    BadId,
    NoLearner,
    NoVerb,
    Voiding,
    ForeignObject,
    ParentMismatch,
    LinkNotVerified,
    LinkConflict,
}

impl Reason {
    /// The reason as reports show it.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::NotJson => "line is not valid JSON",
            Reason::NotAnObject => "statement is not a JSON object",
            Reason::NoId => "no statement id",
            Reason::BadId => "statement id is not a UUID",
            Reason::NoLearner => "no learner account",
            Reason::NoVerb => "no verb",
            Reason::Voiding => "voiding statement (not applied)",
            Reason::ForeignObject => "object is not a DLIS Learn activity",
            Reason::ParentMismatch => "context parent is not the object's module",
            Reason::LinkNotVerified => "link statement whose signature does not verify (not applied)",
            Reason::LinkConflict => {
                "link statement disagreeing with another link of the same pseudonym (none applied)"
            }
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// Strings numbered in order of appearance, so that facts carry small numbers instead of text.
#[derive(Debug, Default)]
pub(super) struct Strings {
    index: HashMap<Box<str>, u32>,
    list: Vec<Box<str>>,
    /// The last string looked up in each [`Slot`].
    recent: [u32; 4],
}

/// What a string is, for [`Strings::intern_recent`].
#[derive(Debug, Clone, Copy)]
enum Slot {
    Learner,
    Module,
    Version,
    Activity,
}

impl Strings {
    /// Like [`Strings::intern`], trying the last string of the same slot first: a file holds
    /// long runs of statements of one learner in one module, so most lookups end there,
    /// without hashing.
    fn intern_recent(&mut self, slot: Slot, text: &str) -> u32 {
        let recent = self.recent[slot as usize];
        if self.list.get(recent as usize).is_some_and(|s| **s == *text) {
            return recent;
        }
        let n = self.intern(text);
        self.recent[slot as usize] = n;
        n
    }

    pub(super) fn intern(&mut self, text: &str) -> u32 {
        if let Some(&n) = self.index.get(text) {
            return n;
        }
        // More than four billion distinct strings would not fit in memory first.
        let n = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        self.list.push(text.into());
        self.index.insert(text.into(), n);
        n
    }

    pub(super) fn get(&self, n: u32) -> &str {
        self.list.get(n as usize).map_or("", |s| s)
    }

    pub(super) fn all(&self) -> &[Box<str>] {
        &self.list
    }
}

/// What a statement says, in the terms of the report; strings are numbers in a [`Strings`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Fact {
    /// The statement id as a number (`A` and `a` are the same UUID), or why it has none.
    pub id: Result<u128, Reason>,
    pub about: Result<Subject, Reason>,
}

/// What a statement is about: a learner's record in a module, or a link between accounts.
#[derive(Debug, Clone, Copy)]
pub(super) enum Subject {
    Record(About),
    Link(LinkFact),
}

/// A link or unlink statement whose signature verifies (`crate::account`): the pseudonym,
/// the identifier it is linked to and the key that signed, numbered in [`Strings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LinkFact {
    pub pseudonym: u32,
    pub identifier: u32,
    pub key: u32,
    pub linked: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct About {
    pub learner: u32,
    pub module: u32,
    pub version: u32,
    pub at: Option<OffsetDateTime>,
    pub what: What,
    /// The module's title, when the object is the module itself and its definition names it
    /// (a [`canonical_title`], numbered in [`Strings`]).
    pub title: Option<u32>,
}

/// The statements the figures count; any other is only counted and dated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum What {
    ModuleCompleted,
    /// A lesson, capsule or other activity completed, with the time spent on it.
    ActivityCompleted {
        activity: u32,
        kind: Kind,
        millis: u64,
    },
    /// A self-assessment taken: the survey and its profile (a [`canonical_profile`]).
    SurveyTaken {
        activity: u32,
        profile: u32,
    },
    /// A question answered: `quiz/question` and the response (at most [`MAX_RESPONSE`]
    /// characters), numbered in [`Strings`], and whether it was right.
    Answered {
        question: u32,
        response: u32,
        success: Option<bool>,
    },
    /// A quiz attempt submitted (`passed` or `failed`), with its scaled score and duration.
    QuizSubmitted {
        activity: u32,
        passed: bool,
        scaled: Option<f64>,
        millis: u64,
    },
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Lesson,
    Capsule,
    Other,
}

/// Reads one line of `statements.jsonl`, numbering its strings in `strings`.
pub(super) fn read(line: &str, strings: &mut Strings) -> Fact {
    // The compact reader takes the form DLIS Learn writes, fast; the lenient one, the rest.
    let statement = match compact::read(line) {
        Some(statement) => Ok(Some(statement)),
        None => lenient::read(line),
    };
    match statement {
        Err(()) => Fact { id: Err(Reason::NotJson), about: Err(Reason::NotJson) },
        Ok(None) => Fact { id: Err(Reason::NotAnObject), about: Err(Reason::NotAnObject) },
        Ok(Some(statement)) => Fact { id: statement.id(), about: statement.about(strings) },
    }
}

/// The longest response the item analysis keeps, in characters: a hostile statement's long
/// response costs no more memory than a real one.
pub(super) const MAX_RESPONSE: usize = 200;

/// What a DLIS Learn IRI names inside a module version.
#[derive(Debug, PartialEq)]
pub(super) enum Target<'a> {
    Module,
    Activity(&'a str),
    /// A quiz's question: the quiz's id and the question's.
    Question(&'a str, &'a str),
}

/// A DLIS Learn IRI taken apart.
#[derive(Debug, PartialEq)]
pub(super) struct Iri<'a> {
    pub module: &'a str,
    pub version: &'a str,
    pub target: Target<'a>,
    /// The IRI of the module version: the start of this IRI, up to the version.
    pub module_iri: &'a str,
}

/// Reads `{ACTIVITY_BASE}/modules/{module}/{version}[/activities/{id}[/questions/{id}]]`.
pub(super) fn parse_iri(iri: &str) -> Option<Iri<'_>> {
    let rest = iri.strip_prefix(ACTIVITY_BASE)?.strip_prefix("/modules/")?;
    // Split at `/` by hand: a million statements call this twice each.
    let mut parts = [""; 6];
    let (mut count, mut start) = (0, 0);
    let slashes = rest.bytes().enumerate().filter(|&(_, b)| b == b'/').map(|(i, _)| i);
    for end in slashes.chain(std::iter::once(rest.len())) {
        if count == parts.len() || end == start {
            return None;
        }
        parts[count] = &rest[start..end];
        count += 1;
        start = end + 1;
    }
    let (module, version, target) = match parts[..count] {
        [module, version] => (module, version, Target::Module),
        [module, version, "activities", activity] => (module, version, Target::Activity(activity)),
        [module, version, "activities", quiz, "questions", question] => {
            (module, version, Target::Question(quiz, question))
        }
        _ => return None,
    };
    let module_iri = &iri[..iri.len() - rest.len() + module.len() + 1 + version.len()];
    Some(Iri { module, version, target, module_iri })
}

/// Reads an RFC 3339 timestamp. The form DLIS Learn writes (`2026-01-02T10:00:00.000Z`) is
/// read directly, several times faster than by the general parser, which reads any other.
fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    canonical_timestamp(text.as_bytes()).or_else(|| OffsetDateTime::parse(text, &Rfc3339).ok())
}

fn canonical_timestamp(b: &[u8]) -> Option<OffsetDateTime> {
    let shape = b.len() == 24
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b'T'
        && [13, 16].iter().all(|&i| b[i] == b':')
        && b[19] == b'.'
        && b[23] == b'Z';
    if !shape {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u16> {
        b[from..to].iter().try_fold(0u16, |n, &d| d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0')))
    };
    let month = time::Month::try_from(number(5, 7)? as u8).ok()?;
    let date = time::Date::from_calendar_date(i32::from(number(0, 4)?), month, number(8, 10)? as u8).ok()?;
    let (hour, minute, second) = (number(11, 13)? as u8, number(14, 16)? as u8, number(17, 19)? as u8);
    let at = date.with_hms_milli(hour, minute, second, number(20, 23)?).ok()?;
    Some(at.assume_utc())
}

/// Seconds to whole milliseconds, the unit time spent is summed in (so that the sum does not
/// depend on the order statements arrive in, as a float sum would).
fn millis(seconds: f64) -> u64 {
    // Saturating: a hostile `P99999999W` becomes a large number, not a wrapped one.
    (seconds * 1000.0).round() as u64
}

/// The parts of a statement the report reads; the rest of the line is skipped.
#[derive(Debug, Default)]
pub(super) struct Statement<'a> {
    pub id: Scalar<'a>,
    pub actor: Option<Actor<'a>>,
    pub verb: Option<Verb<'a>>,
    pub object: Option<Object<'a>>,
    pub result: Option<Outcome<'a>>,
    pub parent: Option<Scalar<'a>>,
    pub timestamp: Scalar<'a>,
    /// `context.extensions` of a link statement ([`crate::account::SIGNATURE_EXTENSION`]).
    pub link_signature: Option<LinkSignature<'a>>,
}

#[derive(Debug, Default)]
pub(super) struct LinkSignature<'a> {
    pub pseudonym: Option<Account<'a>>,
    pub public_key: Scalar<'a>,
    pub signature: Scalar<'a>,
}

impl<'a> Statement<'a> {
    fn id(&self) -> Result<u128, Reason> {
        match &self.id {
            Scalar::Null => Err(Reason::NoId),
            Scalar::Text(id) => uuid::Uuid::try_parse(id).map(|id| id.as_u128()).map_err(|_| Reason::BadId),
            Scalar::Number(_) | Scalar::Bool(_) | Scalar::Other => Err(Reason::BadId),
        }
    }

    fn about(&self, strings: &mut Strings) -> Result<Subject, Reason> {
        let verb = self.verb.as_ref().and_then(|v| v.id.text());
        if let Some(verb @ (crate::account::LINKED | crate::account::UNLINKED)) = verb {
            return self.link(verb, strings).map(Subject::Link);
        }
        self.record(strings).map(Subject::Record)
    }

    /// A link statement's pseudonym, identifier and key, once its signature verifies.
    fn link(&self, verb: &str, strings: &mut Strings) -> Result<LinkFact, Reason> {
        use crate::account::AccountRef;
        fn account<'s>(account: Option<&'s Account<'_>>) -> Option<AccountRef<'s>> {
            let account = account?;
            Some(AccountRef { home_page: account.home_page.text()?, name: account.name.text()? })
        }
        let actor = account(self.actor.as_ref().and_then(|a| a.account.as_ref())).ok_or(Reason::NoLearner)?;
        let signature = self.link_signature.as_ref();
        // The object stands for the pseudonym the extension names, or the link means nothing.
        let object_id = self.object.as_ref().and_then(|o| o.id.text());
        let pseudonym = account(signature.and_then(|s| s.pseudonym.as_ref()))
            .filter(|p| object_id == Some(crate::account::pseudonym_iri(p.name).as_str()));
        let verified = (|| {
            crate::account::verify(
                verb,
                self.id.text()?,
                self.timestamp.text()?,
                pseudonym?,
                actor,
                signature?.public_key.text()?,
                signature?.signature.text()?,
            )
        })();
        let (Some(key), Some(pseudonym)) = (verified, pseudonym) else {
            return Err(Reason::LinkNotVerified);
        };
        use base64::Engine;
        Ok(LinkFact {
            pseudonym: strings.intern(pseudonym.name),
            identifier: strings.intern(actor.name),
            key: strings.intern(&base64::engine::general_purpose::STANDARD.encode(key)),
            linked: verb == crate::account::LINKED,
        })
    }

    fn record(&self, strings: &mut Strings) -> Result<About, Reason> {
        let actor = self.actor.as_ref();
        let account = actor.and_then(|a| a.account.as_ref());
        let learner = account.and_then(|a| a.name.text()).filter(|name| !name.is_empty());
        let home_page = account.and_then(|a| a.home_page.text()).filter(|page| !page.is_empty());
        let agent = actor.and_then(|a| a.object_type.text()).is_none_or(|kind| kind == "Agent");
        let (Some(learner), Some(_), true) = (learner, home_page, agent) else {
            return Err(Reason::NoLearner);
        };
        let verb = self.verb.as_ref().and_then(|v| v.id.text()).ok_or(Reason::NoVerb)?;
        if verb == "http://adlnet.gov/expapi/verbs/voided" {
            return Err(Reason::Voiding);
        }
        let object = self.object.as_ref().ok_or(Reason::ForeignObject)?;
        if object.object_type.text().is_some_and(|kind| kind != "Activity") {
            return Err(Reason::ForeignObject);
        }
        let iri = object.id.text().and_then(parse_iri).ok_or(Reason::ForeignObject)?;
        if iri.target != Target::Module
            && let Some(parent) = self.parent.as_ref().and_then(Scalar::text)
        {
            // The same module version is named by the same IRI, to the byte.
            if parent != iri.module_iri {
                return Err(Reason::ParentMismatch);
            }
        }

        let result = self.result.as_ref();
        let duration = || result.and_then(|r| r.duration.text()).and_then(parse_duration).map_or(0, millis);
        let what = match (verb, &iri.target) {
            (verbs::COMPLETED, Target::Module) => What::ModuleCompleted,
            (verbs::COMPLETED, Target::Activity(activity))
                if let Some(profile) = result.and_then(|r| r.survey_profile.as_deref()) =>
            {
                What::SurveyTaken {
                    activity: strings.intern_recent(Slot::Activity, activity),
                    profile: strings.intern(profile),
                }
            }
            (verbs::COMPLETED, Target::Activity(activity)) => {
                let kind = match object.kind.text() {
                    Some(activity_types::LESSON) => Kind::Lesson,
                    Some(activity_types::VIDEO) => Kind::Capsule,
                    _ => Kind::Other,
                };
                What::ActivityCompleted {
                    activity: strings.intern_recent(Slot::Activity, activity),
                    kind,
                    millis: duration(),
                }
            }
            (verbs::ANSWERED, Target::Question(quiz, question)) => {
                let success = match result.map(|r| &r.success) {
                    Some(Scalar::Bool(success)) => Some(*success),
                    _ => None,
                };
                let response = result.and_then(|r| r.response.text()).unwrap_or("");
                let response = match response.char_indices().nth(MAX_RESPONSE) {
                    Some((end, _)) => &response[..end],
                    None => response,
                };
                What::Answered {
                    question: strings.intern(&format!("{quiz}/{question}")),
                    response: strings.intern(response),
                    success,
                }
            }
            (verbs::PASSED | verbs::FAILED, Target::Activity(activity)) => {
                let scaled = match result.and_then(|r| r.scaled.as_ref()) {
                    // xAPI bounds scaled scores to [-1, 1]; anything else is ignored, not trusted.
                    Some(Scalar::Number(scaled)) if (-1.0..=1.0).contains(scaled) => Some(*scaled),
                    _ => None,
                };
                What::QuizSubmitted {
                    activity: strings.intern_recent(Slot::Activity, activity),
                    passed: verb == verbs::PASSED,
                    scaled,
                    millis: duration(),
                }
            }
            _ => What::Other,
        };
        Ok(About {
            learner: strings.intern_recent(Slot::Learner, learner),
            module: strings.intern_recent(Slot::Module, iri.module),
            version: strings.intern_recent(Slot::Version, iri.version),
            at: self.timestamp.text().and_then(parse_timestamp),
            what,
            title: match iri.target {
                Target::Module => object.name.canonical().map(|title| strings.intern(&title)),
                _ => None,
            },
        })
    }
}

#[derive(Debug, Default)]
pub(super) struct Actor<'a> {
    pub object_type: Scalar<'a>,
    pub account: Option<Account<'a>>,
}

#[derive(Debug, Default)]
pub(super) struct Account<'a> {
    pub name: Scalar<'a>,
    pub home_page: Scalar<'a>,
}

#[derive(Debug, Default)]
pub(super) struct Verb<'a> {
    pub id: Scalar<'a>,
}

#[derive(Debug, Default)]
pub(super) struct Object<'a> {
    pub object_type: Scalar<'a>,
    pub id: Scalar<'a>,
    /// `definition.type`.
    pub kind: Scalar<'a>,
    /// `definition.name`, read only for the statements about a module itself.
    pub name: Names<'a>,
}

/// An object's `definition.name`, as the raw JSON both readers step over: most statements are
/// about activities, whose names the report never reads, so they cost no allocation.
#[derive(Default)]
pub(super) enum Names<'a> {
    #[default]
    Absent,
    Raw(&'a str),
}

impl Names<'_> {
    /// The title as the report keeps it ([`canonical_title`]).
    pub(super) fn canonical(&self) -> Option<String> {
        match self {
            Names::Absent => None,
            Names::Raw(raw) => canonical_title(&lenient::names(raw)),
        }
    }
}

/// Both readers' names print as the title they give, so that the readers' agreement is
/// checked on what the report uses.
impl fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.canonical())
    }
}

/// The longest title a report keeps, in characters, and how many languages.
const MAX_TITLE: usize = 200;
const MAX_TITLE_LANGUAGES: usize = 20;

/// A module's title from a statement's `definition.name`, as the report keeps it: a JSON
/// object of language tags to texts, sorted, or `None` when it is not one (a title is shown,
/// so a hostile one is not kept: too long, too many languages, control characters).
pub(super) fn canonical_title(name: &[(Cow<'_, str>, Scalar<'_>)]) -> Option<String> {
    let mut sorted = std::collections::BTreeMap::new();
    for (language, text) in name {
        let text = text.text()?.trim();
        let language_ok = oxilangtag::LanguageTag::parse(language.as_ref()).is_ok();
        if !language_ok
            || text.is_empty()
            || text.chars().count() > MAX_TITLE
            || text.chars().any(char::is_control)
        {
            return None;
        }
        sorted.insert(language.as_ref(), text);
    }
    if sorted.is_empty() || sorted.len() > MAX_TITLE_LANGUAGES {
        return None;
    }
    serde_json::to_string(&sorted).ok()
}

#[derive(Debug, Default)]
pub(super) struct Outcome<'a> {
    pub duration: Scalar<'a>,
    pub success: Scalar<'a>,
    pub response: Scalar<'a>,
    /// `score.scaled`.
    pub scaled: Option<Scalar<'a>>,
    /// A survey's profile ([`crate::xapi::SURVEY_PROFILE_EXTENSION`]) in [`canonical_profile`]'s
    /// form, when it is one.
    pub survey_profile: Option<String>,
}

/// A self-assessment profile as the report keeps it: `{"dimensions":{id:mean,…},"scale":n}`
/// with its dimensions sorted, or `None` when it is not one a survey gives (a scale of 2 to
/// 10 points, 1 to 100 dimensions with short ids, each mean on the scale): not trusted, not
/// counted.
pub(super) fn canonical_profile(value: &serde_json::Value) -> Option<String> {
    let scale = value.get("scale")?.as_u64().filter(|s| (2..=10).contains(s))?;
    let dimensions = value.get("dimensions")?.as_object()?;
    if dimensions.is_empty() || dimensions.len() > 100 {
        return None;
    }
    let mut sorted = std::collections::BTreeMap::new();
    for (id, mean) in dimensions {
        let mean = mean.as_f64().filter(|m| (1.0..=scale as f64).contains(m))?;
        if id.is_empty() || id.len() > 64 || id.chars().any(char::is_control) {
            return None;
        }
        sorted.insert(id.as_str(), mean);
    }
    serde_json::to_string(&serde_json::json!({ "dimensions": sorted, "scale": scale })).ok()
}

/// A profile kept by [`canonical_profile`], read back.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub(super) struct KeptProfile {
    pub scale: u8,
    pub dimensions: std::collections::BTreeMap<String, f64>,
}

/// A JSON value reduced to what the report looks at: strings and numbers.
#[derive(Debug, Default)]
pub(super) enum Scalar<'a> {
    /// `null`, or absent.
    #[default]
    Null,
    Text(Cow<'a, str>),
    Number(f64),
    Bool(bool),
    /// An array or an object.
    Other,
}

impl Scalar<'_> {
    pub(super) fn text(&self) -> Option<&str> {
        match self {
            Scalar::Text(text) => Some(text),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0";

    #[test]
    fn iris_are_taken_apart() {
        let module = parse_iri(MODULE).unwrap();
        assert_eq!((module.module, module.version, module.target), ("dlis.m", "1.0.0", Target::Module));
        assert_eq!(module.module_iri, MODULE);
        let question =
            parse_iri("https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0/activities/quiz/questions/q1");
        assert_eq!(question.unwrap().module_iri, MODULE);
        let iri = format!("{MODULE}/activities/intro");
        assert_eq!(parse_iri(&iri).unwrap().target, Target::Activity("intro"));
        assert_eq!(
            parse_iri(&format!("{MODULE}/activities/quiz/questions/q1")).unwrap().target,
            Target::Question("quiz", "q1")
        );
        for bad in [
            "https://dlis-learn.eu/xapi/modules/dlis.m",
            "https://dlis-learn.eu/xapi/modules/dlis.m/",
            "https://dlis-learn.eu/xapi/modules//1.0.0",
            "https://dlis-learn.eu/xapi/modulesX/dlis.m/1.0.0",
            "https://example.org/xapi/modules/dlis.m/1.0.0",
            "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0/lessons/intro",
            "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0/activities",
            "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0/activities/a/questions",
            "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0/activities/a/questions/q/x",
            "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0/",
            "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0//activities/a",
        ] {
            assert_eq!(parse_iri(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_are_read_in_every_rfc_3339_form() {
        let at = |text| parse_timestamp(text).map(crate::xapi::timestamp);
        assert_eq!(at("2026-01-02T10:00:00.250Z").as_deref(), Some("2026-01-02T10:00:00.250Z"));
        assert_eq!(at("2026-01-02T12:00:00.250+02:00").as_deref(), Some("2026-01-02T10:00:00.250Z"));
        assert_eq!(at("2026-01-02T10:00:00Z").as_deref(), Some("2026-01-02T10:00:00.000Z"));
        for bad in [
            "2026-13-02T10:00:00.000Z",
            "2026-02-30T10:00:00.000Z",
            "2026-01-02T25:00:00.000Z",
            "20x6-01-02T10:00:00.000Z",
            "2026-01-02T10:00:00.000",
            "yesterday",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
    }

    #[test]
    fn fields_of_the_wrong_type_count_as_absent() {
        let mut strings = Strings::default();
        let fact = read(
            r#"{"id": 42, "actor": "me", "verb": [1, {"id": 2}], "context": {"contextActivities": {"parent": "x"}}}"#,
            &mut strings,
        );
        assert!(matches!(fact.id, Err(Reason::BadId)));
        assert!(matches!(fact.about, Err(Reason::NoLearner)));
        assert!(matches!(read("[1, 2]", &mut strings).about, Err(Reason::NotAnObject)));
        assert!(matches!(read("{\"id\": ", &mut strings).about, Err(Reason::NotJson)));
        assert!(matches!(read("{} {}", &mut strings).about, Err(Reason::NotJson)));
    }

    #[test]
    fn escaped_strings_are_read_too() {
        let mut strings = Strings::default();
        let line = r#"{"id": "0190aaaa-0000-7000-8000-00000000000a",
            "actor": {"account": {"homePage": "https:\/\/x.example", "name": "L\u00e9a"}},
            "verb": {"id": "http:\/\/adlnet.gov\/expapi\/verbs\/completed"},
            "object": {"id": "https://dlis-learn.eu/xapi/modules/dlis.m/1.0.0"}}"#;
        let Ok(Subject::Record(about)) = read(line, &mut strings).about else { panic!("not a record") };
        assert_eq!(strings.get(about.learner), "Léa");
        assert_eq!(about.what, What::ModuleCompleted);
    }
}
