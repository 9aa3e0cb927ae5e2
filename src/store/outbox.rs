//! The outbox of xAPI statements: what the sync sends, what exports carry.
//!
//! Rows are never deleted by syncing (only with their learner): `synced_at` records that the
//! LRS acknowledged a statement, `rejected_reason` that the LRS refused it for good. The
//! statements still to send are found from a cursor, `sync_status.pending_from`, rather than
//! from an index that every event would have to write: every statement before it is settled.
//! The sync moves it forward; deleting a row moves it back (trigger `outbox_row_deleted`),
//! because SQLite may give the `seq` of a deleted last row to the next statement.

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{Cached, Store, StoreError, now};

/// A statement waiting to be sent, as the exact JSON to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Where it is kept: its row in the outbox, or its place among the files pushed.
    pub seq: i64,
    pub statement_id: String,
    pub json: String,
}

/// What the app shows about syncing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    pub pending: u64,
    pub synced: u64,
    /// Statements the LRS refused, with its reason.
    pub rejected: Vec<(String, String)>,
    pub last_success_at: Option<String>,
    pub last_error_at: Option<String>,
    pub last_error: Option<String>,
    /// What kind of error the last one was (see `SyncError::kind`), when it has one.
    pub last_error_kind: Option<String>,
}

/// Moves the sync's cursor to the first statement still to send (or past the last one).
/// Statements are settled mostly in order, so this reads only the few rows settled since.
fn move_pending_from(conn: &rusqlite::Connection) -> Result<(), StoreError> {
    conn.run(
        "INSERT INTO sync_status (id, pending_from) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET pending_from = coalesce(
             (SELECT seq FROM outbox WHERE seq >= sync_status.pending_from
                 AND synced_at IS NULL AND rejected_reason IS NULL ORDER BY seq LIMIT 1),
             (SELECT coalesce(max(seq), 0) + 1 FROM outbox))",
        [],
    )?;
    Ok(())
}

impl Store {
    /// The oldest `limit` statements not yet acknowledged nor rejected. The search starts at
    /// the sync's cursor (`sync_status.pending_from`): every statement before it is settled.
    pub fn pending(&self, limit: usize) -> Result<Vec<Pending>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, statement_id, statement FROM outbox
             WHERE seq >= coalesce((SELECT pending_from FROM sync_status WHERE id = 1), 0)
               AND synced_at IS NULL AND rejected_reason IS NULL
             ORDER BY seq LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |row| {
            Ok(Pending { seq: row.get(0)?, statement_id: row.get(1)?, json: row.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that the LRS holds these statements, and the sync's success. A statement is
    /// found by its row and checked by its id: if its learner was deleted meanwhile, the row
    /// may hold another statement, which must not be marked.
    pub fn mark_synced(&mut self, statements: &[Pending]) -> Result<(), StoreError> {
        let (_, at) = now();
        let tx = self.conn.transaction()?;
        for statement in statements {
            tx.run(
                "UPDATE outbox SET synced_at = ?3 WHERE seq = ?1 AND statement_id = ?2 AND synced_at IS NULL",
                (statement.seq, &statement.statement_id, &at),
            )?;
        }
        tx.run(
            "INSERT INTO sync_status (id, last_success_at) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET last_success_at = ?1",
            [&at],
        )?;
        move_pending_from(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets a statement aside that the LRS refused, with its reason: it is not resent.
    pub fn mark_rejected(&mut self, statement: &Pending, reason: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.run(
            "UPDATE outbox SET rejected_reason = ?3 WHERE seq = ?1 AND statement_id = ?2",
            (statement.seq, &statement.statement_id, reason),
        )?;
        move_pending_from(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a failed sync attempt (in plain words, without credentials) and its kind.
    pub fn record_sync_error(&self, error: &str, kind: Option<&str>) -> Result<(), StoreError> {
        let (_, at) = now();
        self.conn.run(
            "INSERT INTO sync_status (id, last_error_at, last_error, last_error_kind) VALUES (1, ?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET last_error_at = ?1, last_error = ?2, last_error_kind = ?3",
            (&at, error, kind),
        )?;
        Ok(())
    }

    pub fn sync_status(&self) -> Result<SyncStatus, StoreError> {
        let (pending, synced): (i64, i64) = self.conn.one(
            "SELECT count(*) FILTER (WHERE synced_at IS NULL AND rejected_reason IS NULL),
                    count(synced_at) FROM outbox",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT statement_id, rejected_reason FROM outbox WHERE rejected_reason IS NOT NULL ORDER BY seq",
        )?;
        let rejected = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?;
        type Last = (Option<String>, Option<String>, Option<String>, Option<String>);
        let last: Option<Last> = self
            .conn
            .one(
                "SELECT last_success_at, last_error_at, last_error, last_error_kind FROM sync_status WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        let (last_success_at, last_error_at, last_error, last_error_kind) = last.unwrap_or_default();
        Ok(SyncStatus {
            pending: pending as u64,
            synced: synced as u64,
            rejected,
            last_success_at,
            last_error_at,
            last_error,
            last_error_kind,
        })
    }

    /// Every statement of these learners (all learners when `None`), oldest first, as stored:
    /// what an export carries, whether or not it was synced.
    pub fn statements_of(&self, learners: Option<&[String]>) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT learner_id, statement FROM outbox ORDER BY seq")?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (learner, statement) = row?;
            if learners.is_none_or(|wanted| wanted.contains(&learner)) {
                out.push(statement);
            }
        }
        Ok(out)
    }
}
