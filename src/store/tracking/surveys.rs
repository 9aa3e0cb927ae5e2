//! Self-assessment surveys taken: each take kept whole, never replaced, so that a learner sees
//! their first profile beside their latest.
//!
//! A take's statements say each rating (`responded`, a `likert` interaction) and the profile
//! (`completed`, with the dimensions' means as [`xapi::SURVEY_PROFILE_EXTENSION`]). The written
//! reflection stays in the profile, like a note: no statement carries it.

use serde::Serialize;

use super::*;
use crate::manifest::Survey;
use crate::survey::{self, Profile, Ratings};

/// One take of a survey, as the learner's results screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyTake {
    pub id: i64,
    pub taken_at: String,
    pub ratings: Ratings,
    pub reflection: Option<String>,
    /// The profile under the installed version of the survey.
    pub profile: Profile,
}

fn find_survey<'m>(module: &'m Manifest, id: &str) -> Result<&'m Survey, TrackError> {
    match find(module, id)? {
        Activity::Survey(survey) => Ok(survey),
        other => Err(wrong_kind(other, "survey")),
    }
}

impl Store {
    /// Records a take of a survey: every statement rated, and a reflection if the learner
    /// wrote one. One transaction with its statements, as every tracking call.
    pub fn take_survey(
        &mut self,
        learner_id: &str,
        module: &Manifest,
        survey_id: &str,
        ratings: &Ratings,
        reflection: Option<&str>,
    ) -> Result<SurveyTake, TrackError> {
        let survey = find_survey(module, survey_id)?;
        survey::check(survey, ratings)?;
        let reflection = survey::clean_reflection(reflection)?;
        let (language, home, account) = self.speaker(learner_id)?;
        let ratings_json = serde_json::to_string(ratings).map_err(|e| TrackError::Invalid(e.to_string()))?;
        let profile = survey::profile(survey, ratings);
        let mut tx = self.begin(learner_id, module, &language, &home, &account)?;
        tx.tx.run(
            "INSERT INTO survey_take (learner_id, module_id, activity_id, ratings, reflection, taken_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (learner_id, &module.id, &survey.id, &ratings_json, &reflection, &tx.at),
        )?;
        let id = tx.tx.last_insert_rowid();
        for (_, statement) in survey.statements() {
            let (object, result) = xapi::responded(module, survey, statement, ratings[&statement.id]);
            tx.statement(verbs::RESPONDED, object, Some(result));
        }
        let object = tx.object(find(module, survey_id)?);
        tx.statement(verbs::COMPLETED, object, Some(xapi::survey_completed(&profile)));
        // The event log keeps the ratings, not the reflection: it is private like a note.
        tx.event(Some(&survey.id), "survey_taken", &serde_json::json!({ "take": id, "ratings": ratings }))?;
        let taken_at = tx.at.clone();
        tx.finish(&survey.id)?;
        Ok(SurveyTake { id, taken_at, ratings: ratings.clone(), reflection, profile })
    }

    /// Every take of a survey by the learner, the first first.
    pub fn survey_takes(
        &self,
        learner_id: &str,
        module: &Manifest,
        survey_id: &str,
    ) -> Result<Vec<SurveyTake>, TrackError> {
        let survey = find_survey(module, survey_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, taken_at, ratings, reflection FROM survey_take
             WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3 ORDER BY taken_at, id",
        )?;
        let rows = stmt.query_map((learner_id, &module.id, survey_id), |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get(3)?))
        })?;
        let mut takes = Vec::new();
        for row in rows {
            let (id, taken_at, ratings, reflection) = row?;
            let ratings: Ratings = serde_json::from_str(&ratings)
                .map_err(|e| TrackError::Invalid(format!("survey take {id}: {e}")))?;
            let profile = survey::profile(survey, &ratings);
            takes.push(SurveyTake { id, taken_at, ratings, reflection, profile });
        }
        Ok(takes)
    }
}
