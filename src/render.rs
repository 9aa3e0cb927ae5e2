//! Lessons and transcripts as HTML: Markdown rendered (CommonMark with tables) and sanitised
//! with an allow-list, since bundles travel on USB sticks and e-mail and their raw HTML must
//! never run. The desktop app and the LMS player show the same HTML; each says where a bundle
//! file is served from (the media server, or the package's own folder).

use std::borrow::Cow;
use std::collections::HashSet;

/// A lesson or transcript of the bundle file `file`, as safe HTML whose relative links and
/// images point at `asset_base` followed by the bundle path.
pub fn markdown_html(markdown: &str, file: &str, asset_base: &str) -> String {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    let parser = pulldown_cmark::Parser::new_ext(markdown, options);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);

    ammonia::Builder::default()
        .url_relative(ammonia::UrlRelative::Custom(Box::new(Rewrite {
            file: file.to_owned(),
            base: asset_base.to_owned(),
        })))
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .clean(&html)
        .to_string()
}

/// Relative links name files of the bundle, relative to the lesson's folder: they become
/// media-server URLs. Links that climb out of the bundle are dropped.
struct Rewrite {
    file: String,
    base: String,
}

impl ammonia::UrlRelativeEvaluate<'_> for Rewrite {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        let (path, fragment) = url.split_once('#').map_or((url, None), |(p, f)| (p, Some(f)));
        if path.is_empty() {
            return Some(Cow::Owned(format!("#{}", fragment.unwrap_or_default())));
        }
        // Markdown links arrive percent-encoded; the bundle's names do not.
        let decoded = crate::paths::percent_decode(path)?;
        let resolved = crate::paths::resolve_relative(&self.file, &decoded)?;
        Some(Cow::Owned(format!("{}/{}", self.base, crate::paths::percent_encode_path(&resolved))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lesson_html_never_carries_scripts_and_points_images_at_the_bundle() {
        let markdown = "# Titre\n\n<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n\
                        [clic](javascript:alert(3)) ![schéma](<../images/a b.png>) [site](https://example.org)\n\n\
                        | a | b |\n|---|---|\n| 1 | 2 |\n";
        let html = markdown_html(markdown, "lessons/fr/intro.md", "http://127.0.0.1:1/t/m");
        assert!(!html.contains("<script") && !html.contains("alert(1)"), "{html}");
        assert!(!html.contains("onerror") && !html.contains("javascript:"), "{html}");
        assert!(html.contains(r#"src="http://127.0.0.1:1/t/m/lessons/images/a%20b.png""#), "{html}");
        assert!(html.contains(r#"href="https://example.org" rel="noopener noreferrer""#), "{html}");
        assert!(html.contains("<table>") && html.contains("<h1>Titre</h1>"), "{html}");
    }
}
