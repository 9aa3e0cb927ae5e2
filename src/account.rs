//! A learner's institutional account: the identifier their institution knows them by (student
//! number, institutional e-mail), linked to their pseudonymous profile with their consent.
//!
//! Statements of a linked profile name the learner by the account `{homePage: the institution,
//! name: the identifier}` (xAPI 1.0.3, Agent accounts). Records made before the link keep their
//! pseudonymous account: history is not rewritten. A **link statement** says who they were:
//! its actor is the institutional account, its verb [`LINKED`], its object the pseudonym (as an
//! activity, [`pseudonym_iri`]: xAPI would take an agent, but Ralph takes only objects with an
//! `id`), and a report attributes that pseudonym's records to the identifier.
//!
//! A link statement is signed with the profile's own Ed25519 key, in a context extension
//! ([`SIGNATURE_EXTENSION`]): xAPI's own signed statements travel as multipart attachments,
//! which LRSs such as Ralph do not take. A report trusts the first key it sees for a pseudonym,
//! so that a statement forged afterwards, in an LRS or an export file, cannot move that
//! pseudonym's records to somebody else. What the signature does not prove: that the
//! identifier is the learner's own; only the institution's records can say that.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::xapi::{Account, Actor, Verb};

/// The verb of a link statement: the actor (institutional account) was the object (pseudonym).
pub const LINKED: &str = "https://dlis-learn.eu/xapi/verbs/linked";
/// The verb of an unlink statement: from its timestamp on, the profile no longer uses the
/// institutional account (its later records carry a new pseudonym).
pub const UNLINKED: &str = "https://dlis-learn.eu/xapi/verbs/unlinked";
/// The context extension holding a link statement's pseudonymous account and signature:
/// `{"pseudonym": {"homePage", "name"}, "algorithm": "Ed25519", "public_key": base64,
/// "signature": base64}`, the signature over [`signed_message`].
pub const SIGNATURE_EXTENSION: &str = "https://dlis-learn.eu/xapi/extensions/link-signature";

/// The activity type of a link statement's object.
pub const PSEUDONYM_TYPE: &str = "https://dlis-learn.eu/xapi/activity-types/pseudonym";

/// The IRI that stands for a pseudonym as a link statement's object.
pub fn pseudonym_iri(name: &str) -> String {
    format!("{}/pseudonyms/{name}", crate::xapi::ACTIVITY_BASE)
}

/// The longest identifier a learner may give, in characters.
pub const MAX_IDENTIFIER: usize = 100;

/// What the institution profile asks learners for, when it asks for an identifier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentifierRule {
    /// What the institution calls it, shown on the consent screen: "Student number".
    pub label: String,
    /// A regular expression the whole identifier must match, e.g. `[0-9]{8}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdentifierError {
    #[error("the identifier is empty")]
    Empty,
    #[error("an identifier is at most {MAX_IDENTIFIER} characters")]
    TooLong,
    #[error("an identifier holds no spaces nor control characters")]
    Spaces,
    #[error("{identifier:?} is not written as the institution writes a {label}")]
    Pattern { identifier: String, label: String },
}

impl IdentifierRule {
    /// Checks the rule itself, as an institution file gives it.
    pub fn check_rule(&self) -> Result<(), String> {
        let label = self.label.trim();
        if label.is_empty()
            || label.chars().count() > 80
            || crate::manifest::control_character(label).is_some()
        {
            return Err(
                "learner_identifier.label must be 1 to 80 characters, without control characters".into()
            );
        }
        if let Some(pattern) = &self.pattern {
            compile(pattern).map_err(|e| {
                format!("learner_identifier.pattern {pattern:?} is not a regular expression: {e}")
            })?;
        }
        Ok(())
    }

    /// The identifier as it will be sent (trimmed), or why it is refused.
    pub fn check(&self, identifier: &str) -> Result<String, IdentifierError> {
        let identifier = identifier.trim();
        if identifier.is_empty() {
            return Err(IdentifierError::Empty);
        }
        if identifier.chars().count() > MAX_IDENTIFIER {
            return Err(IdentifierError::TooLong);
        }
        if identifier.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(IdentifierError::Spaces);
        }
        let matches = match &self.pattern {
            // A rule that does not compile was refused when the institution was set.
            Some(pattern) => compile(pattern).is_ok_and(|re| re.is_match(identifier)),
            None => true,
        };
        if !matches {
            return Err(IdentifierError::Pattern {
                identifier: identifier.to_owned(),
                label: self.label.clone(),
            });
        }
        Ok(identifier.to_owned())
    }
}

/// The pattern anchored at both ends, with bounds on what a hostile file can make us build.
fn compile(pattern: &str) -> Result<regex_lite::Regex, regex_lite::Error> {
    regex_lite::RegexBuilder::new(&format!("^(?:{pattern})$")).size_limit(1 << 16).nest_limit(32).build()
}

/// An xAPI account: the system's home page and the name on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountRef<'a> {
    pub home_page: &'a str,
    pub name: &'a str,
}

/// The bytes a link or unlink statement's signature covers: every field that gives it its
/// meaning, one per line (none may hold a line break: identifiers hold no control characters,
/// the others are IRIs, a UUID and a timestamp).
pub fn signed_message(
    verb: &str,
    statement_id: &str,
    timestamp: &str,
    pseudonym: AccountRef<'_>,
    account: AccountRef<'_>,
) -> String {
    format!(
        "dlis-learn link 1\n{verb}\n{statement_id}\n{timestamp}\n{}\n{}\n{}\n{}",
        pseudonym.home_page, pseudonym.name, account.home_page, account.name
    )
}

/// A link or unlink statement, as it leaves the machine.
#[derive(Debug, Clone, Serialize)]
pub struct LinkStatement {
    pub id: String,
    pub actor: Actor,
    pub verb: Verb,
    pub object: crate::xapi::Activity,
    pub context: LinkContext,
    pub timestamp: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkContext {
    // No `platform`: xAPI allows it only when the object is an activity.
    pub language: String,
    pub extensions: BTreeMap<&'static str, SignatureField>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SignatureField {
    pub pseudonym: Account,
    pub algorithm: &'static str,
    pub public_key: String,
    pub signature: String,
}

/// A `verb` ([`LINKED`] or [`UNLINKED`]) statement of `account` about `pseudonym`, signed with `key`.
pub fn statement(
    verb: &'static str,
    key: &SigningKey,
    pseudonym: AccountRef<'_>,
    account: AccountRef<'_>,
    language: &str,
    at: OffsetDateTime,
) -> LinkStatement {
    let id = uuid::Uuid::now_v7().to_string();
    let timestamp = crate::xapi::timestamp(at);
    let signature = key.sign(signed_message(verb, &id, &timestamp, pseudonym, account).as_bytes());
    let own = |a: AccountRef<'_>| Account { home_page: a.home_page.to_owned(), name: a.name.to_owned() };
    LinkStatement {
        id,
        actor: Actor { object_type: "Agent", account: own(account) },
        verb: Verb { id: verb, display: [("en-US", crate::xapi::verbs::display(verb))].into() },
        object: crate::xapi::activity(
            pseudonym_iri(pseudonym.name),
            &[("en".to_owned(), "Pseudonymous learner profile".to_owned())].into(),
            PSEUDONYM_TYPE,
            None,
        ),
        context: LinkContext {
            language: language.to_owned(),
            extensions: [(
                SIGNATURE_EXTENSION,
                SignatureField {
                    pseudonym: own(pseudonym),
                    algorithm: "Ed25519",
                    public_key: BASE64.encode(key.verifying_key().as_bytes()),
                    signature: BASE64.encode(signature.to_bytes()),
                },
            )]
            .into(),
        },
        timestamp,
    }
}

/// The public key of a link statement whose signature verifies, or `None`.
pub fn verify(
    verb: &str,
    statement_id: &str,
    timestamp: &str,
    pseudonym: AccountRef<'_>,
    account: AccountRef<'_>,
    public_key: &str,
    signature: &str,
) -> Option<[u8; 32]> {
    let key: [u8; 32] = BASE64.decode(public_key).ok()?.try_into().ok()?;
    let signature: [u8; 64] = BASE64.decode(signature).ok()?.try_into().ok()?;
    let message = signed_message(verb, statement_id, timestamp, pseudonym, account);
    let verifying = VerifyingKey::from_bytes(&key).ok()?;
    verifying.verify_strict(message.as_bytes(), &Signature::from_bytes(&signature)).ok()?;
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(pattern: Option<&str>) -> IdentifierRule {
        IdentifierRule { label: "Student number".into(), pattern: pattern.map(str::to_owned) }
    }

    #[test]
    fn identifiers_are_trimmed_and_must_match_the_whole_pattern() {
        let numbers = rule(Some("[0-9]{8}"));
        assert_eq!(numbers.check(" 20261234 "), Ok("20261234".into()));
        assert!(matches!(numbers.check("x20261234"), Err(IdentifierError::Pattern { .. })));
        assert!(matches!(numbers.check("202612345"), Err(IdentifierError::Pattern { .. })));
        assert_eq!(numbers.check("   "), Err(IdentifierError::Empty));
        assert_eq!(rule(None).check("a b"), Err(IdentifierError::Spaces));
        assert_eq!(rule(None).check("a\u{7}b"), Err(IdentifierError::Spaces));
        assert_eq!(rule(None).check(&"x".repeat(MAX_IDENTIFIER + 1)), Err(IdentifierError::TooLong));
        assert_eq!(rule(None).check("ana.pop@uav.ro"), Ok("ana.pop@uav.ro".into()));
    }

    #[test]
    fn a_rule_that_does_not_compile_or_is_huge_is_refused() {
        assert!(rule(Some("[0-9")).check_rule().is_err());
        assert!(rule(Some("(a{1000}){1000}")).check_rule().is_err());
        assert!(IdentifierRule { label: " ".into(), pattern: None }.check_rule().is_err());
        assert!(rule(Some(r"[a-z.]+@uav\.ro")).check_rule().is_ok());
    }

    #[test]
    fn a_signature_covers_every_field_that_gives_the_link_its_meaning() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let pseudonym = AccountRef { home_page: "https://irts.example", name: "d7e8d8e0" };
        let account = AccountRef { home_page: "https://irts.example", name: "20261234" };
        let at = time::macros::datetime!(2026-12-02 08:00 UTC);
        let s = statement(LINKED, &key, pseudonym, account, "fr", at);
        let field = &s.context.extensions[SIGNATURE_EXTENSION];
        let check = |verb: &str, id: &str, p: AccountRef<'_>, a: AccountRef<'_>| {
            verify(verb, id, &s.timestamp, p, a, &field.public_key, &field.signature)
        };
        assert_eq!(check(LINKED, &s.id, pseudonym, account), Some(*key.verifying_key().as_bytes()));
        assert_eq!(check(UNLINKED, &s.id, pseudonym, account), None);
        assert_eq!(check(LINKED, &s.id, pseudonym, AccountRef { name: "20269999", ..account }), None);
        assert_eq!(check(LINKED, &s.id, AccountRef { name: "someone-else", ..pseudonym }, account), None);
        assert_eq!(check(LINKED, "01a20960-3adb-77eb-a33b-53107a10ea80", pseudonym, account), None);
        assert_eq!(
            verify(LINKED, &s.id, &s.timestamp, pseudonym, account, "not base64", &field.signature),
            None
        );
    }
}
