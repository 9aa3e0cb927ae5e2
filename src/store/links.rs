//! A profile linked to the identifier the learner's institution gives them, with their consent
//! (`crate::account` says what a link means and how a report reads it).
//!
//! Linking and unlinking each write, in one transaction, the link's row and its signed
//! statement to the outbox, where sync and export find it like any other record. Unlinking
//! also draws a new pseudonym, so that what the learner does afterwards cannot be tied to the
//! identifier through the earlier link.

use ed25519_dalek::SigningKey;
use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{Cached, LearnerError, Store, StoreError, now, settings};
use crate::account::{self, AccountRef, IdentifierError, LINKED, UNLINKED};
use crate::xapi;

/// A link in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The institution's identifier for the learner, as their statements now name them.
    pub identifier: String,
    /// The account's home page: the institution's.
    pub home_page: String,
    pub linked_at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("the institution set on this computer does not ask learners for an identifier")]
    NotAsked,
    #[error("this profile is already linked to {identifier:?}; unlink it first")]
    AlreadyLinked { identifier: String },
    #[error("this profile is not linked to an institutional identifier")]
    NotLinked,
    #[error(transparent)]
    Identifier(#[from] IdentifierError),
    #[error("cannot write the link statement: {0}")]
    Encode(String),
    #[error(transparent)]
    Learner(#[from] LearnerError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for LinkError {
    fn from(err: rusqlite::Error) -> Self {
        LinkError::Store(err.into())
    }
}

impl LinkError {
    /// A stable name for the errors a learner can act on (see `SyncError::kind`).
    pub fn kind(&self) -> Option<crate::ErrorKind> {
        match self {
            LinkError::Identifier(_) => Some(crate::ErrorKind::Identifier),
            LinkError::Learner(inner) => inner.kind(),
            _ => None,
        }
    }
}

impl Store {
    /// The link in force for `learner_id`, if any.
    pub fn learner_link(&self, learner_id: &str) -> Result<Option<Link>, LinkError> {
        Ok(self
            .conn
            .one(
                "SELECT identifier, home_page, linked_at FROM learner_link
                 WHERE learner_id = ?1 AND unlinked_at IS NULL",
                [learner_id],
                |row| Ok(Link { identifier: row.get(0)?, home_page: row.get(1)?, linked_at: row.get(2)? }),
            )
            .optional()?)
    }

    /// Links `learner_id` to `identifier`, checked against the institution's rule. Statements
    /// made from now on name the learner by it; a signed link statement says that the
    /// profile's earlier pseudonym is the same learner.
    pub fn link_learner(&mut self, learner_id: &str, identifier: &str) -> Result<Link, LinkError> {
        let institution = self.institution().map_err(|_| LinkError::NotAsked)?;
        let Some((home_page, rule)) =
            institution.and_then(|i| i.learner_identifier.map(|rule| (i.home_page, rule)))
        else {
            return Err(LinkError::NotAsked);
        };
        let identifier = rule.check(identifier)?;
        let learner = self.learner(learner_id)?;
        if let Some(link) = self.learner_link(learner_id)? {
            return Err(LinkError::AlreadyLinked { identifier: link.identifier });
        }
        let (pseudonym, pseudonym_home) = self.pseudonymous_account(learner_id)?;
        let (at, stamp) = now();
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.run(
            "INSERT INTO learner_link (learner_id, pseudonym, home_page, identifier, linked_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            (learner_id, &pseudonym, &home_page, &identifier, &stamp),
        )?;
        let pseudonym = AccountRef { home_page: &pseudonym_home, name: &pseudonym };
        let account = AccountRef { home_page: &home_page, name: &identifier };
        send_signed(&tx, learner_id, LINKED, pseudonym, account, &learner.language, (at, &stamp))?;
        tx.commit()?;
        Ok(Link { identifier, home_page, linked_at: stamp })
    }

    /// Ends the link of `learner_id`: a signed unlink statement is sent, and the profile's
    /// statements from now on carry a new pseudonym. What was sent stays with the institution.
    pub fn unlink_learner(&mut self, learner_id: &str) -> Result<(), LinkError> {
        let learner = self.learner(learner_id)?;
        let (pseudonym, pseudonym_home, home_page, identifier): (String, String, String, String) = self
            .conn
            .one(
                "SELECT pseudonym, coalesce((SELECT value FROM setting WHERE key = ?2), ?3), home_page, identifier
                 FROM learner_link WHERE learner_id = ?1 AND unlinked_at IS NULL",
                (learner_id, settings::HOME_PAGE, xapi::DEFAULT_HOME_PAGE),
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?
            .ok_or(LinkError::NotLinked)?;
        let (at, stamp) = now();
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.run(
            "UPDATE learner_link SET unlinked_at = ?2 WHERE learner_id = ?1 AND unlinked_at IS NULL",
            (learner_id, &stamp),
        )?;
        tx.run(
            "UPDATE learner SET pseudonym = ?2 WHERE id = ?1",
            (learner_id, uuid::Uuid::new_v4().to_string()),
        )?;
        let pseudonym = AccountRef { home_page: &pseudonym_home, name: &pseudonym };
        let account = AccountRef { home_page: &home_page, name: &identifier };
        send_signed(&tx, learner_id, UNLINKED, pseudonym, account, &learner.language, (at, &stamp))?;
        tx.commit()?;
        Ok(())
    }

    /// The pseudonymous account of `learner_id` as its statements name it when no link is
    /// in force: (name, home page).
    fn pseudonymous_account(&self, learner_id: &str) -> Result<(String, String), LinkError> {
        Ok(self.conn.one(
            "SELECT coalesce(pseudonym, id), coalesce((SELECT value FROM setting WHERE key = ?2), ?3)
             FROM learner WHERE id = ?1",
            (learner_id, settings::HOME_PAGE, xapi::DEFAULT_HOME_PAGE),
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?)
    }

    /// The account name on the statement of the module completion made at `completed_at`:
    /// what an attestation's code is computed from, as `dlis merge` computes it from the
    /// records it is given. A tracking call's statements are stored with their own timestamp
    /// as `created_at`, which narrows the search before any JSON is read.
    pub(crate) fn completion_account(
        &self,
        learner_id: &str,
        completed_at: &str,
    ) -> Result<String, StoreError> {
        let name: Option<String> = self
            .conn
            .one(
                "SELECT json_extract(statement, '$.actor.account.name') FROM outbox
                 WHERE learner_id = ?1 AND created_at = ?2 AND json_extract(statement, '$.timestamp') = ?2
                   AND json_extract(statement, '$.verb.id') = ?3
                   AND json_extract(statement, '$.object.definition.type') = ?4
                 ORDER BY seq LIMIT 1",
                (learner_id, completed_at, xapi::verbs::COMPLETED, xapi::activity_types::MODULE),
                |row| row.get(0),
            )
            .optional()?
            .flatten();
        Ok(name.unwrap_or_else(|| learner_id.to_owned()))
    }
}

/// The profile's signing key, made the first time it is needed.
fn signing_key(tx: &rusqlite::Transaction<'_>, learner_id: &str) -> Result<SigningKey, LinkError> {
    let secret: Option<Vec<u8>> = tx
        .one("SELECT secret FROM learner_key WHERE learner_id = ?1", [learner_id], |row| row.get(0))
        .optional()?;
    if let Some(secret) = secret.and_then(|s| <[u8; 32]>::try_from(s).ok()) {
        return Ok(SigningKey::from_bytes(&secret));
    }
    let key = SigningKey::generate(&mut rand_core::OsRng);
    tx.run(
        "INSERT OR REPLACE INTO learner_key (learner_id, secret) VALUES (?1, ?2)",
        (learner_id, key.to_bytes().as_slice()),
    )?;
    Ok(key)
}

/// Signs a `verb` statement of `account` about `pseudonym` with the profile's key and puts it
/// in the outbox, inside the caller's transaction.
fn send_signed(
    tx: &rusqlite::Transaction<'_>,
    learner_id: &str,
    verb: &'static str,
    pseudonym: AccountRef<'_>,
    institutional: AccountRef<'_>,
    language: &str,
    (at, stamp): (time::OffsetDateTime, &str),
) -> Result<(), LinkError> {
    let key = signing_key(tx, learner_id)?;
    let statement = account::statement(verb, &key, pseudonym, institutional, language, at);
    let json = serde_json::to_string(&statement).map_err(|e| LinkError::Encode(e.to_string()))?;
    tx.run(
        "INSERT INTO outbox (statement_id, learner_id, statement, created_at) VALUES (?1, ?2, ?3, ?4)",
        (&statement.id, learner_id, json, stamp),
    )?;
    Ok(())
}
