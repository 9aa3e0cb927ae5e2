//! Progress reporting for long operations (copying and hashing large bundles).
//!
//! The library never draws anything itself: it reports to a [`Progress`] sink, which the CLI
//! draws as a terminal bar and the desktop app will forward to its window.

/// Receives the progress of one long operation made of phases ("Copying", "Verifying").
pub trait Progress: Sync {
    /// A phase begins that will process `total` bytes.
    fn phase(&self, label: &str, total: u64);
    /// `bytes` more bytes of the current phase are done.
    fn advance(&self, bytes: u64);
    /// The operation is over, successfully or not.
    fn finish(&self) {}
}

/// A sink that ignores progress, for tests and non-interactive callers.
pub struct Silent;

impl Progress for Silent {
    fn phase(&self, _label: &str, _total: u64) {}
    fn advance(&self, _bytes: u64) {}
}

/// Wraps a reader and reports every byte read to a [`Progress`].
pub(crate) struct Counting<'a, R> {
    pub inner: R,
    pub progress: &'a dyn Progress,
}

impl<R: std::io::Read> std::io::Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
}
