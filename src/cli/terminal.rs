//! Printing to a terminal what others wrote.
//!
//! Much of what `dlis` prints comes from elsewhere: module titles and entry names from bundles,
//! ids from export files, learners' names. A control character in them could move the cursor,
//! clear the screen or colour a line (an ANSI escape), and a bidirectional override could make
//! `cod.exe` read as `exe.doc`: every line goes out with those written as `\u{…}` escapes. The
//! tool's own line breaks and tabs stay as they are.

use std::borrow::Cow;

/// `text` with every control character but `\n` and `\t`, and every bidirectional control,
/// written as a visible `\u{…}` escape.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `println!`, with what it prints made [`safe`].
macro_rules! outln {
    () => { crate::terminal::write_out("\n") };
    ($($arg:tt)*) => { crate::terminal::write_out(&format!("{}\n", crate::terminal::safe(&format!($($arg)*)))) };
}

/// `eprintln!`, with what it prints made [`safe`].
macro_rules! errln {
    () => { eprintln!() };
    ($($arg:tt)*) => { eprintln!("{}", crate::terminal::safe(&format!($($arg)*))) };
}

/// `print!`, with what it prints made [`safe`].
macro_rules! out {
    ($($arg:tt)*) => { crate::terminal::write_out(&crate::terminal::safe(&format!($($arg)*))) };
}

/// Writes to standard output. When the reader went away (`dlis list | head`), `dlis` stops
/// quietly, as a Unix tool does, instead of panicking as `println!` would.
pub fn write_out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        Ok(()) => {}
        Err(err) if reader_gone(&err) => std::process::exit(0),
        Err(err) => {
            eprintln!("error: cannot write to standard output: {err}");
            std::process::exit(1);
        }
    }
}

/// A write to a pipe whose reader closed: `EPIPE`, or on Windows "the pipe is being closed"
/// (232) and "no process is on the other end" (233, which Rust does not name).
fn reader_gone(err: &std::io::Error) -> bool {
    err.kind() == std::io::ErrorKind::BrokenPipe
        || (cfg!(windows) && matches!(err.raw_os_error(), Some(232 | 233)))
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn escapes_and_bidi_controls_become_visible_and_line_breaks_stay() {
        assert_eq!(safe("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(safe("\u{1b}[2Jtitle"), "\\u{1b}[2Jtitle");
        assert_eq!(safe("invoice\u{202e}fdp.exe"), "invoice\\u{202e}fdp.exe");
        assert_eq!(safe("a\rb\u{7}\u{9b}c"), "a\\u{d}b\\u{7}\\u{9b}c");
        assert_eq!(safe("Ελληνικά, română, français"), "Ελληνικά, română, français");
    }
}
