//! A learner's whole work in a module, recorded through the core's store as the app records it:
//! every lesson read, every capsule watched to its end, every quiz passed with right answers.
//! Shared by the core's tests and the app's UI tests (which include this file).

use dlis::Manifest;
use dlis::manifest::{Activity, Answer};
use dlis::quiz::Response;
use dlis::store::{Event, Store};

/// The right response to a question, typed answers in `language`.
pub fn right_response(answer: &Answer, language: &str) -> Response {
    match answer {
        Answer::SingleChoice { correct, .. } => Response::SingleChoice(correct.clone()),
        Answer::MultipleChoice { correct, .. } => Response::MultipleChoice(correct.iter().cloned().collect()),
        Answer::TrueFalse { correct } => Response::TrueFalse(*correct),
        Answer::Ordering { items } => Response::Ordering(items.iter().map(|i| i.id.clone()).collect()),
        Answer::Matching { pairs, .. } => {
            Response::Matching(pairs.iter().map(|p| (p.id.clone(), p.id.clone())).collect())
        }
        Answer::ShortText { accepted, .. } => {
            let list = accepted.get(language).or_else(|| accepted.values().next());
            Response::ShortText(list.and_then(|l| l.first()).cloned().unwrap_or_default())
        }
    }
}

/// Completes `module` for `learner_id`.
pub fn complete(store: &mut Store, learner_id: &str, module: &Manifest) {
    for activity in &module.activities {
        let id = activity.id().to_owned();
        match activity {
            Activity::Lesson(_) => {
                store.record(learner_id, module, &Event::LessonOpened { activity: id.clone() }).unwrap();
                store
                    .record(learner_id, module, &Event::LessonTime { activity: id.clone(), seconds: 240.0 })
                    .unwrap();
                store.record(learner_id, module, &Event::LessonRead { activity: id }).unwrap();
            }
            Activity::Video(video) => {
                let watched = Event::VideoWatched {
                    activity: id,
                    from: 0.0,
                    to: video.duration_seconds,
                    subtitle_language: None,
                };
                store.record(learner_id, module, &watched).unwrap();
            }
            Activity::Quiz(quiz) => {
                let attempt = store.start_quiz(learner_id, module, &id).unwrap();
                for question in &quiz.questions {
                    let response = right_response(&question.answer, &module.default_language);
                    store.answer(learner_id, module, attempt.attempt_id, &question.id, &response).unwrap();
                }
                assert!(store.submit_quiz(learner_id, module, attempt.attempt_id).unwrap().passed);
            }
            Activity::Survey(survey) => {
                let ratings = survey.statements().map(|(_, s)| (s.id.clone(), 4)).collect();
                store.take_survey(learner_id, module, &id, &ratings, None).unwrap();
            }
        }
    }
    assert!(
        store.module_progress(learner_id, module).unwrap().completed_at.is_some(),
        "{} complete",
        module.id
    );
}
