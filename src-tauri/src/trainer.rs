//! The trainer's session: after the trainer PIN (checked by the core, under its attempt
//! limit), the commands a learner must not use (institution settings, installing and removing
//! modules) work for a while, then ask for the PIN again.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long the trainer PIN opens the trainer's commands.
pub const SESSION: Duration = Duration::from_secs(10 * 60);

#[derive(Default)]
pub struct TrainerSession {
    until: Mutex<Option<Instant>>,
}

impl TrainerSession {
    /// The trainer PIN was right: the trainer's commands work until `SESSION` from now.
    pub fn open(&self, now: Instant) {
        *self.lock() = Some(now + SESSION);
    }

    /// Signing out, switching profile or the trainer's "Lock" ends the session at once.
    pub fn close(&self) {
        *self.lock() = None;
    }

    pub fn is_open(&self, now: Instant) -> bool {
        self.lock().is_some_and(|until| now < until)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.until.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_opens_with_the_pin_and_ends_by_itself_or_when_closed() {
        let session = TrainerSession::default();
        let now = Instant::now();
        assert!(!session.is_open(now));
        session.open(now);
        assert!(session.is_open(now + SESSION - Duration::from_secs(1)));
        assert!(!session.is_open(now + SESSION));
        session.open(now);
        session.close();
        assert!(!session.is_open(now));
    }
}
