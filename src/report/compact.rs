//! The fast statement reader: statements in the compact JSON DLIS Learn writes (no white space
//! between tokens), read in one pass by position, borrowing every string.
//!
//! It checks the JSON as it goes and gives up, returning `None`, at anything it does not
//! handle (white space, an escape in a string it keeps or in a key, deep nesting) and at any
//! error, leaving the line to the lenient reader. Whenever it returns a statement, it is the
//! one the lenient reader would return: a unit test compares them on many mutated lines. It
//! exists for speed: it reads a statement in a fraction of the time `serde_json` takes.

use std::borrow::Cow;

use super::statement::{Account, Actor, Names, Object, Outcome, Scalar, Statement, Verb};

/// Nesting at which the reader gives up (`serde_json` refuses beyond 128).
const MAX_DEPTH: u32 = 64;

/// The statement of a line of compact JSON, or `None` to leave the line to the lenient reader.
pub(super) fn read(line: &str) -> Option<Statement<'_>> {
    let mut cursor = Cursor { text: line, at: 0, depth: 0 };
    let statement = cursor.object(|c, statement: &mut Statement<'_>, key| {
        match key {
            "id" => statement.id = c.scalar()?,
            "actor" => statement.actor = c.object(actor)?,
            "verb" => statement.verb = c.object(verb)?,
            "object" => statement.object = c.object(object)?,
            "result" => statement.result = c.object(outcome)?,
            "context" => statement.parent = c.object(context)?.and_then(|context| context.0),
            "timestamp" => statement.timestamp = c.scalar()?,
            _ => c.skip()?,
        }
        Some(())
    })?;
    // Not an object (`None` inside) or something after it: the lenient reader says which.
    (cursor.at == line.len()).then_some(statement).flatten()
}

fn actor<'a>(c: &mut Cursor<'a>, actor: &mut Actor<'a>, key: &str) -> Option<()> {
    match key {
        "objectType" => actor.object_type = c.scalar()?,
        "account" => actor.account = c.object(account)?,
        _ => c.skip()?,
    }
    Some(())
}

fn account<'a>(c: &mut Cursor<'a>, account: &mut Account<'a>, key: &str) -> Option<()> {
    match key {
        "name" => account.name = c.scalar()?,
        "homePage" => account.home_page = c.scalar()?,
        _ => c.skip()?,
    }
    Some(())
}

fn verb<'a>(c: &mut Cursor<'a>, verb: &mut Verb<'a>, key: &str) -> Option<()> {
    match key {
        "id" => verb.id = c.scalar()?,
        _ => c.skip()?,
    }
    Some(())
}

fn object<'a>(c: &mut Cursor<'a>, object: &mut Object<'a>, key: &str) -> Option<()> {
    match key {
        "objectType" => object.object_type = c.scalar()?,
        "id" => object.id = c.scalar()?,
        "definition" => {
            (object.kind, object.name) = c.object(definition)?.map(|d| (d.kind, d.name)).unwrap_or_default();
        }
        _ => c.skip()?,
    }
    Some(())
}

/// `object.definition`: its type, and its name as raw JSON (decoded only when the report needs it).
#[derive(Default)]
struct Definition<'a> {
    kind: Scalar<'a>,
    name: Names<'a>,
}

fn definition<'a>(c: &mut Cursor<'a>, definition: &mut Definition<'a>, key: &str) -> Option<()> {
    match key {
        "type" => definition.kind = c.scalar()?,
        "name" => {
            let start = c.at;
            c.skip()?;
            definition.name = Names::Raw(&c.text[start..c.at]);
        }
        _ => c.skip()?,
    }
    Some(())
}

fn outcome<'a>(c: &mut Cursor<'a>, outcome: &mut Outcome<'a>, key: &str) -> Option<()> {
    match key {
        "duration" => outcome.duration = c.scalar()?,
        "success" => outcome.success = c.scalar()?,
        "response" => outcome.response = c.scalar()?,
        "score" => outcome.scaled = c.object(score)?.map(|s| s.0),
        // A survey's profile is rare and nested: the lenient reader takes such statements.
        "extensions" => {
            c.object(|c, _: &mut (), key| match key {
                crate::xapi::SURVEY_PROFILE_EXTENSION => None,
                _ => c.skip(),
            })?;
        }
        _ => c.skip()?,
    }
    Some(())
}

/// `result.score.scaled`.
#[derive(Default)]
struct Score<'a>(Scalar<'a>);

fn score<'a>(c: &mut Cursor<'a>, score: &mut Score<'a>, key: &str) -> Option<()> {
    match key {
        "scaled" => score.0 = c.scalar()?,
        _ => c.skip()?,
    }
    Some(())
}

/// `context.contextActivities.parent`: the id of the first parent activity, if it is one.
#[derive(Default)]
struct Context<'a>(Option<Scalar<'a>>);

fn context<'a>(c: &mut Cursor<'a>, context: &mut Context<'a>, key: &str) -> Option<()> {
    match key {
        "contextActivities" => context.0 = c.object(activities)?.and_then(|a| a.0),
        // A link statement's signature: rare, left to the lenient reader.
        "extensions" => {
            c.object(|c, _: &mut (), key| match key {
                crate::account::SIGNATURE_EXTENSION => None,
                _ => c.skip(),
            })?;
        }
        _ => c.skip()?,
    }
    Some(())
}

fn activities<'a>(c: &mut Cursor<'a>, activities: &mut Context<'a>, key: &str) -> Option<()> {
    match key {
        "parent" => activities.0 = c.parent()?,
        _ => c.skip()?,
    }
    Some(())
}

/// An activity reference, of which only the id is read.
#[derive(Default)]
struct ActivityRef<'a>(Scalar<'a>);

fn activity_ref<'a>(c: &mut Cursor<'a>, activity: &mut ActivityRef<'a>, key: &str) -> Option<()> {
    match key {
        "id" => activity.0 = c.scalar()?,
        _ => c.skip()?,
    }
    Some(())
}

/// Where the first `"`, `\` or control character of `bytes` is: where a string ends, or needs
/// a closer look. Strings are most of a statement's bytes, so they are tested eight at a time
/// in a `u64`, as `serde_json` does: `(x - n) & !x & 0x80` flags the bytes of `x` below `n`,
/// and the lowest flag is always right (a borrow only spoils the bytes above it).
fn special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH;
    let mut start = 0;
    while let Some(block) = bytes.get(start..start + 8) {
        let word = u64::from_le_bytes(block.try_into().ok()?);
        let flags = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if flags != 0 {
            return Some(start + flags.trailing_zeros() as usize / 8);
        }
        start += 8;
    }
    let is_special = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
    bytes[start..].iter().position(|&b| is_special(b)).map(|i| start + i)
}

/// A position in a line. Every method returns `None` to give up.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        self.text[self.at..].starts_with(word).then(|| self.at += word.len())
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// An object decoded field by field, or `None` inside when the value is not an object (a
    /// field of the wrong type counts as absent).
    fn object<T: Default>(
        &mut self,
        mut field: impl FnMut(&mut Self, &mut T, &'a str) -> Option<()>,
    ) -> Option<Option<T>> {
        if self.peek()? != b'{' {
            self.skip()?;
            return Some(None);
        }
        self.at += 1;
        self.enter()?;
        let mut value = T::default();
        if !self.eat(b'}') {
            loop {
                let key = self.string()?;
                self.expect(b':')?;
                field(self, &mut value, key)?;
                if self.eat(b'}') {
                    break;
                }
                self.expect(b',')?;
            }
        }
        self.depth -= 1;
        Some(Some(value))
    }

    /// `context.contextActivities.parent`: an array whose first element is an activity, or a
    /// single activity.
    fn parent(&mut self) -> Option<Option<Scalar<'a>>> {
        if self.peek()? != b'[' {
            return Some(self.object(activity_ref)?.map(|a| a.0));
        }
        self.at += 1;
        self.enter()?;
        let mut first = None;
        if !self.eat(b']') {
            first = self.object(activity_ref)?.map(|a| a.0);
            while !self.eat(b']') {
                self.expect(b',')?;
                self.skip()?;
            }
        }
        self.depth -= 1;
        Some(first)
    }

    /// A string without escapes or control characters, borrowed from the line.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let rest = &self.text.as_bytes()[self.at..];
        let end = special(rest)?;
        if rest[end] != b'"' {
            return None;
        }
        let text = &self.text[self.at..self.at + end];
        self.at += end + 1;
        Some(text)
    }

    /// A value kept as a [`Scalar`], as the lenient reader keeps it.
    fn scalar(&mut self) -> Option<Scalar<'a>> {
        match self.peek()? {
            b'"' => Some(Scalar::Text(Cow::Borrowed(self.string()?))),
            b'n' => self.literal("null").map(|()| Scalar::Null),
            b't' => self.literal("true").map(|()| Scalar::Bool(true)),
            b'f' => self.literal("false").map(|()| Scalar::Bool(false)),
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                self.skip_number()?;
                // The same conversion as the lenient reader's, to the last bit.
                serde_json::from_str(&self.text[start..self.at]).ok().map(Scalar::Number)
            }
            _ => self.skip().map(|()| Scalar::Other),
        }
    }

    /// Skips one value, checking it is JSON.
    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' => {
                self.at += 1;
                self.enter()?;
                if !self.eat(b'}') {
                    loop {
                        self.skip_string()?;
                        self.expect(b':')?;
                        self.skip()?;
                        if self.eat(b'}') {
                            break;
                        }
                        self.expect(b',')?;
                    }
                }
                self.depth -= 1;
                Some(())
            }
            b'[' => {
                self.at += 1;
                self.enter()?;
                if !self.eat(b']') {
                    loop {
                        self.skip()?;
                        if self.eat(b']') {
                            break;
                        }
                        self.expect(b',')?;
                    }
                }
                self.depth -= 1;
                Some(())
            }
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            b'-' | b'0'..=b'9' => self.skip_number(),
            _ => None,
        }
    }

    /// Skips a string, escapes included, checking them as `serde_json` does when it skips.
    fn skip_string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        let bytes = self.text.as_bytes();
        loop {
            let rest = &bytes[self.at..];
            let end = special(rest)?;
            self.at += end + 1;
            match rest[end] {
                b'"' => return Some(()),
                b'\\' => match *bytes.get(self.at)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
                    b'u' => {
                        let hex = bytes.get(self.at + 1..self.at + 5)?;
                        if !hex.iter().all(u8::is_ascii_hexdigit) {
                            return None;
                        }
                        self.at += 5;
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
    }

    /// Skips a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn skip_number(&mut self) -> Option<()> {
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.') {
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lenient;
    use super::*;

    /// Statements as the store writes them, one of each kind.
    const LINES: &[&str] = &[
        r#"{"id":"01a20960-3adb-77eb-a33b-53107a10ea80","actor":{"objectType":"Agent","account":{"homePage":"https://dlis-learn.eu/learners","name":"d7e8d8e0-8882-47c9-ab82-08d8497e8088"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},"object":{"objectType":"Activity","id":"https://dlis-learn.eu/xapi/modules/dlis.faire-avec/1.0.0/activities/why-faire-avec","definition":{"name":{"en":"Doing with rather than doing for","fr":"Faire avec plutôt que faire à la place"},"type":"http://adlnet.gov/expapi/activities/lesson"}},"result":{"completion":true,"duration":"PT2M10.5S"},"context":{"contextActivities":{"parent":[{"objectType":"Activity","id":"https://dlis-learn.eu/xapi/modules/dlis.faire-avec/1.0.0"}]},"platform":"DLIS Learn","language":"fr"},"timestamp":"2026-11-23T17:07:11.195Z"}"#,
        r#"{"id":"01a20960-3ae0-7a1c-b5e2-1d04c5e6f7a8","actor":{"objectType":"Agent","account":{"homePage":"https://dlis-learn.eu/learners","name":"d7e8d8e0-8882-47c9-ab82-08d8497e8088"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},"object":{"objectType":"Activity","id":"https://dlis-learn.eu/xapi/modules/dlis.faire-avec/1.0.0/activities/check/questions/gradual-steps","definition":{"name":{"en":"Put the steps in order","fr":"Remettez les étapes dans l'ordre"},"type":"http://adlnet.gov/expapi/activities/cmi.interaction","interactionType":"sequencing"}},"result":{"score":{"scaled":0.5,"raw":1.0,"min":0.0,"max":2.0},"success":false,"response":"assess[,]show[,]do-together"},"context":{"contextActivities":{"parent":[{"objectType":"Activity","id":"https://dlis-learn.eu/xapi/modules/dlis.faire-avec/1.0.0"}]},"platform":"DLIS Learn","language":"fr"},"timestamp":"2026-11-23T17:07:12.001Z"}"#,
        r#"{"id":"01a20960-3ae1-7000-8000-000000000001","actor":{"objectType":"Agent","account":{"homePage":"https://dlis-learn.eu/learners","name":"d7e8d8e0-8882-47c9-ab82-08d8497e8088"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-US":"passed"}},"object":{"objectType":"Activity","id":"https://dlis-learn.eu/xapi/modules/dlis.faire-avec/1.0.0/activities/check","definition":{"name":{"en":"Check your understanding","fr":"Vérifier ses acquis"},"type":"http://adlnet.gov/expapi/activities/assessment"}},"result":{"score":{"scaled":0.8333,"raw":10.0,"min":0.0,"max":12.0},"success":true,"completion":true,"duration":"PT3M2.25S"},"context":{"contextActivities":{"parent":[{"objectType":"Activity","id":"https://dlis-learn.eu/xapi/modules/dlis.faire-avec/1.0.0"}]},"platform":"DLIS Learn","language":"fr"},"timestamp":"2026-11-23T17:10:12.001Z"}"#,
        r#"{"id":"01a20960-3ae1-7000-8000-000000000002","actor":{"objectType":"Agent","account":{"homePage":"https://dlis-learn.eu/learners","name":"d7e8d8e0-8882-47c9-ab82-08d8497e8088"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},"object":{"objectType":"Activity","id":"https://dlis-learn.eu/xapi/modules/dlis.faire-avec/1.0.0","definition":{"name":{"en":"Doing with","fr":"Faire avec"},"type":"http://adlnet.gov/expapi/activities/course"}},"result":{"completion":true},"context":{"platform":"DLIS Learn","language":"fr"},"timestamp":"2026-11-23T17:10:12.002Z"}"#,
    ];

    /// Lines near the real ones: bytes deleted, doubled or replaced by JSON's own characters,
    /// values of other types, white space, escapes.
    fn mutations() -> Vec<String> {
        let mut state: u64 = 0x5eed;
        let mut next = move |n: usize| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            ((z ^ (z >> 31)) % n as u64) as usize
        };
        let pieces = [
            "",
            " ",
            "\"",
            "\\",
            "\\\"",
            "\\u00e9",
            "\\ud800",
            "\\x",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "0",
            "-",
            "01",
            "1e400",
            "1.",
            ".5",
            "-0.5e-3",
            "true",
            "nul",
            "null",
            "\u{1}",
            "é",
            "{}",
            "[]",
            "[{}]",
            "\"\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ];
        let mut out = Vec::new();
        for line in LINES {
            for _ in 0..1500 {
                let mut text = line.to_string();
                for _ in 0..1 + next(3) {
                    let mut at = next(text.len() + 1);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    let mut end = (at + next(12)).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(at..end, pieces[next(pieces.len())]);
                }
                out.push(text);
            }
        }
        out
    }

    #[test]
    fn what_it_reads_the_lenient_reader_reads_the_same() {
        let (mut compact_read, mut lenient_read) = (0, 0);
        let lines: Vec<String> = LINES.iter().map(|l| l.to_string()).chain(mutations()).collect();
        for line in &lines {
            let lenient = lenient::read(line).ok().flatten().map(|s| format!("{s:?}"));
            lenient_read += usize::from(lenient.is_some());
            let Some(compact) = read_compact(line) else { continue };
            compact_read += 1;
            assert_eq!(Some(compact), lenient, "{line}");
        }
        for line in LINES {
            assert!(read_compact(line).is_some(), "the real statements are read: {line}");
        }
        // Enough of the statements still read to mean something (the rest has white space,
        // escapes, or is not JSON at all).
        assert!(compact_read > lenient_read / 2, "{compact_read} of {lenient_read} of {}", lines.len());
    }

    #[test]
    fn odd_but_compact_statements_read_the_same() {
        for line in [
            r#"{"id":42,"actor":"me","verb":[1,{"id":2}],"object":null,"result":{"score":[1]},"context":true}"#,
            r#"{"id":null,"actor":{"objectType":7,"account":{"name":"L","homePage":"h"}},"verb":{"id":"v"}}"#,
            r#"{"id":"a","id":"b","context":{"contextActivities":{"parent":{"id":"p"}}},"context":{}}"#,
            r#"{"context":{"contextActivities":{"parent":["p",{"id":"q"}]}},"result":{"score":{"scaled":-0.0}}}"#,
            r#"{"context":{"contextActivities":{"parent":[{"id":"q"},1,"x",[],{}]}},"result":{"score":{"scaled":"1"}}}"#,
            r#"{"object":{"definition":"x","id":{"a":1}},"result":{"duration":5,"score":{"scaled":1e2}}}"#,
            r#"{"x":[true,false,null,-1.5e+3,"\u00e9\n",{"\"":[]}],"timestamp":"t"}"#,
            "{}",
        ] {
            let lenient = lenient::read(line).ok().flatten().map(|s| format!("{s:?}"));
            assert!(lenient.is_some(), "{line}");
            assert_eq!(read_compact(line), lenient, "{line}");
        }
    }

    fn read_compact(line: &str) -> Option<String> {
        read(line).map(|s| format!("{s:?}"))
    }

    #[test]
    fn string_ends_are_found_in_any_position() {
        for len in 0..40 {
            for (special_byte, other) in [(b'"', b'a'), (b'\\', 0x7f), (0x1f, b' '), (0, 0xff)] {
                let mut bytes = vec![other; len + 1];
                assert_eq!(super::special(&bytes[..len]), None);
                bytes[len] = special_byte;
                assert_eq!(super::special(&bytes), Some(len), "{special_byte} after {len}");
                bytes.push(b'"');
                assert_eq!(super::special(&bytes), Some(len));
            }
        }
    }

    #[test]
    fn it_gives_up_on_what_it_does_not_handle() {
        for line in [
            "{\"id\": \"x\"}",
            "{\"id\":\"x\"} ",
            "{\"id\":\"\\u0078\"}",
            "{\"i\\u0064\":\"x\"}",
            "[1]",
            "\"text\"",
            "{\"id\":\"x\",}",
            "{\"id\":01}",
            "{\"id\":1e400}",
            "{\"id\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        ] {
            assert!(read(line).is_none(), "{line}");
        }
    }
}
