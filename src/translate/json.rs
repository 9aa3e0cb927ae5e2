//! The texts of `module.json`, found and changed in its concrete syntax tree so that whatever
//! the import does not change keeps its bytes: key order, indentation, escapes.
//!
//! A text is any object whose keys are all languages of the module, the source language among
//! them; the objects under `body`, `transcript` and `subtitles` name files instead.

use jsonc_parser::ParseOptions;
use jsonc_parser::cst::{CstInputValue, CstNode, CstObject, CstRootNode};

/// The keys whose language maps hold paths of files to translate.
const FILE_KEYS: [(&str, FileKind); 3] =
    [("body", FileKind::Markdown), ("transcript", FileKind::Markdown), ("subtitles", FileKind::Subtitles)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    Markdown,
    Subtitles,
}

/// How a language map holds its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// A string.
    Text,
    /// One string of a list whose strings are translated one by one (objectives).
    Item { index: usize, count: usize },
    /// A list of alternatives translated as one text, one per line (accepted answers, whose
    /// number may differ between languages).
    Lines,
}

pub(super) struct Text {
    pub id: String,
    /// The language map.
    pub map: CstObject,
    pub shape: Shape,
    pub source: String,
    pub target: Option<String>,
}

pub(super) struct FileMap {
    pub id: String,
    pub map: CstObject,
    pub kind: FileKind,
    pub source: String,
    pub target: Option<String>,
}

pub(super) struct ModuleJson {
    pub root: CstRootNode,
    pub texts: Vec<Text>,
    pub files: Vec<FileMap>,
}

impl ModuleJson {
    /// Reads the texts of `text` (a `module.json` already checked as a manifest) for a
    /// translation from `source` into `target`; `languages` are every language the module
    /// names.
    pub(super) fn read(
        text: &str,
        source: &str,
        target: &str,
        languages: &[String],
    ) -> Result<ModuleJson, String> {
        let root = CstRootNode::parse(text, &ParseOptions::default()).map_err(|e| e.to_string())?;
        let mut walk = Walk { source, target, languages, texts: Vec::new(), files: Vec::new() };
        if let Some(value) = root.value() {
            walk.node(&value, &mut Vec::new());
        }
        let (texts, files) = (walk.texts, walk.files);
        Ok(ModuleJson { root, texts, files })
    }

    pub(super) fn to_text(&self) -> String {
        self.root.to_string()
    }

    /// The top-level object.
    pub(super) fn object(&self) -> Option<CstObject> {
        self.root.value().and_then(|v| v.as_object())
    }
}

struct Walk<'a> {
    source: &'a str,
    target: &'a str,
    languages: &'a [String],
    texts: Vec<Text>,
    files: Vec<FileMap>,
}

impl Walk<'_> {
    fn node(&mut self, node: &CstNode, path: &mut Vec<String>) {
        if let Some(object) = node.as_object() {
            if self.is_language_map(&object) {
                self.language_map(object, path);
                return;
            }
            for prop in object.properties() {
                let (Some(key), Some(value)) = (prop_name(&prop), prop.value()) else { continue };
                if key == "files" && path.is_empty() {
                    continue;
                }
                let kind = FILE_KEYS.iter().find(|(k, _)| *k == key).map(|(_, kind)| *kind);
                if let (Some(kind), Some(map)) = (kind, value.as_object())
                    && self.is_language_map(&map)
                {
                    path.push(key);
                    let source = string(&map, self.source);
                    let target = string(&map, self.target);
                    if let Some(source) = source {
                        self.files.push(FileMap { id: path.join("."), map, kind, source, target });
                    }
                    path.pop();
                    continue;
                }
                path.push(key);
                self.node(&value, path);
                path.pop();
            }
        } else if let Some(array) = node.as_array() {
            for (i, element) in array.elements().iter().enumerate() {
                let name = element
                    .as_object()
                    .and_then(|o| o.get("id"))
                    .and_then(|p| p.value())
                    .and_then(|v| v.as_string_lit())
                    .and_then(|s| s.decoded_value().ok())
                    .unwrap_or_else(|| (i + 1).to_string());
                path.push(name);
                self.node(element, path);
                path.pop();
            }
        }
    }

    fn is_language_map(&self, object: &CstObject) -> bool {
        let keys: Vec<String> = object.properties().iter().filter_map(prop_name).collect();
        !keys.is_empty()
            && keys.iter().any(|k| k == self.source)
            && keys.iter().all(|k| k == self.target || self.languages.contains(k))
    }

    fn language_map(&mut self, map: CstObject, path: &[String]) {
        let id = path.join(".");
        let Some(value) = map.get(self.source).and_then(|p| p.value()) else { return };
        if let Some(source) = value.as_string_lit().and_then(|s| s.decoded_value().ok()) {
            let target = string(&map, self.target);
            self.texts.push(Text { id, map, shape: Shape::Text, source, target });
            return;
        }
        let Some(sources) = strings(&value) else { return };
        let targets = map.get(self.target).and_then(|p| p.value()).and_then(|v| strings(&v));
        if path.last().map(String::as_str) == Some("accepted") {
            let target = targets.map(|t| t.join("\n"));
            self.texts.push(Text { id, map, shape: Shape::Lines, source: sources.join("\n"), target });
            return;
        }
        let count = sources.len();
        for (index, source) in sources.into_iter().enumerate() {
            // An existing translation is paired item by item only when it has as many items.
            let target = targets.as_ref().filter(|t| t.len() == count).map(|t| t[index].clone());
            let shape = Shape::Item { index, count };
            self.texts.push(Text {
                id: format!("{id}.{}", index + 1),
                map: map.clone(),
                shape,
                source,
                target,
            });
        }
    }
}

pub(super) fn prop_name(prop: &jsonc_parser::cst::CstObjectProp) -> Option<String> {
    let name = prop.name()?;
    match name.as_string_lit() {
        Some(s) => s.decoded_value().ok(),
        None => name.as_word_lit().map(|w| w.to_string()),
    }
}

/// The string value of `key` in `object`.
pub(super) fn string(object: &CstObject, key: &str) -> Option<String> {
    object.get(key)?.value()?.as_string_lit()?.decoded_value().ok()
}

/// The strings of an array of strings.
pub(super) fn strings(node: &CstNode) -> Option<Vec<String>> {
    node.as_array()?
        .elements()
        .iter()
        .map(|e| e.as_string_lit().and_then(|s| s.decoded_value().ok()))
        .collect()
}

/// Sets `key` of `object` to `value`, adding it at the end when absent. Leaves the bytes alone
/// when the value is already the same, so that an unchanged text keeps its escapes.
pub(super) fn set_string(object: &CstObject, key: &str, value: &str) -> bool {
    if string(object, key).as_deref() == Some(value) {
        return false;
    }
    set(object, key, CstInputValue::String(value.to_string()));
    true
}

/// Sets `key` of `object` to a list of strings, laid out on several lines when the source
/// language's list (`like`) is, as the rest of the file.
pub(super) fn set_strings(object: &CstObject, key: &str, values: &[String], like: &str) -> bool {
    let current = object.get(key).and_then(|p| p.value()).and_then(|v| strings(&v));
    if current.as_deref() == Some(values) {
        return false;
    }
    set(object, key, CstInputValue::Array(values.iter().cloned().map(CstInputValue::String).collect()));
    let multiline = object.get(like).and_then(|p| p.value()).is_some_and(|v| v.to_string().contains('\n'));
    if multiline && let Some(array) = object.get(key).and_then(|p| p.value()).and_then(|v| v.as_array()) {
        array.ensure_multiline();
    }
    true
}

/// Adds `value` at the end of the list of strings `key`, in the list's own layout.
pub(super) fn push_string(object: &CstObject, key: &str, value: &str) {
    match object.get(key).and_then(|p| p.value()).and_then(|v| v.as_array()) {
        Some(array) => {
            array.append(CstInputValue::String(value.to_string()));
        }
        None => set(object, key, CstInputValue::Array(vec![CstInputValue::String(value.to_string())])),
    }
}

/// Removes `value` from the list of strings `key`, and the key when the list is left empty.
pub(super) fn remove_string(object: &CstObject, key: &str, value: &str) {
    let Some(prop) = object.get(key) else { return };
    let Some(array) = prop.value().and_then(|v| v.as_array()) else { return };
    let elements = array.elements();
    for element in &elements {
        if element.as_string_lit().and_then(|s| s.decoded_value().ok()).as_deref() == Some(value) {
            element.clone().remove();
        }
    }
    if array.elements().is_empty() {
        prop.remove();
    }
}

fn set(object: &CstObject, key: &str, value: CstInputValue) {
    match object.get(key) {
        Some(prop) => prop.set_value(value),
        None => {
            object.append(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = r#"{
  "languages": ["fr", "en"],
  "title": { "fr": "Titre \u00e9chapp\u00e9", "en": "Title" },
  "objectives": {
    "fr": [
      "Un",
      "Deux"
    ],
    "en": ["One", "Two"]
  },
  "activities": [
    {
      "id": "lecture",
      "body": { "fr": "lessons/lecture.fr.md", "en": "lessons/lecture.en.md" }
    },
    { "answer": { "accepted": { "fr": ["oui", "ouais"] } } }
  ]
}
"#;

    fn languages() -> Vec<String> {
        vec!["fr".into(), "en".into()]
    }

    #[test]
    fn texts_and_files_are_found_in_order_with_stable_ids() {
        let json = ModuleJson::read(MODULE, "fr", "en", &languages()).unwrap();
        let ids: Vec<(&str, &str, Option<&str>)> =
            json.texts.iter().map(|t| (t.id.as_str(), t.source.as_str(), t.target.as_deref())).collect();
        assert_eq!(
            ids,
            [
                ("title", "Titre échappé", Some("Title")),
                ("objectives.1", "Un", Some("One")),
                ("objectives.2", "Deux", Some("Two")),
                ("activities.2.answer.accepted", "oui\nouais", None),
            ]
        );
        assert_eq!(json.files.len(), 1);
        assert_eq!(json.files[0].id, "activities.lecture.body");
        assert_eq!(json.files[0].kind, FileKind::Markdown);
        assert_eq!(json.files[0].target.as_deref(), Some("lessons/lecture.en.md"));
    }

    #[test]
    fn unchanged_texts_keep_their_bytes_and_new_ones_are_added_in_place() {
        let json = ModuleJson::read(MODULE, "fr", "ro", &languages()).unwrap();
        let title = &json.texts[0];
        assert!(!set_string(&title.map, "fr", "Titre échappé"), "same text: nothing to do");
        assert_eq!(json.to_text(), MODULE);
        assert!(set_string(&title.map, "ro", "Titlu"));
        assert!(set_strings(&json.texts[1].map, "ro", &["Unu".into(), "Doi".into()], "fr"));
        let root = json.object().unwrap();
        push_string(&root, "languages", "ro");
        let text = json.to_text();
        assert!(text.contains("\"languages\": [\"fr\", \"en\", \"ro\"],"), "{text}");
        assert!(
            text.contains("\"ro\": [\n      \"Unu\",\n      \"Doi\"\n    ]"),
            "laid out as the others: {text}"
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["title"]["ro"], "Titlu");
        assert_eq!(value["objectives"]["ro"][1], "Doi");
        assert!(text.contains(r#""fr": "Titre \u00e9chapp\u00e9""#), "{text}");
    }
}
