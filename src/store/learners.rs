//! Learner profiles: several per installation, because training-centre laptops are shared.
//!
//! A profile has a display name (shown only on this machine), a preferred language, an
//! optional PIN (stored as an Argon2 hash) and a random UUID: the pseudonymous id that is the
//! only thing about the learner that ever leaves the machine.

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::pins::hash_pin;
use super::{Cached, Store, StoreError, now, settings};

/// A learner profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Learner {
    /// Pseudonymous UUID, used in every record that leaves the machine.
    pub id: String,
    pub display_name: String,
    pub language: String,
    pub has_pin: bool,
    pub created_at: String,
    /// The display theme chosen for the profile ([`THEMES`]); `None` follows the computer.
    pub theme: Option<String>,
}

/// The display themes a profile may choose instead of following the computer.
pub const THEMES: [&str; 3] = ["light", "dark", "contrast"];

#[derive(Debug, thiserror::Error)]
pub enum LearnerError {
    #[error("no learner profile {id:?} (see `dlis learners`)")]
    Unknown { id: String },
    #[error("a learner's name cannot be empty")]
    EmptyName,
    #[error("{0:?} is not a display theme (light, dark or contrast)")]
    UnknownTheme(String),
    #[error("a learner's name is at most {max} characters")]
    NameTooLong { max: usize },
    #[error("a learner's name cannot hold control characters")]
    NameControl,
    #[error("{0:?} is not a language tag such as \"fr\" or \"en\"")]
    Language(String),
    #[error("a PIN is 4 to 12 digits")]
    BadPin,
    #[error("wrong PIN")]
    WrongPin,
    #[error("too many wrong PINs: this PIN is locked for {seconds} s; each new wrong PIN locks it longer")]
    Locked { seconds: u64 },
    #[error("no trainer PIN is set on this computer yet")]
    NoTrainerPin,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for LearnerError {
    fn from(err: rusqlite::Error) -> Self {
        LearnerError::Store(err.into())
    }
}

impl LearnerError {
    /// A stable name for the errors a learner can act on, for an interface to say them in
    /// its own words (see `SyncError::kind`).
    pub fn kind(&self) -> Option<crate::ErrorKind> {
        match self {
            LearnerError::WrongPin => Some(crate::ErrorKind::WrongPin),
            LearnerError::Locked { .. } => Some(crate::ErrorKind::PinLocked),
            LearnerError::BadPin => Some(crate::ErrorKind::BadPin),
            LearnerError::EmptyName => Some(crate::ErrorKind::EmptyName),
            LearnerError::NameTooLong { .. } => Some(crate::ErrorKind::NameTooLong),
            LearnerError::NameControl => Some(crate::ErrorKind::NameControl),
            LearnerError::Language(_) => Some(crate::ErrorKind::Language),
            // The page offers only the themes there are: another one is a bug, not a learner's doing.
            LearnerError::Unknown { .. }
            | LearnerError::UnknownTheme(_)
            | LearnerError::NoTrainerPin
            | LearnerError::Store(_) => None,
        }
    }
}

const MAX_NAME: usize = 80;

fn clean_name(name: &str) -> Result<String, LearnerError> {
    // Tabs and line breaks count as spaces (a name pasted from elsewhere); any other control
    // character is refused, since terminals and logs would obey it.
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if crate::manifest::control_character(&name).is_some() {
        return Err(LearnerError::NameControl);
    }
    if name.is_empty() {
        return Err(LearnerError::EmptyName);
    }
    if name.chars().count() > MAX_NAME {
        return Err(LearnerError::NameTooLong { max: MAX_NAME });
    }
    Ok(name)
}

fn check_language(language: &str) -> Result<(), LearnerError> {
    oxilangtag::LanguageTag::parse(language)
        .map(|_| ())
        .map_err(|_| LearnerError::Language(language.to_owned()))
}

impl Store {
    /// Creates a profile with a fresh pseudonymous id.
    pub fn create_learner(
        &self,
        name: &str,
        language: &str,
        pin: Option<&str>,
    ) -> Result<Learner, LearnerError> {
        let name = clean_name(name)?;
        check_language(language)?;
        let pin_hash = pin.map(hash_pin).transpose()?;
        let id = uuid::Uuid::new_v4().to_string();
        let (_, at) = now();
        self.conn.run(
            "INSERT INTO learner (id, display_name, language, pin_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            (&id, &name, language, &pin_hash, &at),
        )?;
        self.learner(&id)
    }

    /// Every profile, in the order they were created.
    pub fn learners(&self) -> Result<Vec<Learner>, LearnerError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, display_name, language, pin_hash IS NOT NULL, created_at, theme FROM learner ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([], row_to_learner)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn learner(&self, id: &str) -> Result<Learner, LearnerError> {
        self.conn
            .one(
                "SELECT id, display_name, language, pin_hash IS NOT NULL, created_at, theme FROM learner WHERE id = ?1",
                [id],
                row_to_learner,
            )
            .optional()?
            .ok_or_else(|| LearnerError::Unknown { id: id.to_owned() })
    }

    /// The language `learner` chose for each module they chose one for (see
    /// [`crate::language::content_language`]), by module id.
    pub fn content_languages(
        &self,
        learner: &str,
    ) -> Result<std::collections::HashMap<String, String>, LearnerError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT module, language FROM content_language WHERE learner = ?1")?;
        let rows = stmt.query_map([learner], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Remembers that `learner` reads `module` in `language`.
    pub fn choose_content_language(
        &self,
        learner: &str,
        module: &str,
        language: &str,
    ) -> Result<(), LearnerError> {
        self.learner(learner)?;
        self.conn.run(
            "INSERT INTO content_language (learner, module, language) VALUES (?1, ?2, ?3)
             ON CONFLICT (learner, module) DO UPDATE SET language = excluded.language",
            (learner, module, language),
        )?;
        Ok(())
    }

    pub fn rename_learner(&self, id: &str, name: &str) -> Result<Learner, LearnerError> {
        let name = clean_name(name)?;
        self.update_learner(id, "UPDATE learner SET display_name = ?2 WHERE id = ?1", &name)
    }

    pub fn set_learner_language(&self, id: &str, language: &str) -> Result<Learner, LearnerError> {
        check_language(language)?;
        self.update_learner(id, "UPDATE learner SET language = ?2 WHERE id = ?1", language)
    }

    /// Chooses a profile's display theme, or (with `None`) lets it follow the computer.
    pub fn set_learner_theme(&self, id: &str, theme: Option<&str>) -> Result<Learner, LearnerError> {
        if let Some(theme) = theme
            && !THEMES.contains(&theme)
        {
            return Err(LearnerError::UnknownTheme(theme.to_owned()));
        }
        self.update_learner(id, "UPDATE learner SET theme = ?2 WHERE id = ?1", theme)
    }

    /// Sets, changes or (with `None`) removes a profile's PIN.
    pub fn set_pin(&self, id: &str, pin: Option<&str>) -> Result<Learner, LearnerError> {
        let hash = pin.map(hash_pin).transpose()?;
        let changed = self.conn.run("UPDATE learner SET pin_hash = ?2 WHERE id = ?1", (id, hash))?;
        if changed == 0 {
            return Err(LearnerError::Unknown { id: id.to_owned() });
        }
        self.forget_attempts(id)?;
        self.learner(id)
    }

    /// Checks a PIN before a protected profile is opened, under the attempt limit
    /// (`pins.rs`); a profile without PIN always opens.
    pub fn check_pin(&self, id: &str, pin: &str) -> Result<(), LearnerError> {
        let hash: Option<String> = self
            .conn
            .one("SELECT pin_hash FROM learner WHERE id = ?1", [id], |row| row.get(0))
            .optional()?
            .ok_or_else(|| LearnerError::Unknown { id: id.to_owned() })?;
        let Some(hash) = hash else { return Ok(()) };
        self.check_guarded(id, &hash, pin)
    }

    /// Deletes a profile and every record of it, unsent statements included. The caller asks
    /// for confirmation first; this cannot be undone.
    pub fn delete_learner(&mut self, id: &str) -> Result<Learner, LearnerError> {
        let learner = self.learner(id)?;
        let tx = self.conn.transaction()?;
        tx.run("DELETE FROM learner WHERE id = ?1", [id])?;
        tx.run("DELETE FROM pin_attempt WHERE subject = ?1", [id])?;
        tx.run("DELETE FROM content_language WHERE learner = ?1", [id])?;
        tx.run("DELETE FROM note WHERE learner_id = ?1", [id])?;
        tx.run("DELETE FROM survey_take WHERE learner_id = ?1", [id])?;
        tx.run("DELETE FROM setting WHERE key = ?1 AND value = ?2", (settings::CURRENT_LEARNER, id))?;
        tx.commit()?;
        Ok(learner)
    }

    /// The profile that is open on this installation, if any.
    pub fn current_learner(&self) -> Result<Option<Learner>, LearnerError> {
        match self.setting(settings::CURRENT_LEARNER)? {
            Some(id) => Ok(Some(self.learner(&id)?)),
            None => Ok(None),
        }
    }

    /// Closes the open profile, e.g. before handing a shared laptop over.
    pub fn close_learner(&self) -> Result<(), LearnerError> {
        self.conn.run("DELETE FROM setting WHERE key = ?1", [settings::CURRENT_LEARNER])?;
        Ok(())
    }

    /// Switches to another profile (after [`Store::check_pin`] where it has one).
    pub fn switch_learner(&self, id: &str) -> Result<Learner, LearnerError> {
        let learner = self.learner(id)?;
        self.set_setting(settings::CURRENT_LEARNER, id)?;
        Ok(learner)
    }

    fn update_learner(
        &self,
        id: &str,
        sql: &str,
        value: impl rusqlite::ToSql,
    ) -> Result<Learner, LearnerError> {
        if self.conn.run(sql, (id, value))? == 0 {
            return Err(LearnerError::Unknown { id: id.to_owned() });
        }
        self.learner(id)
    }
}

fn row_to_learner(row: &rusqlite::Row<'_>) -> rusqlite::Result<Learner> {
    Ok(Learner {
        id: row.get(0)?,
        display_name: row.get(1)?,
        language: row.get(2)?,
        has_pin: row.get(3)?,
        created_at: row.get(4)?,
        theme: row.get(5)?,
    })
}
