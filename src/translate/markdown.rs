//! Markdown cut into the pieces a translator translates: the inline text of each heading,
//! paragraph, list item and table cell, with everything around it (heading and list markers,
//! table pipes, blank lines, code blocks) kept as a skeleton that no translation can touch.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Where a segment sits, so that a translator knows what they translate and so that a
/// translation that turns a paragraph into a list or a heading is caught.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Block {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

impl Block {
    pub(super) fn name(self) -> &'static str {
        match self {
            Block::Heading => "heading",
            Block::Paragraph => "paragraph",
            Block::ListItem => "list item",
            Block::TableCell => "table cell",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Segment {
    pub range: Range<usize>,
    pub block: Block,
}

/// The translatable segments of `text`, in order. Same options as the players' rendering
/// (CommonMark with tables).
pub(super) fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut blocks: Vec<Option<Block>> = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut in_code = 0usize;
    let flush = |run: &mut Option<Range<usize>>, blocks: &[Option<Block>], out: &mut Vec<Segment>| {
        if let Some(range) = run.take() {
            let trimmed = trim(text, range);
            if !trimmed.is_empty() {
                let block = blocks.iter().rev().find_map(|b| *b).unwrap_or(Block::Paragraph);
                out.push(Segment { range: trimmed, block });
            }
        }
    };
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let inline = match &event {
            Event::Start(tag) => is_inline(tag),
            Event::End(tag) => is_inline_end(*tag),
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::TaskListMarker(_) => true,
            Event::Html(_) | Event::DisplayMath(_) | Event::Rule => false,
        };
        if inline && in_code == 0 {
            run = Some(match run {
                Some(r) => r.start.min(range.start)..r.end.max(range.end),
                None => range,
            });
            continue;
        }
        flush(&mut run, &blocks, &mut out);
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => {
                in_code += 1;
                blocks.push(None);
            }
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::HtmlBlock) => {
                in_code = in_code.saturating_sub(1);
                blocks.pop();
            }
            Event::Start(tag) => blocks.push(match tag {
                Tag::Heading { .. } => Some(Block::Heading),
                Tag::Paragraph => Some(Block::Paragraph),
                Tag::Item => Some(Block::ListItem),
                Tag::TableCell => Some(Block::TableCell),
                _ => None,
            }),
            Event::End(_) => {
                blocks.pop();
            }
            _ => {}
        }
    }
    flush(&mut run, &blocks, &mut out);
    out
}

/// Each heading, paragraph, list item and table cell of `text` as plain text (no markup, links
/// as their words), in order: what search indexes of a lesson or a transcript.
pub(crate) fn plain_blocks(text: &str) -> Vec<String> {
    segments(text)
        .into_iter()
        .map(|segment| {
            let mut plain = String::new();
            for event in Parser::new_ext(&text[segment.range], Options::ENABLE_TABLES) {
                match event {
                    Event::Text(t) | Event::Code(t) => plain.push_str(&t),
                    Event::SoftBreak | Event::HardBreak => plain.push(' '),
                    _ => {}
                }
            }
            plain
        })
        .collect()
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.end - (piece.len() - piece.trim_end().len());
    if start >= end { start..start } else { start..end }
}

/// The markup of a segment that a translation must keep. Emphasis is not counted (a language
/// may stress another word, or italicise a foreign term), but emphasis left open is: its
/// asterisks would show as they are.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Markup {
    pub links: usize,
    pub images: usize,
    pub code: usize,
    /// `*`, `` ` ``, `[` and `]` that render as themselves: unbalanced markup.
    pub literal_marks: usize,
}

impl Markup {
    pub(super) fn of(text: &str) -> Markup {
        let mut markup = Markup::default();
        for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Link { .. }) => markup.links += 1,
                Event::Start(Tag::Image { .. }) => markup.images += 1,
                Event::Code(_) => markup.code += 1,
                Event::Text(t) => {
                    markup.literal_marks += t.chars().filter(|c| matches!(c, '*' | '`' | '[' | ']')).count()
                }
                _ => {}
            }
        }
        markup
    }

    /// What `translation` lost or broke against `self`, in words; empty when nothing.
    pub(super) fn differences(&self, translation: &Markup) -> Vec<String> {
        let kinds = [
            ("links", self.links, translation.links),
            ("images", self.images, translation.images),
            ("code spans", self.code, translation.code),
        ];
        let mut out: Vec<String> = kinds
            .into_iter()
            .filter(|(_, source, target)| source != target)
            .map(|(what, source, target)| {
                format!("{what}: {source} in the source, {target} in the translation")
            })
            .collect();
        if translation.literal_marks > self.literal_marks {
            out.push("a `*`, `` ` ``, `[` or `]` is left unpaired and would show as it is".into());
        }
        out
    }
}

/// Why `translation` cannot stand in for a segment of kind `block`, if it cannot: a blank line
/// would split it, a leading marker would make it a list or a heading, a pipe would add a cell.
pub(super) fn breaks_block(translation: &str, block: Block) -> Option<String> {
    let pieces = segments(translation);
    if translation.lines().any(|line| line.trim().is_empty()) {
        return Some("it contains a blank line, which would split it in two".into());
    }
    let single = pieces.len() == 1 && pieces[0].block == Block::Paragraph;
    if !single {
        let became = pieces.first().map(|s| s.block.name()).unwrap_or("nothing");
        return Some(format!("on its own it reads as a {became}, not as text: check its first characters"));
    }
    if block == Block::TableCell && unescaped_pipe(translation) {
        return Some("it contains a `|`, which would add a table cell (write `\\|`)".into());
    }
    None
}

fn unescaped_pipe(text: &str) -> bool {
    let mut escaped = false;
    for c in text.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => return true,
            _ => escaped = false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<(&str, Block)> {
        segments(md).into_iter().map(|s| (&md[s.range], s.block)).collect()
    }

    #[test]
    fn segments_are_the_inline_text_of_each_block() {
        let md = "# Faire *avec*\n\nUn paragraphe\nsur deux lignes, avec [un lien](https://a.fr).\n\n\
                  - premier point ;\n- second **point**.\n\n| A | B |\n|---|---|\n| un | |\n\n\
                  ```\ncode gardé\n```\n";
        assert_eq!(
            texts(md),
            vec![
                ("Faire *avec*", Block::Heading),
                ("Un paragraphe\nsur deux lignes, avec [un lien](https://a.fr).", Block::Paragraph),
                ("premier point ;", Block::ListItem),
                ("second **point**.", Block::ListItem),
                ("A", Block::TableCell),
                ("B", Block::TableCell),
                ("un", Block::TableCell),
            ]
        );
    }

    #[test]
    fn rebuilding_with_the_same_text_gives_the_same_bytes() {
        let md = "## Titre\n\n> Une citation\n> sur deux lignes.\n\n1. un\n2. deux\r\n";
        let ranges: Vec<_> = segments(md).into_iter().map(|s| s.range).collect();
        let same: Vec<&str> = ranges.iter().map(|r| &md[r.clone()]).collect();
        assert_eq!(super::super::rebuild(md, &ranges, &same), md);
        let other: Vec<&str> = ranges.iter().map(|_| "x").collect();
        assert_eq!(super::super::rebuild(md, &ranges, &other), "## x\n\n> x\n\n1. x\n2. x\r\n");
    }

    #[test]
    fn lost_markup_and_broken_blocks_are_named() {
        let source = Markup::of("Le **consentement** et [le site](https://a.fr)");
        let target = Markup::of("**Consimțământul și site-ul");
        let differences = source.differences(&target);
        assert_eq!(differences.len(), 2, "{differences:?}");
        assert!(differences[0].starts_with("links: 1 in the source, 0"));
        assert!(differences[1].contains("unpaired"));
        let other_emphasis = Markup::of("*Consimțământul* și [site-ul](https://a.ro)");
        assert!(source.differences(&other_emphasis).is_empty(), "emphasis may move, a link its address");
        assert!(breaks_block("Un text\n\naltul", Block::Paragraph).is_some());
        assert!(breaks_block("- o listă", Block::Paragraph).is_some());
        assert!(breaks_block("a | b", Block::TableCell).is_some());
        assert_eq!(breaks_block("a \\| b", Block::TableCell), None);
        assert_eq!(breaks_block("Un text *simplu*", Block::Heading), None);
    }
}
