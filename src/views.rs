//! What a player's page is given to show: never more than it needs. A module comes without its
//! questions, a quiz attempt without its expected answers (in the order of the attempt), each
//! text in the learner's language or marked with the fallback's. The desktop app and the LMS
//! player (through `player/rules`) build their pages from the same views.

use std::collections::BTreeMap;

use crate::Manifest;
use crate::language::ContentLanguage;
use crate::manifest::{
    Activity, Answer, CompletionRule, FeedbackTiming, Lesson, Localized, Organisation, Quiz, Survey, Video,
    localized, localized_with_language,
};
use crate::quiz::{AttemptView, Layout, Response, Scored, Total};
use serde::Serialize;

/// The manifest as the page sees it: `Manifest` without its file list, and each quiz as a
/// [`QuizSummary`], a type with no field for a question, so no answer can reach the page from
/// here whatever changes in the format. Questions come one attempt at a time, without their
/// answers, through [`quiz_view`].
#[derive(Debug, Serialize)]
pub struct ManifestView {
    id: String,
    version: String,
    languages: Vec<String>,
    /// Languages the module carries in part (bundle format 1.1).
    partial_languages: Vec<String>,
    default_language: String,
    title: Localized<String>,
    description: Localized<String>,
    objectives: Localized<Vec<String>>,
    organisation: Organisation,
    authors: Vec<String>,
    license: String,
    estimated_minutes: u32,
    activities: Vec<ActivityView>,
    completion: CompletionRule,
    /// The language the signed-in learner reads this module in, and why (none outside a
    /// learner's session, e.g. for a bundle being inspected).
    content: Option<ContentLanguage>,
}

impl ManifestView {
    /// The view for a learner who reads it in `content`.
    pub fn for_learner(m: &Manifest, content: ContentLanguage) -> ManifestView {
        ManifestView { content: Some(content), ..ManifestView::from(m) }
    }
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivityView {
    Lesson(Lesson),
    Video(Video),
    Quiz(QuizSummary),
    /// A survey has no answers to hide: the page gets all of it.
    Survey(Survey),
}

/// What the page may know of a quiz before an attempt: its rules and how many questions.
#[derive(Debug, Serialize)]
pub struct QuizSummary {
    id: String,
    title: Localized<String>,
    pass_mark_percent: u8,
    max_attempts: Option<u32>,
    feedback: FeedbackTiming,
    question_count: usize,
}

impl From<&Manifest> for ManifestView {
    /// Copies what the page needs, and of each quiz only its summary.
    fn from(m: &Manifest) -> ManifestView {
        let activities = m
            .activities
            .iter()
            .map(|activity| match activity {
                Activity::Lesson(lesson) => ActivityView::Lesson(lesson.clone()),
                Activity::Video(video) => ActivityView::Video(video.clone()),
                Activity::Quiz(quiz) => ActivityView::Quiz(QuizSummary {
                    question_count: quiz.questions.len(),
                    id: quiz.id.clone(),
                    title: quiz.title.clone(),
                    pass_mark_percent: quiz.pass_mark_percent,
                    max_attempts: quiz.max_attempts,
                    feedback: quiz.feedback,
                }),
                Activity::Survey(survey) => ActivityView::Survey(survey.clone()),
            })
            .collect();
        ManifestView {
            id: m.id.clone(),
            version: m.version.to_string(),
            languages: m.languages.clone(),
            partial_languages: m.partial_languages.clone(),
            default_language: m.default_language.clone(),
            title: m.title.clone(),
            description: m.description.clone(),
            objectives: m.objectives.clone(),
            organisation: m.organisation.clone(),
            authors: m.authors.clone(),
            license: m.license.clone(),
            estimated_minutes: m.estimated_minutes,
            activities,
            completion: m.completion.clone(),
            content: None,
        }
    }
}

/// A quiz question as the learner sees it: the prompt, and the choices in the attempt's order.
#[derive(Debug, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub kind: &'static str,
    pub prompt: String,
    /// The language of `prompt`: the learner's, or the fallback a partial translation needs.
    pub language: String,
    pub image: Option<String>,
    pub points: f64,
    /// Choices (single and multiple choice), items to order, or right-hand sides of pairs.
    pub options: Vec<OptionView>,
    /// The left-hand sides of a matching question, in the bundle's order.
    pub left: Vec<OptionView>,
    /// Feedback texts, sent only once the learner may see them.
    pub feedback: Option<FeedbackView>,
    pub answer: Option<AnswerView>,
}

#[derive(Debug, Serialize)]
pub struct OptionView {
    pub id: String,
    pub text: String,
    /// The language of `text` (see `QuestionView::language`).
    pub language: String,
}

#[derive(Debug, Serialize)]
pub struct FeedbackView {
    pub correct: String,
    pub incorrect: String,
    /// The language of both texts (see `QuestionView::language`).
    pub language: String,
}

#[derive(Debug, Serialize)]
pub struct AnswerView {
    pub response: Response,
    /// Present when the quiz shows feedback now (after each answer, or once submitted).
    pub scored: Option<Scored>,
}

#[derive(Debug, Serialize)]
pub struct QuizView {
    pub id: String,
    pub title: String,
    pub pass_mark_percent: u8,
    pub feedback: &'static str,
    pub attempt_id: i64,
    pub attempt_number: u32,
    pub attempts_left: Option<u32>,
    pub questions: Vec<QuestionView>,
    pub total: Option<Total>,
}

/// A learner's attempt at `quiz`, in `language`, without the expected answers.
pub fn quiz_view(module: &Manifest, quiz: &Quiz, attempt: &AttemptView, language: &str) -> QuizView {
    let offered: Vec<String> = module.languages.iter().chain(&module.partial_languages).cloned().collect();
    quiz_view_in(&offered, &module.default_language, quiz, attempt, language)
}

/// [`quiz_view`] for a module that offers the languages `offered` and falls back to
/// `default_language`: what the LMS player asks, without sending a whole manifest.
pub fn quiz_view_in(
    offered: &[String],
    default_language: &str,
    quiz: &Quiz,
    attempt: &AttemptView,
    language: &str,
) -> QuizView {
    let language = if offered.iter().any(|l| l == language) { language } else { default_language };
    let text = |texts: &BTreeMap<String, String>| localized(texts, language, default_language).to_owned();
    // Each text with its language: a partial translation may lack some (shown in English).
    let text_in = |texts: &BTreeMap<String, String>| {
        localized_with_language(texts, language, default_language)
            .map_or((String::new(), language.to_owned()), |(text, lang)| (text.to_owned(), lang.to_owned()))
    };
    let option = |id: &String, texts: &BTreeMap<String, String>| {
        let (text, language) = text_in(texts);
        OptionView { id: id.clone(), text, language }
    };
    let immediate = quiz.feedback == FeedbackTiming::Immediate;
    let revealed = attempt.total.is_some();
    let Layout { questions: order, options: shown } = &attempt.layout;
    let questions = order
        .iter()
        .filter_map(|id| quiz.questions.iter().find(|q| &q.id == id))
        .map(|question| {
            let order: &[String] = shown.get(&question.id).map_or(&[], Vec::as_slice);
            let (options, left) = match &question.answer {
                Answer::SingleChoice { options, .. } | Answer::MultipleChoice { options, .. } => {
                    (arrange(order, options.iter().map(|o| option(&o.id, &o.text))), Vec::new())
                }
                Answer::Ordering { items } => {
                    (arrange(order, items.iter().map(|i| option(&i.id, &i.text))), Vec::new())
                }
                Answer::Matching { pairs, .. } => (
                    arrange(order, pairs.iter().map(|p| option(&p.id, &p.right))),
                    pairs.iter().map(|p| option(&p.id, &p.left)).collect(),
                ),
                Answer::TrueFalse { .. } | Answer::ShortText { .. } => (Vec::new(), Vec::new()),
            };
            let answered = attempt.answers.get(&question.id);
            let show = revealed || (immediate && answered.is_some());
            let (prompt, prompt_language) = text_in(&question.prompt);
            QuestionView {
                id: question.id.clone(),
                kind: question.answer.type_name(),
                prompt,
                language: prompt_language,
                image: question.image.clone(),
                points: question.points,
                options,
                left,
                feedback: question.feedback.as_ref().filter(|_| show).map(|f| {
                    let (correct, language) = text_in(&f.correct);
                    FeedbackView { correct, incorrect: text(&f.incorrect), language }
                }),
                answer: answered.map(|(response, scored)| AnswerView {
                    response: response.clone(),
                    scored: show.then_some(*scored),
                }),
            }
        })
        .collect();
    QuizView {
        id: quiz.id.clone(),
        title: text(&quiz.title),
        pass_mark_percent: quiz.pass_mark_percent,
        feedback: if immediate { "immediate" } else { "end" },
        attempt_id: attempt.attempt_id,
        attempt_number: attempt.number,
        attempts_left: attempt.attempts_left,
        questions,
        total: attempt.total,
    }
}

/// Options in the attempt's order (the bundle's order when the layout has none).
fn arrange(order: &[String], options: impl Iterator<Item = OptionView>) -> Vec<OptionView> {
    let mut all: Vec<OptionView> = options.collect();
    if !order.is_empty() {
        all.sort_by_key(|o| order.iter().position(|id| *id == o.id).unwrap_or(usize::MAX));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_view_of_a_manifest_holds_no_question_and_no_answer() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("modules/faire-avec/module.json");
        let manifest = Manifest::parse(&std::fs::read(path).unwrap()).unwrap();
        let quizzes: Vec<(String, usize)> = manifest
            .activities
            .iter()
            .filter_map(|a| match a {
                Activity::Quiz(q) => Some((q.id.clone(), q.questions.len())),
                _ => None,
            })
            .collect();
        assert!(!quizzes.is_empty() && quizzes.iter().all(|(_, n)| *n > 0));
        let json = serde_json::to_value(ManifestView::from(&manifest)).unwrap();
        let text = json.to_string();
        for forbidden in ["\"questions\"", "\"answer\"", "\"correct\"", "\"files\""] {
            assert!(!text.contains(forbidden), "{forbidden} reached the page view");
        }
        for (id, count) in quizzes {
            let quiz =
                json["activities"].as_array().unwrap().iter().find(|a| a["id"] == id.as_str()).unwrap();
            assert_eq!(quiz["question_count"], count);
        }
    }
}
