//! PINs and their attempt limit: a learner's PIN locks a profile on a shared laptop, the
//! trainer's PIN guards what a learner must not change in the app (the institution's LRS
//! settings, installing and removing modules).
//!
//! A four-digit PIN falls to 10,000 guesses, so every PIN has the same limit: after
//! [`FREE_ATTEMPTS`] wrong PINs in a row, each further one locks the PIN for a while, 30 s
//! and doubling up to an hour, counted in the database so that restarting the app does not
//! reset it. While locked, no PIN is checked at all, not even the right one.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::OptionalExtension;

use super::{Cached, LearnerError, Store, StoreError};

/// Wrong PINs allowed in a row before the PIN locks.
pub const FREE_ATTEMPTS: u32 = 5;
const FIRST_LOCK_SECS: u64 = 30;
const LONGEST_LOCK_SECS: u64 = 3600;

/// The setting holding the trainer PIN's Argon2 hash.
const TRAINER_PIN: &str = "trainer_pin_hash";
/// The trainer's row in `pin_attempt` (learners' rows are their UUIDs).
const TRAINER: &str = "trainer";

/// How long the PIN stays locked after `failures` wrong PINs in a row.
fn lock_after(failures: u32) -> u64 {
    match failures.checked_sub(FREE_ATTEMPTS) {
        None => 0,
        Some(beyond) => (FIRST_LOCK_SECS << beyond.min(8)).min(LONGEST_LOCK_SECS),
    }
}

/// Checks the form of a new PIN and hashes it.
pub(super) fn hash_pin(pin: &str) -> Result<String, LearnerError> {
    if !(4..=12).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LearnerError::BadPin);
    }
    let salt = SaltString::generate(&mut rand_core::OsRng);
    let hash = Argon2::default().hash_password(pin.as_bytes(), &salt).map_err(|_| LearnerError::BadPin)?;
    Ok(hash.to_string())
}

fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

impl Store {
    /// Checks `pin` against `hash`, the PIN of `subject`, under the attempt limit.
    pub(super) fn check_guarded(&self, subject: &str, hash: &str, pin: &str) -> Result<(), LearnerError> {
        let now = unix_now();
        let (failures, locked_until): (u32, i64) = self
            .conn
            .one("SELECT failures, locked_until FROM pin_attempt WHERE subject = ?1", [subject], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?
            .unwrap_or((0, 0));
        if now < locked_until {
            // A clock set back must not lock a PIN for longer than the longest lock.
            let left = u64::try_from(locked_until - now).unwrap_or(LONGEST_LOCK_SECS);
            let wait = left.min(LONGEST_LOCK_SECS);
            if wait < left {
                self.conn.run(
                    "UPDATE pin_attempt SET locked_until = ?2 WHERE subject = ?1",
                    (subject, now + wait as i64),
                )?;
            }
            return Err(LearnerError::Locked { seconds: wait });
        }
        let right = PasswordHash::new(hash)
            .is_ok_and(|parsed| Argon2::default().verify_password(pin.as_bytes(), &parsed).is_ok());
        if right {
            self.forget_attempts(subject)?;
            return Ok(());
        }
        let failures = failures.saturating_add(1);
        let lock = lock_after(failures);
        self.conn.run(
            "INSERT INTO pin_attempt (subject, failures, locked_until) VALUES (?1, ?2, ?3)
             ON CONFLICT (subject) DO UPDATE SET failures = ?2, locked_until = ?3",
            (subject, failures, if lock > 0 { now + lock as i64 } else { 0 }),
        )?;
        Err(if lock > 0 { LearnerError::Locked { seconds: lock } } else { LearnerError::WrongPin })
    }

    pub(super) fn forget_attempts(&self, subject: &str) -> Result<(), StoreError> {
        self.conn.run("DELETE FROM pin_attempt WHERE subject = ?1", [subject])?;
        Ok(())
    }

    /// Whether a trainer has set the trainer PIN on this installation.
    pub fn has_trainer_pin(&self) -> Result<bool, StoreError> {
        Ok(self.setting(TRAINER_PIN)?.is_some())
    }

    /// Sets the trainer PIN: the first time without `current` (the trainer who sets the laptop
    /// up), from then on only with the current PIN, under the attempt limit.
    pub fn set_trainer_pin(&self, current: Option<&str>, pin: &str) -> Result<(), LearnerError> {
        if let Some(hash) = self.setting(TRAINER_PIN)? {
            self.check_guarded(TRAINER, &hash, current.unwrap_or_default())?;
        }
        let hash = hash_pin(pin)?;
        self.set_setting(TRAINER_PIN, &hash)?;
        self.forget_attempts(TRAINER)?;
        Ok(())
    }

    /// Checks the trainer PIN, under the attempt limit.
    pub fn check_trainer_pin(&self, pin: &str) -> Result<(), LearnerError> {
        match self.setting(TRAINER_PIN)? {
            Some(hash) => self.check_guarded(TRAINER, &hash, pin),
            None => Err(LearnerError::NoTrainerPin),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_starts_after_the_free_attempts_and_doubles_up_to_an_hour() {
        let locks: Vec<u64> = (1..=14).map(lock_after).collect();
        assert_eq!(locks[..4], [0, 0, 0, 0]);
        assert_eq!(locks[4..9], [30, 60, 120, 240, 480]);
        assert_eq!(locks[13], LONGEST_LOCK_SECS);
        assert_eq!(lock_after(u32::MAX), LONGEST_LOCK_SECS);
    }
}
