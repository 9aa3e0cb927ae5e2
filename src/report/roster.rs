//! A trainer's roster: learner identifiers and the names to print beside them in a report.
//! It stays on the trainer's machine: `dlis merge --roster` reads it, nothing else keeps it.
//!
//! A CSV file of two columns, `identifier,name`, one learner per line, with or without that
//! header; the identifier is what statements carry (`actor.account.name`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Identifier → display name.
pub type Roster = BTreeMap<String, String>;

/// The longest name kept, in characters.
const MAX_NAME: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    #[error("cannot read the roster {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{} line {line}: {problem}", path.display())]
    Line { path: PathBuf, line: u64, problem: String },
}

/// Reads a roster; any problem names the file and the line.
pub fn read(path: &Path) -> Result<Roster, RosterError> {
    let bytes = std::fs::read(path).map_err(|source| RosterError::Read { path: path.to_owned(), source })?;
    let bad = |line: u64, problem: String| RosterError::Line { path: path.to_owned(), line, problem };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
    let mut roster = Roster::new();
    let mut lines: BTreeMap<String, u64> = BTreeMap::new();
    for (n, record) in reader.records().enumerate() {
        let line = n as u64 + 1;
        let record = record.map_err(|e| bad(line, format!("not CSV ({e}); write `identifier,name`")))?;
        let fields: Vec<&str> = record.iter().map(str::trim).collect();
        match fields[..] {
            [] | [""] => continue,
            ["identifier", "name"] if line == 1 => continue,
            [identifier, name] if !identifier.is_empty() && !name.is_empty() => {
                if name.chars().any(char::is_control) || identifier.chars().any(char::is_control) {
                    return Err(bad(line, "control characters are not allowed".into()));
                }
                if name.chars().count() > MAX_NAME {
                    return Err(bad(line, format!("a name is at most {MAX_NAME} characters")));
                }
                if let Some(first) = lines.insert(identifier.to_owned(), line) {
                    return Err(bad(line, format!("{identifier:?} is already on line {first}")));
                }
                roster.insert(identifier.to_owned(), name.to_owned());
            }
            _ => return Err(bad(line, "expected two fields, `identifier,name`".into())),
        }
    }
    Ok(roster)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(text: &str) -> Result<Roster, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roster.csv");
        std::fs::write(&path, text).unwrap();
        read(&path).map_err(|e| e.to_string().replace(&dir.path().display().to_string(), "DIR"))
    }

    #[test]
    fn a_roster_is_two_columns_with_or_without_a_header() {
        let read = roster("identifier,name\ns123, Amina Benali \n\n\"s124\",\"Popescu, Ioana\"\n").unwrap();
        assert_eq!(read["s123"], "Amina Benali");
        assert_eq!(read["s124"], "Popescu, Ioana");
        assert_eq!(roster("s1,Luc\n").unwrap()["s1"], "Luc");
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = roster("s1,Luc\ns2\n").unwrap_err();
        // The file is named as the system writes paths (with `\` on Windows).
        assert!(err.starts_with("DIR"), "{err}");
        assert!(err.ends_with("roster.csv line 2: expected two fields, `identifier,name`"), "{err}");
        assert!(roster("s1,Luc\ns1,Lucie\n").unwrap_err().ends_with("line 2: \"s1\" is already on line 1"));
        assert!(roster("s1,Luc\u{1b}[2J\n").unwrap_err().contains("control characters"));
        assert!(roster("s1,Luc,extra\n").unwrap_err().contains("two fields"));
    }
}
