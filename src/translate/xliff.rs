//! XLIFF 2.0 (OASIS), the exchange format of translation tools: written by hand (it is a few
//! elements), read with quick-xml, accepting what CAT tools do to a file (segments split in
//! several, `<mrk>` annotations, `<cp>` for characters XML cannot carry).

use std::fmt::Write as _;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

pub(super) const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// Tools nest a group or two; more is not a translation.
const MAX_GROUP_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Document {
    pub source_language: String,
    pub target_language: String,
    pub files: Vec<File>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct File {
    pub id: String,
    /// The file of the module folder the units come from.
    pub original: String,
    pub notes: Vec<String>,
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unit {
    pub id: String,
    pub notes: Vec<String>,
    pub source: String,
    /// `None` when the unit is not translated yet.
    pub target: Option<String>,
}

/// Why a file is not XLIFF this module can read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ReadError {
    /// Byte offset in the file, when the problem is at a place.
    pub at: Option<u64>,
    pub message: String,
}

impl Document {
    /// The XLIFF 2.0 text of the document. Fails on a character XML 1.0 cannot hold at all.
    pub(super) fn to_xml(&self) -> Result<String, String> {
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
            escape(&self.source_language)?,
            escape(&self.target_language)?
        );
        for file in self.files.iter().filter(|f| !f.units.is_empty()) {
            let _ = writeln!(
                out,
                "  <file id=\"{}\" original=\"{}\">",
                escape(&file.id)?,
                escape(&file.original)?
            );
            write_notes(&mut out, "    ", &file.notes)?;
            for unit in &file.units {
                let _ = writeln!(out, "    <unit id=\"{}\">", escape(&unit.id)?);
                write_notes(&mut out, "      ", &unit.notes)?;
                let state = if unit.target.is_some() { "translated" } else { "initial" };
                let _ = writeln!(out, "      <segment state=\"{state}\">");
                let _ = writeln!(
                    out,
                    "        <source xml:space=\"preserve\">{}</source>",
                    escape(&unit.source)?
                );
                if let Some(target) = &unit.target {
                    let _ =
                        writeln!(out, "        <target xml:space=\"preserve\">{}</target>", escape(target)?);
                }
                out.push_str("      </segment>\n    </unit>\n");
            }
            out.push_str("  </file>\n");
        }
        out.push_str("</xliff>\n");
        Ok(out)
    }

    pub(super) fn parse(text: &str) -> Result<Document, ReadError> {
        Parse::new(text).document()
    }
}

fn is_xliff(event: &Event) -> bool {
    matches!(event, Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "xliff")
}

fn write_notes(out: &mut String, indent: &str, notes: &[String]) -> Result<(), String> {
    if notes.is_empty() {
        return Ok(());
    }
    let _ = writeln!(out, "{indent}<notes>");
    for note in notes {
        let _ = writeln!(out, "{indent}  <note>{}</note>", escape(note)?);
    }
    let _ = writeln!(out, "{indent}</notes>");
    Ok(())
}

/// Escapes text for an element or a double-quoted attribute. A carriage return is written as a
/// reference, since a parser turns a raw one into a line feed and the round trip would not
/// give the same bytes.
fn escape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                return Err(format!(
                    "it holds the control character U+{:04X}, which XML cannot carry",
                    c as u32
                ));
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Where the reader is: the text of the `<source>` or `<target>` being read goes to `text`.
struct Parse<'a> {
    reader: Reader<&'a [u8]>,
}

impl<'a> Parse<'a> {
    fn new(text: &'a str) -> Parse<'a> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().trim_text(false);
        Parse { reader }
    }

    fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError { at: Some(self.reader.buffer_position()), message: message.into() }
    }

    fn next(&mut self) -> Result<Event<'a>, ReadError> {
        self.reader.read_event().map_err(|e| self.error(format!("not well-formed XML: {e}")))
    }

    fn attribute(&self, element: &BytesStart, name: &str) -> Result<Option<String>, ReadError> {
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|e| self.error(format!("bad attribute: {e}")))?;
            if attribute.key.local_name().as_ref() == name {
                let value = attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| self.error(format!("bad attribute: {e}")))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    fn required(&self, element: &BytesStart, name: &str) -> Result<String, ReadError> {
        let what = element.local_name().as_ref().to_string();
        self.attribute(element, name)?.ok_or_else(|| self.error(format!("<{what}> has no {name} attribute")))
    }

    fn document(mut self) -> Result<Document, ReadError> {
        loop {
            match self.next()? {
                event @ (Event::Start(_) | Event::Empty(_)) if is_xliff(&event) => {
                    let (Event::Start(e) | Event::Empty(e)) = &event else { unreachable!() };
                    let version = self.required(e, "version")?;
                    if !version.starts_with("2.") {
                        return Err(self.error(format!(
                            "this is XLIFF {version}; DLIS Learn reads XLIFF 2 (save as XLIFF 2.0 in your tool)"
                        )));
                    }
                    let source_language = self.required(e, "srcLang")?;
                    let target_language = self.attribute(e, "trgLang")?.ok_or_else(|| {
                        self.error("<xliff> has no trgLang attribute: which language is this translation in?")
                    })?;
                    let files = if matches!(event, Event::Start(_)) { self.files()? } else { Vec::new() };
                    return Ok(Document { source_language, target_language, files });
                }
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.local_name().as_ref().to_string();
                    return Err(self.error(format!("the root element is <{name}>, not <xliff>")));
                }
                Event::Eof => return Err(self.error("no <xliff> element")),
                _ => {}
            }
        }
    }

    fn files(&mut self) -> Result<Vec<File>, ReadError> {
        let mut files = Vec::new();
        loop {
            match self.next()? {
                Event::Start(e) if e.local_name().as_ref() == "file" => {
                    let id = self.required(&e, "id")?;
                    let original = self.attribute(&e, "original")?.unwrap_or_default();
                    let mut file = File { id, original, notes: Vec::new(), units: Vec::new() };
                    self.file(&mut file, 0)?;
                    files.push(file);
                }
                Event::Start(_) => self.skip()?,
                Event::End(_) | Event::Eof => return Ok(files),
                _ => {}
            }
        }
    }

    /// The units of a `<file>`, also inside `<group>`s (nested at most [`MAX_GROUP_DEPTH`]
    /// deep: a hostile file could otherwise exhaust the stack).
    fn file(&mut self, file: &mut File, depth: usize) -> Result<(), ReadError> {
        if depth > MAX_GROUP_DEPTH {
            return Err(self.error(format!("groups nested more than {MAX_GROUP_DEPTH} deep")));
        }
        loop {
            match self.next()? {
                Event::Start(e) if e.local_name().as_ref() == "unit" => {
                    let id = self.required(&e, "id")?;
                    let unit = self.unit(id)?;
                    file.units.push(unit);
                }
                Event::Start(e) if e.local_name().as_ref() == "group" => self.file(file, depth + 1)?,
                Event::Start(e) if e.local_name().as_ref() == "notes" => file.notes.extend(self.notes()?),
                Event::Start(_) => self.skip()?,
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(self.error("the file ends inside a <file>")),
                _ => {}
            }
        }
    }

    fn unit(&mut self, id: String) -> Result<Unit, ReadError> {
        let mut source = String::new();
        let mut target = String::new();
        let (mut parts, mut translated) = (0, 0);
        let mut notes = Vec::new();
        loop {
            match self.next()? {
                // A tool may split a unit into several segments, with `<ignorable>` whitespace
                // between them: the unit's text is all of them in order.
                Event::Start(e) if matches!(e.local_name().as_ref(), "segment" | "ignorable") => {
                    let ignorable = e.local_name().as_ref() == "ignorable";
                    let (s, t) = self.segment(&id)?;
                    let done = t.is_some();
                    source.push_str(&s);
                    match t {
                        Some(t) => target.push_str(&t),
                        None => target.push_str(&s),
                    }
                    if !ignorable {
                        parts += 1;
                        translated += usize::from(done);
                    }
                }
                Event::Start(e) if e.local_name().as_ref() == "notes" => notes.extend(self.notes()?),
                Event::Start(_) => self.skip()?,
                Event::End(_) => break,
                Event::Eof => return Err(self.error(format!("the file ends inside unit {id}"))),
                _ => {}
            }
        }
        // Translated only when every segment is: a half-translated paragraph is not a
        // translation of it.
        let target = (parts > 0 && translated == parts).then_some(target);
        Ok(Unit { id, notes, source, target })
    }

    fn segment(&mut self, unit: &str) -> Result<(String, Option<String>), ReadError> {
        let (mut source, mut target) = (String::new(), None);
        loop {
            match self.next()? {
                Event::Start(e) if e.local_name().as_ref() == "source" => source = self.text(unit)?,
                Event::Start(e) if e.local_name().as_ref() == "target" => target = Some(self.text(unit)?),
                Event::Empty(e) if e.local_name().as_ref() == "target" => target = Some(String::new()),
                Event::Start(_) => self.skip()?,
                Event::End(_) => return Ok((source, target)),
                Event::Eof => return Err(self.error(format!("the file ends inside unit {unit}"))),
                _ => {}
            }
        }
    }

    /// The text of the current element, with `<mrk>` annotations read through and `<cp>`
    /// decoded. Inline codes cannot be there: the export writes none, and a tool that adds
    /// one has changed the text's structure.
    fn text(&mut self, unit: &str) -> Result<String, ReadError> {
        let mut text = String::new();
        let mut depth = 0;
        loop {
            match self.next()? {
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::CData(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    let resolved = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten().map(String::from)
                    } else {
                        let name: &str = &r;
                        quick_xml::escape::unescape(&format!("&{name};")).ok().map(|s| s.into_owned())
                    };
                    let resolved = resolved
                        .ok_or_else(|| self.error(format!("unit {unit}: unknown entity reference")))?;
                    text.push_str(&resolved);
                }
                Event::Start(e) if e.local_name().as_ref() == "mrk" => depth += 1,
                Event::Empty(e) if e.local_name().as_ref() == "cp" => {
                    let hex = self.required(&e, "hex")?;
                    let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    text.push(c.ok_or_else(|| {
                        self.error(format!("unit {unit}: <cp hex=\"{hex}\"> is no character"))
                    })?);
                }
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.local_name().as_ref().to_string();
                    return Err(self.error(format!(
                        "unit {unit}: the inline element <{name}> is not expected (the export has no inline codes; \
                         keep Markdown as plain text)"
                    )));
                }
                Event::End(_) if depth > 0 => depth -= 1,
                Event::End(_) => return Ok(text),
                Event::Eof => return Err(self.error(format!("the file ends inside unit {unit}"))),
                _ => {}
            }
        }
    }

    fn notes(&mut self) -> Result<Vec<String>, ReadError> {
        let mut notes = Vec::new();
        loop {
            match self.next()? {
                Event::Start(e) if e.local_name().as_ref() == "note" => notes.push(self.text("notes")?),
                Event::Start(_) => self.skip()?,
                Event::End(_) => return Ok(notes),
                Event::Eof => return Err(self.error("the file ends inside <notes>")),
                _ => {}
            }
        }
    }

    /// Skips the element just started, with everything inside.
    fn skip(&mut self) -> Result<(), ReadError> {
        let mut depth = 1;
        while depth > 0 {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.error("the file ends inside an element")),
                _ => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            source_language: "fr".into(),
            target_language: "ro".into(),
            files: vec![File {
                id: "module".into(),
                original: "module.json".into(),
                notes: vec!["Note « & »".into()],
                units: vec![
                    Unit {
                        id: "title".into(),
                        notes: vec![],
                        source: "Faire <avec> & \"pour\"\r\nensuite\ttab".into(),
                        target: Some("Să faci împreună".into()),
                    },
                    Unit {
                        id: "description".into(),
                        notes: vec!["n".into()],
                        source: "  espaces  ".into(),
                        target: None,
                    },
                ],
            }],
        }
    }

    #[test]
    fn written_documents_read_back_the_same() {
        let document = sample();
        let xml = document.to_xml().unwrap();
        assert!(xml.contains("&#13;"), "{xml}");
        assert_eq!(Document::parse(&xml).unwrap(), document);
    }

    #[test]
    fn split_segments_and_annotations_from_tools_are_read_through() {
        let xml = format!(
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.1\" srcLang=\"fr\" trgLang=\"el\"><file id=\"f\"><group id=\"g\">\
             <unit id=\"u\"><segment><source>Un. </source><target>Ένα. </target></segment><ignorable><source>\n</source></ignorable>\
             <segment state=\"final\"><source>Deux.</source><target><mrk id=\"m\" type=\"comment\" value=\"ok\">Δύο</mrk>.<cp hex=\"0007\"/></target></segment>\
             </unit><unit id=\"half\"><segment><source>a</source><target>α</target></segment><segment><source>b</source></segment></unit>\
             </group></file></xliff>"
        );
        let document = Document::parse(&xml).unwrap();
        let units = &document.files[0].units;
        assert_eq!(units[0].source, "Un. \nDeux.");
        assert_eq!(units[0].target.as_deref(), Some("Ένα. \nΔύο.\u{7}"));
        assert_eq!(units[1].target, None, "a unit with one segment untranslated is not translated");
    }

    #[test]
    fn other_documents_are_refused_with_a_reason() {
        let old = "<xliff version=\"1.2\"><file source-language=\"fr\"/></xliff>";
        assert!(Document::parse(old).unwrap_err().message.contains("XLIFF 1.2"));
        let codes = format!(
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"fr\" trgLang=\"el\"><file id=\"f\">\
             <unit id=\"u\"><segment><source>a</source><target><ph id=\"1\"/></target></segment></unit></file></xliff>"
        );
        assert!(Document::parse(&codes).unwrap_err().message.contains("<ph>"));
        let deep = format!(
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"fr\" trgLang=\"el\"><file id=\"f\">{}",
            "<group id=\"g\">".repeat(100_000)
        );
        assert!(Document::parse(&deep).unwrap_err().message.contains("nested more than 32"));
        assert!(Document::parse("<html/>").unwrap_err().message.contains("<html>"));
        assert!(Document::parse("<xliff version=\"2.0\" srcLang=\"fr\"><file").is_err());
        assert!(sample().to_xml().is_ok());
        let mut bad = sample();
        bad.files[0].units[0].source.push('\u{c}');
        assert!(bad.to_xml().unwrap_err().contains("U+000C"));
    }
}
