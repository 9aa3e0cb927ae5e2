//! The progress store: one SQLite database per data directory (`progress.db`).
//!
//! Durability: WAL journal with `synchronous = FULL`, so every commit fsyncs the WAL before
//! the call returns. A write the store has acknowledged survives the process being killed and
//! the power going off; NORMAL would only survive a process crash (see ARCHITECTURE.md).
//!
//! A damaged database is never replaced behind the learner's back: [`Store::open`] refuses it
//! with [`StoreError::Damaged`], and only [`Store::set_aside_and_start_fresh`], called after
//! the user agreed, moves it aside and starts an empty one.

mod learners;
mod links;
mod notes;
mod outbox;
mod pins;
mod private;
mod tracking;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use rusqlite_migration::{M, Migrations};

pub use learners::{Learner, LearnerError};
pub use links::{Link, LinkError};
pub use notes::{MAX_NOTE, Note, NoteError, clock, export_notes, notes_markdown};
pub use outbox::{Pending, SyncStatus};
pub use pins::FREE_ATTEMPTS;
pub use tracking::{
    ActivityProgress, AttemptView, Event, ModuleProgress, QuizProgress, Status, SurveyTake, TrackError,
    VideoState,
};

/// File name of the store in the data directory.
pub const FILE_NAME: &str = "progress.db";

/// The schema migrations, in order. Never edit a released one: add the next.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_sync_state.sql"),
    include_str!("migrations/003_sync_error_kind.sql"),
    include_str!("migrations/004_fewer_pages_per_event.sql"),
    include_str!("migrations/005_pin_attempts.sql"),
    include_str!("migrations/006_content_language.sql"),
    include_str!("migrations/007_learner_theme.sql"),
    include_str!("migrations/008_notes.sql"),
    include_str!("migrations/009_survey_takes.sql"),
    include_str!("migrations/010_learner_links.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the progress database {}: {source}", path.display())]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error(
        "the progress database {} is damaged ({detail}); it was left as it is. \
         Keep a copy of it, then start a new one (the damaged file is kept aside)",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the progress database {} was written by a newer DLIS Learn (schema {found}, this one knows \
         up to {known}); update DLIS Learn. The file was not changed",
        path.display()
    )]
    TooNew { path: PathBuf, found: usize, known: usize },
    #[error("cannot upgrade the progress database {}: {source}", path.display())]
    Migrate { path: PathBuf, source: rusqlite_migration::Error },
    #[error("cannot set the damaged database aside: {source}")]
    SetAside { source: std::io::Error },
    #[error("cannot make the progress database {} private to its owner: {source}", path.display())]
    Private { path: PathBuf, source: std::io::Error },
    #[error("progress database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// Opens the database file with the platform's SQLite file layer.
#[cfg(not(windows))]
fn open_connection(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(path, flags)
}

/// On Windows, SQLite's default file layer stops at 260 characters (MAX_PATH), which a data
/// directory deep in a profile or a stick can pass: the `win32-longpath` layer, given the
/// extended-length form of the path (`\\?\C:\...`), does not.
#[cfg(windows)]
fn open_connection(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let text = absolute.to_string_lossy();
    let extended = if text.starts_with(r"\\?\") {
        text.into_owned()
    } else if let Some(share) = text.strip_prefix(r"\\") {
        format!(r"\\?\UNC\{share}")
    } else {
        format!(r"\\?\{text}")
    };
    Connection::open_with_flags_and_vfs(PathBuf::from(extended), flags, c"win32-longpath")
}

/// An open progress store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, upgrading an older schema in place.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.to_owned(), source };
        let damaged = |detail: String| StoreError::Damaged { path: path.to_owned(), detail };
        private::owner_only(path).map_err(|source| StoreError::Private { path: path.to_owned(), source })?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = open_connection(path, flags).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(open_err)?;

        // The first read tells a damaged or foreign file apart before anything is written.
        let found: usize = match conn.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0)) {
            Ok(version) => usize::try_from(version).unwrap_or(usize::MAX),
            Err(err) if is_damage(&err) => return Err(damaged(err.to_string())),
            Err(err) => return Err(open_err(err)),
        };
        if found > schema_version() {
            return Err(StoreError::TooNew { path: path.to_owned(), found, known: schema_version() });
        }
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |row| row.get(0))
            .map_err(|err| if is_damage(&err) { damaged(err.to_string()) } else { open_err(err) })?;
        if check != "ok" {
            return Err(damaged(check));
        }

        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(open_err)?;
        let mut conn = conn;
        migrations()
            .to_latest(&mut conn)
            .map_err(|source| StoreError::Migrate { path: path.to_owned(), source })?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store { conn, path: path.to_owned() })
    }

    /// With the user's consent only: renames the damaged database (and its WAL files) to
    /// `progress.db.damaged-<time>` beside it, then opens a new, empty store. Returns the store
    /// and where the damaged file went.
    pub fn set_aside_and_start_fresh(path: &Path) -> Result<(Store, PathBuf), StoreError> {
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let aside = path.with_file_name(format!(
            "{}.damaged-{stamp}",
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        ));
        std::fs::rename(path, &aside).map_err(|source| StoreError::SetAside { source })?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", path.display()));
            if side.exists() {
                let target = PathBuf::from(format!("{}{suffix}", aside.display()));
                std::fs::rename(&side, target).map_err(|source| StoreError::SetAside { source })?;
            }
        }
        Ok((Store::open(path)?, aside))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The raw connection, for tests and benchmarks that compare with bare SQLite.
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A setting of this installation.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.one("SELECT value FROM setting WHERE key = ?1", [key], |row| row.get(0)).optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            (key, value),
        )?;
        Ok(())
    }

    /// Every statement in the outbox, sent or not, oldest first, as the exact JSON to send.
    pub fn outbox(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT statement FROM outbox ORDER BY seq")?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Keys of the `setting` table.
pub mod settings {
    /// The learner whose profile is open.
    pub const CURRENT_LEARNER: &str = "current_learner";
    /// Home page of learner accounts in xAPI statements.
    pub const HOME_PAGE: &str = "account_home_page";
}

/// `execute` and `query_row` through the connection's prepared-statement cache: recording an
/// event runs the same dozen statements every time, and preparing them again each time would
/// cost about as much as the work itself.
pub(crate) trait Cached {
    fn run(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize>;
    fn one<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T>;
}

impl Cached for Connection {
    fn run(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn one<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.prepare_cached(sql)?.query_row(params, row)
    }
}

fn is_damage(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// The time now, in UTC, as stored in the database.
pub(crate) fn now() -> (time::OffsetDateTime, String) {
    let at = time::OffsetDateTime::now_utc();
    (at, crate::xapi::timestamp(at))
}
