//! Self-assessment surveys: a learner's ratings, checked against the survey, and the profile
//! they give, one score per dimension. Pure functions: the store keeps the takes, the app and
//! the report read profiles from here, so that they all compute a score the same way.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::manifest::{Manifest, Survey, WritingProblem, learners_writing};

/// A learner's rating of each statement, by statement id: 1 for the scale's first point.
pub type Ratings = BTreeMap<String, u8>;

/// Longest written reflection kept, in characters: a page of text, like a note.
pub const MAX_REFLECTION: usize = 10_000;

/// Where a learner places themselves: each dimension's mean rating, in the survey's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The scale's highest point (its lowest is 1).
    pub scale: u8,
    pub dimensions: Vec<DimensionScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub id: String,
    /// The mean of the dimension's ratings, from 1 to `scale`, to the hundredth.
    pub mean: f64,
}

impl DimensionScore {
    /// The mean placed between 0 (every rating the lowest) and 1 (every rating the highest).
    pub fn scaled(&self, scale: u8) -> f64 {
        if scale <= 1 { 0.0 } else { ((self.mean - 1.0) / f64::from(scale - 1)).clamp(0.0, 1.0) }
    }
}

/// A dimension is weak below the middle of the scale: where modules that strengthen it help.
pub const WEAK_BELOW: f64 = 0.5;

impl Profile {
    /// Ids of the dimensions rated below the middle of the scale, weakest first.
    pub fn weak(&self) -> Vec<&str> {
        let mut weak: Vec<&DimensionScore> =
            self.dimensions.iter().filter(|d| d.scaled(self.scale) < WEAK_BELOW).collect();
        weak.sort_by(|a, b| a.mean.total_cmp(&b.mean));
        weak.into_iter().map(|d| d.id.as_str()).collect()
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RatingError {
    #[error("statement {0:?} is not rated: rate every statement before sending")]
    Missing(String),
    #[error("survey {survey:?} has no statement {statement:?}")]
    Unknown { survey: String, statement: String },
    #[error("{rating} is not a point of the scale for {statement:?} (1 to {scale})")]
    OutOfScale { statement: String, rating: u8, scale: u8 },
    #[error("a reflection is at most {MAX_REFLECTION} characters")]
    ReflectionTooLong,
    #[error("a reflection cannot hold control characters other than line breaks and tabs")]
    ReflectionControl,
}

/// Checks that `ratings` rate every statement of `survey`, each with a point of its scale.
pub fn check(survey: &Survey, ratings: &Ratings) -> Result<(), RatingError> {
    let scale = scale_of(survey);
    for (statement, rating) in ratings {
        if !survey.statements().any(|(_, s)| &s.id == statement) {
            return Err(RatingError::Unknown { survey: survey.id.clone(), statement: statement.clone() });
        }
        if !(1..=scale).contains(rating) {
            return Err(RatingError::OutOfScale { statement: statement.clone(), rating: *rating, scale });
        }
    }
    match survey.statements().find(|(_, s)| !ratings.contains_key(&s.id)) {
        Some((_, missing)) => Err(RatingError::Missing(missing.id.clone())),
        None => Ok(()),
    }
}

/// A reflection as kept: trimmed, `None` when empty.
pub fn clean_reflection(text: Option<&str>) -> Result<Option<String>, RatingError> {
    let Some(text) = text else { return Ok(None) };
    learners_writing(text, MAX_REFLECTION).map_err(|problem| match problem {
        WritingProblem::TooLong => RatingError::ReflectionTooLong,
        WritingProblem::Control => RatingError::ReflectionControl,
    })
}

/// The highest point of the survey's scale (a checked survey has 2 to 10).
pub fn scale_of(survey: &Survey) -> u8 {
    u8::try_from(survey.scale.len()).unwrap_or(u8::MAX)
}

/// The profile `ratings` give. A dimension none of whose statements is rated (ratings from an
/// older version of the survey) is left out.
pub fn profile(survey: &Survey, ratings: &Ratings) -> Profile {
    let dimensions = survey
        .dimensions
        .iter()
        .filter_map(|dimension| {
            let rated: Vec<f64> = dimension
                .statements
                .iter()
                .filter_map(|s| ratings.get(&s.id))
                .map(|r| f64::from(*r))
                .collect();
            (!rated.is_empty()).then(|| DimensionScore {
                id: dimension.id.clone(),
                mean: (rated.iter().sum::<f64>() / rated.len() as f64 * 100.0).round() / 100.0,
            })
        })
        .collect();
    Profile { scale: scale_of(survey), dimensions }
}

/// The modules among `modules` that strengthen one of the profile's weak dimensions, with
/// those dimensions, the weakest-helped first; the survey's own module is left out.
pub fn recommended<'m>(
    profile: &Profile,
    survey_module: &str,
    modules: impl IntoIterator<Item = &'m Manifest>,
) -> Vec<(&'m Manifest, Vec<String>)> {
    let weak = profile.weak();
    let mut out: Vec<(usize, &Manifest, Vec<String>)> = modules
        .into_iter()
        .filter(|m| m.id != survey_module)
        .filter_map(|m| {
            let helped: Vec<(usize, String)> = weak
                .iter()
                .enumerate()
                .filter(|(_, d)| m.strengthens.iter().any(|s| s == *d))
                .map(|(rank, d)| (rank, (*d).to_owned()))
                .collect();
            let first = helped.first()?.0;
            Some((first, m, helped.into_iter().map(|(_, d)| d).collect()))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    out.into_iter().map(|(_, m, dims)| (m, dims)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{Dimension, ScalePoint, SurveyStatement};

    fn survey() -> Survey {
        let text = |t: &str| [("en".to_owned(), t.to_owned())].into();
        let dimension = |id: &str, statements: &[&str]| Dimension {
            id: id.into(),
            title: text(id),
            statements: statements
                .iter()
                .map(|s| SurveyStatement { id: (*s).into(), text: text(s) })
                .collect(),
        };
        Survey {
            id: "self".into(),
            title: text("Self"),
            intro: text("Rate"),
            scale: (1..=5).map(|i| ScalePoint { label: text(&i.to_string()) }).collect(),
            dimensions: vec![
                dimension("safety", &["phishing", "devices"]),
                dimension("ethics", &["consent"]),
            ],
            reflection: None,
        }
    }

    fn ratings(pairs: &[(&str, u8)]) -> Ratings {
        pairs.iter().map(|(s, r)| ((*s).to_owned(), *r)).collect()
    }

    #[test]
    fn every_statement_is_rated_on_the_scale() {
        let survey = survey();
        assert_eq!(check(&survey, &ratings(&[("phishing", 2), ("devices", 5), ("consent", 1)])), Ok(()));
        assert_eq!(
            check(&survey, &ratings(&[("phishing", 2), ("devices", 5)])),
            Err(RatingError::Missing("consent".into()))
        );
        assert!(matches!(
            check(&survey, &ratings(&[("phishing", 6), ("devices", 5), ("consent", 1)])),
            Err(RatingError::OutOfScale { rating: 6, scale: 5, .. })
        ));
        assert!(matches!(
            check(&survey, &ratings(&[("phishing", 0), ("devices", 5), ("consent", 1)])),
            Err(RatingError::OutOfScale { rating: 0, .. })
        ));
        assert!(matches!(
            check(&survey, &ratings(&[("phishing", 1), ("devices", 5), ("consent", 1), ("x", 1)])),
            Err(RatingError::Unknown { .. })
        ));
    }

    #[test]
    fn a_dimension_scores_the_mean_of_its_ratings_and_weak_ones_come_weakest_first() {
        let profile = profile(&survey(), &ratings(&[("phishing", 2), ("devices", 3), ("consent", 1)]));
        assert_eq!(profile.dimensions[0], DimensionScore { id: "safety".into(), mean: 2.5 });
        assert_eq!(profile.dimensions[0].scaled(5), 0.375);
        assert_eq!(profile.weak(), ["ethics", "safety"]);
        let strong = super::profile(&survey(), &ratings(&[("phishing", 3), ("devices", 4), ("consent", 5)]));
        assert!(strong.weak().is_empty(), "3.5 of 5 is above the middle");
    }

    #[test]
    fn reflections_are_trimmed_and_bounded() {
        assert_eq!(clean_reflection(Some("  \n ")), Ok(None));
        assert_eq!(clean_reflection(Some(" a\r\nb ")), Ok(Some("a\nb".into())));
        assert_eq!(clean_reflection(Some("a\u{1b}[2J")), Err(RatingError::ReflectionControl));
        assert_eq!(
            clean_reflection(Some(&"x".repeat(MAX_REFLECTION + 1))),
            Err(RatingError::ReflectionTooLong)
        );
    }
}
