//! The quiz engine: the seeded layout of an attempt and the scoring of answers.
//!
//! Pure functions over the manifest's [`Quiz`] and [`Question`] types: no clock, no storage.
//! The store records what these functions decide, so an interrupted attempt resumes with the
//! very same question and option order (same seed, same layout).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;

use crate::manifest::{Answer, FeedbackTiming, Question, Quiz, Scoring};

/// What a learner answered. The shape must match the question's answer type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Response {
    /// `single_choice`: the chosen option id.
    SingleChoice(String),
    /// `multiple_choice`: every chosen option id.
    MultipleChoice(BTreeSet<String>),
    /// `true_false`.
    TrueFalse(bool),
    /// `ordering`: item ids in the learner's order.
    Ordering(Vec<String>),
    /// `matching`: for each pair id on the left, the pair id whose right side was chosen.
    Matching(BTreeMap<String, String>),
    /// `short_text`: what the learner typed.
    ShortText(String),
}

/// The result of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// Points earned, between 0 and `max`.
    pub score: f64,
    /// The question's points.
    pub max: f64,
    /// True when the answer earned full marks.
    pub correct: bool,
}

/// Why a response cannot be scored against a question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResponseError {
    #[error("question {question:?} expects a {expected} answer, not {given}")]
    WrongType { question: String, expected: &'static str, given: &'static str },
    #[error("question {question:?} has no option {option:?}")]
    UnknownOption { question: String, option: String },
}

impl Response {
    fn type_name(&self) -> &'static str {
        match self {
            Response::SingleChoice(_) => "single_choice",
            Response::MultipleChoice(_) => "multiple_choice",
            Response::TrueFalse(_) => "true_false",
            Response::Ordering(_) => "ordering",
            Response::Matching(_) => "matching",
            Response::ShortText(_) => "short_text",
        }
    }

    /// The response as xAPI's `result.response` string (interaction response patterns of
    /// xAPI 1.0.3: `a[,]b` for choices, `a[,]b` for sequencing, `l[.]r[,]…` for matching).
    pub fn to_xapi(&self) -> String {
        match self {
            Response::SingleChoice(id) => id.clone(),
            Response::MultipleChoice(ids) => ids.iter().cloned().collect::<Vec<_>>().join("[,]"),
            Response::TrueFalse(value) => value.to_string(),
            Response::Ordering(ids) => ids.join("[,]"),
            Response::Matching(pairs) => {
                pairs.iter().map(|(l, r)| format!("{l}[.]{r}")).collect::<Vec<_>>().join("[,]")
            }
            Response::ShortText(text) => text.clone(),
        }
    }
}

/// A question's interaction type, in the vocabulary SCORM 1.2, cmi5 and xAPI share.
pub fn interaction_type(question: &Question) -> &'static str {
    match question.answer {
        Answer::SingleChoice { .. } | Answer::MultipleChoice { .. } => "choice",
        Answer::TrueFalse { .. } => "true-false",
        Answer::Ordering { .. } => "sequencing",
        Answer::Matching { .. } => "matching",
        Answer::ShortText { .. } => "fill-in",
    }
}

/// Scores `response` to `question`; `language` (the one the module is displayed in) picks
/// the accepted short-text answers.
pub fn score(question: &Question, response: &Response, language: &str) -> Result<Scored, ResponseError> {
    let wrong_type = || ResponseError::WrongType {
        question: question.id.clone(),
        expected: question.answer.type_name(),
        given: response.type_name(),
    };
    let unknown = |option: &str| ResponseError::UnknownOption {
        question: question.id.clone(),
        option: option.to_owned(),
    };
    let fraction = match (&question.answer, response) {
        (Answer::SingleChoice { options, correct }, Response::SingleChoice(chosen)) => {
            if !options.iter().any(|o| &o.id == chosen) {
                return Err(unknown(chosen));
            }
            all_or_nothing(chosen == correct)
        }
        (Answer::MultipleChoice { options, correct, scoring }, Response::MultipleChoice(chosen)) => {
            if let Some(bad) = chosen.iter().find(|c| !options.iter().any(|o| &&o.id == c)) {
                return Err(unknown(bad));
            }
            let right: BTreeSet<&String> = correct.iter().collect();
            let hits = chosen.iter().filter(|c| right.contains(c)).count() as f64;
            let misses = chosen.len() as f64 - hits;
            match scoring {
                Scoring::AllOrNothing => all_or_nothing(chosen.iter().collect::<BTreeSet<_>>() == right),
                // Wrong choices cancel right ones, so ticking everything earns nothing.
                Scoring::Partial => ((hits - misses) / right.len() as f64).max(0.0),
            }
        }
        (Answer::TrueFalse { correct }, Response::TrueFalse(given)) => all_or_nothing(correct == given),
        (Answer::Ordering { items }, Response::Ordering(order)) => {
            if let Some(bad) = order.iter().find(|id| !items.iter().any(|i| &&i.id == id)) {
                return Err(unknown(bad));
            }
            all_or_nothing(
                items.len() == order.len() && items.iter().zip(order).all(|(item, id)| &item.id == id),
            )
        }
        (Answer::Matching { pairs, scoring }, Response::Matching(chosen)) => {
            for (left, right) in chosen {
                for id in [left, right] {
                    if !pairs.iter().any(|p| &p.id == id) {
                        return Err(unknown(id));
                    }
                }
            }
            let right = pairs.iter().filter(|p| chosen.get(&p.id) == Some(&p.id)).count();
            match scoring {
                Scoring::AllOrNothing => all_or_nothing(right == pairs.len()),
                Scoring::Partial => right as f64 / pairs.len() as f64,
            }
        }
        (Answer::ShortText { accepted, case_sensitive, accent_sensitive }, Response::ShortText(text)) => {
            let fold = |s: &str| fold_text(s, *case_sensitive, *accent_sensitive);
            let given = fold(text);
            let list = accepted.get(language).or_else(|| accepted.values().next());
            all_or_nothing(list.is_some_and(|list| list.iter().any(|a| fold(a) == given)))
        }
        _ => return Err(wrong_type()),
    };
    let max = question.points;
    Ok(Scored { score: fraction * max, max, correct: fraction >= 1.0 })
}

fn all_or_nothing(right: bool) -> f64 {
    if right { 1.0 } else { 0.0 }
}

/// Normalises typed text for comparison: Unicode NFKC, spaces collapsed, a final full stop
/// dropped; then, unless the quiz says otherwise, case and accents folded away.
pub fn fold_text(text: &str, case_sensitive: bool, accent_sensitive: bool) -> String {
    let normalised = unicode::nfkc(text);
    let mut words = normalised.split_whitespace().collect::<Vec<_>>().join(" ");
    while words.ends_with(['.', '!', '?']) {
        words.pop();
    }
    let cased = if case_sensitive { words } else { words.to_lowercase() };
    if accent_sensitive {
        return unicode::nfc(&cased);
    }
    let bare: String = unicode::nfd(&cased).chars().filter(|c| !is_combining_mark(*c)).collect();
    unicode::nfc(&bare)
}

/// The Unicode normal forms: from the `unicode-normalization` crate, except in the LMS player
/// (WebAssembly), which asks the browser's own `String.prototype.normalize` through an import:
/// the crate's tables would otherwise be a third of the player's code.
#[cfg(not(target_arch = "wasm32"))]
mod unicode {
    use unicode_normalization::UnicodeNormalization;

    pub fn nfkc(text: &str) -> String {
        text.nfkc().collect()
    }

    pub fn nfc(text: &str) -> String {
        text.nfc().collect()
    }

    pub fn nfd(text: &str) -> String {
        text.nfd().collect()
    }
}

#[cfg(target_arch = "wasm32")]
mod unicode {
    #[link(wasm_import_module = "dlis")]
    unsafe extern "C" {
        /// Writes `text` (UTF-8 at `ptr`, `len` bytes) in normal form `form` (0 NFKC, 1 NFC,
        /// 2 NFD) to `out` if it fits in `capacity` bytes; returns its length either way.
        fn normalize(form: u32, ptr: *const u8, len: usize, out: *mut u8, capacity: usize) -> usize;
    }

    fn host(form: u32, text: &str) -> String {
        let mut capacity = text.len() * 3 + 16;
        loop {
            let mut out = vec![0u8; capacity];
            // SAFETY: the host reads `len` bytes at `ptr` and writes at most `capacity` at `out`.
            let len = unsafe { normalize(form, text.as_ptr(), text.len(), out.as_mut_ptr(), capacity) };
            if len <= capacity {
                out.truncate(len);
                return String::from_utf8(out).unwrap_or_default();
            }
            capacity = len;
        }
    }

    pub fn nfkc(text: &str) -> String {
        host(0, text)
    }

    pub fn nfc(text: &str) -> String {
        host(1, text)
    }

    pub fn nfd(text: &str) -> String {
        host(2, text)
    }
}

/// A quiz attempt as the player shows it: its layout, the answers so far, its result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptView {
    pub attempt_id: i64,
    pub number: u32,
    pub layout: Layout,
    pub answers: BTreeMap<String, (Response, Scored)>,
    pub total: Option<Total>,
    /// Attempts still allowed after this one; `None` when unlimited.
    pub attempts_left: Option<u32>,
}

/// Whether a new attempt at `quiz` may start after `submitted` submitted attempts.
pub fn may_start(quiz: &Quiz, submitted: u32) -> bool {
    quiz.max_attempts.is_none_or(|max| submitted < max)
}

/// Attempts still allowed at `quiz` after `submitted` submitted attempts and, when `open`, the
/// one in progress; `None` when unlimited.
pub fn attempts_left(quiz: &Quiz, submitted: u32, open: bool) -> Option<u32> {
    quiz.max_attempts.map(|max| max.saturating_sub(submitted + u32::from(open)))
}

/// Whether a question already answered in an open attempt may be answered again: only when
/// the feedback comes at the end; an answer whose feedback was shown is final.
pub fn may_change_answer(quiz: &Quiz) -> bool {
    quiz.feedback == FeedbackTiming::End
}

/// The order in which one attempt shows questions, options and items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub questions: Vec<String>,
    /// Per question id: options (choices), items (ordering) or right-hand sides (matching).
    pub options: BTreeMap<String, Vec<String>>,
}

/// Lays out an attempt from `seed`. The same seed always gives the same layout. Ordering
/// items and matching right-hand sides are always shuffled (they are listed in the right
/// order), and never left in the right order.
pub fn layout(quiz: &Quiz, seed: u64) -> Layout {
    let mut rng = SplitMix64(seed);
    let mut questions: Vec<String> = quiz.questions.iter().map(|q| q.id.clone()).collect();
    if quiz.shuffle_questions {
        rng.shuffle(&mut questions);
    }
    let mut options = BTreeMap::new();
    for question in &quiz.questions {
        let (ids, always): (Vec<String>, bool) = match &question.answer {
            Answer::SingleChoice { options, .. } | Answer::MultipleChoice { options, .. } => {
                (options.iter().map(|o| o.id.clone()).collect(), false)
            }
            Answer::Ordering { items } => (items.iter().map(|i| i.id.clone()).collect(), true),
            Answer::Matching { pairs, .. } => (pairs.iter().map(|p| p.id.clone()).collect(), true),
            Answer::TrueFalse { .. } | Answer::ShortText { .. } => continue,
        };
        let mut shown = ids.clone();
        if always || quiz.shuffle_options {
            rng.shuffle(&mut shown);
            if always && shown == ids && shown.len() > 1 {
                shown.rotate_left(1);
            }
        }
        options.insert(question.id.clone(), shown);
    }
    Layout { questions, options }
}

/// A small, well-known generator: the layout must be reproducible from a stored seed on every
/// platform and version, which a library RNG does not promise.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The outcome of a submitted attempt.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Total {
    pub score: f64,
    pub max: f64,
    /// `score / max`, between 0 and 1.
    pub scaled: f64,
    pub passed: bool,
}

/// Adds up the scores of an attempt; unanswered questions count as zero.
pub fn total(quiz: &Quiz, scores: &BTreeMap<String, Scored>) -> Total {
    let max: f64 = quiz.questions.iter().map(|q| q.points).sum();
    let score: f64 = quiz.questions.iter().filter_map(|q| scores.get(&q.id)).map(|s| s.score).sum();
    let scaled = if max > 0.0 { score / max } else { 0.0 };
    // Compare in whole hundredths of a percent so that 7/10 passes a 70 % mark despite floats.
    let passed = (scaled * 10_000.0).round() >= f64::from(quiz.pass_mark_percent) * 100.0;
    Total { score, max, scaled, passed }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn question(answer: serde_json::Value) -> Question {
        serde_json::from_value(json!({"id": "q", "prompt": {"en": "?"}, "points": 2.0, "answer": answer}))
            .unwrap()
    }

    fn options(ids: &[&str]) -> serde_json::Value {
        ids.iter().map(|id| json!({"id": id, "text": {"en": id}})).collect()
    }

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn check(q: &Question, response: Response) -> (f64, bool) {
        let scored = score(q, &response, "en").unwrap();
        (scored.score, scored.correct)
    }

    #[test]
    fn single_choice() {
        let q = question(json!({"type": "single_choice", "options": options(&["a", "b"]), "correct": "b"}));
        assert_eq!(check(&q, Response::SingleChoice("b".into())), (2.0, true));
        assert_eq!(check(&q, Response::SingleChoice("a".into())), (0.0, false));
        assert!(matches!(
            score(&q, &Response::SingleChoice("z".into()), "en"),
            Err(ResponseError::UnknownOption { .. })
        ));
    }

    #[test]
    fn multiple_choice_all_or_nothing_and_partial() {
        let strict = question(
            json!({"type": "multiple_choice", "options": options(&["a", "b", "c", "d"]), "correct": ["a", "c"]}),
        );
        assert_eq!(check(&strict, Response::MultipleChoice(set(&["a", "c"]))), (2.0, true));
        assert_eq!(check(&strict, Response::MultipleChoice(set(&["a"]))), (0.0, false));

        let partial = question(json!({"type": "multiple_choice", "options": options(&["a", "b", "c", "d"]),
                                      "correct": ["a", "c"], "scoring": "partial"}));
        assert_eq!(check(&partial, Response::MultipleChoice(set(&["a", "c"]))), (2.0, true));
        assert_eq!(check(&partial, Response::MultipleChoice(set(&["a"]))), (1.0, false));
        assert_eq!(
            check(&partial, Response::MultipleChoice(set(&["a", "b"]))),
            (0.0, false),
            "a wrong tick cancels a right one"
        );
        assert_eq!(
            check(&partial, Response::MultipleChoice(set(&["a", "b", "c", "d"]))),
            (0.0, false),
            "ticking all earns nothing"
        );
        assert_eq!(
            check(&partial, Response::MultipleChoice(set(&["b", "d"]))),
            (0.0, false),
            "never below zero"
        );
        assert_eq!(check(&partial, Response::MultipleChoice(set(&[]))), (0.0, false));
    }

    #[test]
    fn true_false() {
        let q = question(json!({"type": "true_false", "correct": false}));
        assert_eq!(check(&q, Response::TrueFalse(false)), (2.0, true));
        assert_eq!(check(&q, Response::TrueFalse(true)), (0.0, false));
    }

    #[test]
    fn ordering_needs_the_exact_order() {
        let q = question(json!({"type": "ordering", "items": options(&["x", "y", "z"])}));
        let order = |ids: &[&str]| Response::Ordering(ids.iter().map(|s| s.to_string()).collect());
        assert_eq!(check(&q, order(&["x", "y", "z"])), (2.0, true));
        assert_eq!(check(&q, order(&["y", "x", "z"])), (0.0, false));
        assert_eq!(check(&q, order(&["x", "y"])), (0.0, false), "an incomplete order is wrong");
    }

    #[test]
    fn matching_all_or_nothing_and_partial() {
        let pairs: serde_json::Value = ["p1", "p2", "p3", "p4"]
            .iter()
            .map(|id| json!({"id": id, "left": {"en": id}, "right": {"en": id}}))
            .collect();
        let matches = |m: &[(&str, &str)]| {
            Response::Matching(m.iter().map(|(l, r)| (l.to_string(), r.to_string())).collect())
        };
        let strict = question(json!({"type": "matching", "pairs": pairs.clone()}));
        let all = [("p1", "p1"), ("p2", "p2"), ("p3", "p3"), ("p4", "p4")];
        assert_eq!(check(&strict, matches(&all)), (2.0, true));
        assert_eq!(
            check(&strict, matches(&[("p1", "p2"), ("p2", "p1"), ("p3", "p3"), ("p4", "p4")])),
            (0.0, false)
        );

        let partial = question(json!({"type": "matching", "pairs": pairs, "scoring": "partial"}));
        assert_eq!(
            check(&partial, matches(&[("p1", "p2"), ("p2", "p1"), ("p3", "p3"), ("p4", "p4")])),
            (1.0, false)
        );
        assert_eq!(check(&partial, matches(&[("p3", "p3")])), (0.5, false), "unmatched pairs earn nothing");
        assert!(score(&partial, &matches(&[("p1", "p9")]), "en").is_err());
    }

    #[test]
    fn short_text_folds_case_accents_spaces_and_final_stop() {
        let q = question(
            json!({"type": "short_text", "accepted": {"fr": ["Non-recours"], "en": ["non-take-up"]}}),
        );
        let typed = |s: &str| score(&q, &Response::ShortText(s.into()), "fr").unwrap().correct;
        assert!(typed("non-recours"));
        assert!(typed("  NON-RECOURS. "));
        assert!(typed("nón-recours"), "accents are folded by default");
        assert!(!typed("recours"));
        assert!(score(&q, &Response::ShortText("Non-take-up".into()), "en").unwrap().correct);
        assert!(
            !score(&q, &Response::ShortText("non-take-up".into()), "fr").unwrap().correct,
            "answers are per language"
        );
        // A language the question lacks falls back to its first language (callers pass the
        // language the module is displayed in, so this is a safety net).
        assert!(score(&q, &Response::ShortText("non-take-up".into()), "ro").unwrap().correct);
    }

    #[test]
    fn short_text_can_be_case_and_accent_sensitive() {
        let q = question(json!({"type": "short_text", "accepted": {"fr": ["RGPD", "Défenseur des droits"]},
                                "case_sensitive": true, "accent_sensitive": true}));
        let typed = |s: &str| score(&q, &Response::ShortText(s.into()), "fr").unwrap().correct;
        assert!(typed("RGPD"));
        assert!(!typed("rgpd"));
        assert!(typed("Défenseur  des droits"));
        assert!(typed("De\u{301}fenseur des droits"), "decomposed é equals composed é");
        assert!(!typed("Defenseur des droits"));
    }

    #[test]
    fn fullwidth_and_ligatures_are_normalised() {
        assert_eq!(fold_text("ＲＧＰＤ", false, false), "rgpd");
        assert_eq!(fold_text("ŒUVRE sociale", false, false), "œuvre sociale");
        assert_eq!(fold_text("Ελληνικά", false, false), "ελληνικα");
        assert_eq!(fold_text("Învățământ", false, false), "invatamant");
    }

    #[test]
    fn a_wrong_response_type_is_an_error() {
        let q = question(json!({"type": "true_false", "correct": true}));
        let err = score(&q, &Response::ShortText("yes".into()), "en").unwrap_err();
        assert_eq!(err.to_string(), "question \"q\" expects a true_false answer, not short_text");
    }

    fn quiz(shuffle: bool) -> Quiz {
        serde_json::from_value(json!({
            "id": "quiz", "title": {"en": "Q"}, "pass_mark_percent": 70, "feedback": "end",
            "shuffle_questions": shuffle, "shuffle_options": shuffle,
            "questions": [
                {"id": "q1", "prompt": {"en": "?"}, "answer": {"type": "single_choice", "options": options(&["a", "b", "c", "d"]), "correct": "a"}},
                {"id": "q2", "prompt": {"en": "?"}, "answer": {"type": "ordering", "items": options(&["x", "y"])}},
                {"id": "q3", "prompt": {"en": "?"}, "answer": {"type": "true_false", "correct": true}},
                {"id": "q4", "prompt": {"en": "?"}, "points": 7.0, "answer": {"type": "true_false", "correct": true}}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn attempts_are_limited_and_answers_final_once_their_feedback_is_shown() {
        let mut limited = quiz(false);
        limited.max_attempts = Some(3);
        assert!(may_start(&limited, 2) && !may_start(&limited, 3));
        assert_eq!(attempts_left(&limited, 1, true), Some(1), "the open attempt counts");
        assert_eq!(attempts_left(&limited, 5, false), Some(0));
        let unlimited = quiz(false);
        assert!(may_start(&unlimited, 1000) && attempts_left(&unlimited, 9, true).is_none());
        assert!(may_change_answer(&unlimited), "feedback at the end: answers can change");
        limited.feedback = FeedbackTiming::Immediate;
        assert!(!may_change_answer(&limited));
    }

    #[test]
    fn layouts_are_reproducible_from_the_seed() {
        let quiz = quiz(true);
        assert_eq!(layout(&quiz, 42), layout(&quiz, 42));
        let distinct: BTreeSet<Vec<String>> = (0..50).map(|seed| layout(&quiz, seed).questions).collect();
        assert!(distinct.len() > 5, "seeds should give different question orders");
    }

    #[test]
    fn ordering_items_are_never_shown_in_the_right_order() {
        for shuffle in [false, true] {
            for seed in 0..100 {
                assert_eq!(layout(&quiz(shuffle), seed).options["q2"], ["y", "x"]);
            }
        }
    }

    #[test]
    fn unshuffled_quizzes_keep_the_authors_order() {
        let layout = layout(&quiz(false), 7);
        assert_eq!(layout.questions, ["q1", "q2", "q3", "q4"]);
        assert_eq!(layout.options["q1"], ["a", "b", "c", "d"]);
    }

    #[test]
    fn totals_weigh_points_and_pass_exactly_at_the_mark() {
        let quiz = quiz(false);
        let full =
            |id: &str, points: f64| (id.to_string(), Scored { score: points, max: points, correct: true });
        let scores: BTreeMap<String, Scored> = [full("q4", 7.0)].into();
        let total = total(&quiz, &scores);
        assert_eq!((total.score, total.max), (7.0, 10.0));
        assert!(total.passed, "7/10 passes a 70% mark");
        let scores: BTreeMap<String, Scored> = [full("q1", 1.0), full("q2", 1.0), full("q3", 1.0)].into();
        assert!(!super::total(&quiz, &scores).passed);
    }
}
