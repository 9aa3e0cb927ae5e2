//! `dlis self-assessment`: a learner takes a module's survey (ratings from a JSON file, as the
//! app's form sends them) and reads their profiles back, first take beside the latest, with
//! the installed modules that strengthen their weak dimensions. A profile with a PIN asks for
//! it, as for notes.

use std::path::Path;

use anyhow::{Context, Result, bail};
use dlis::Library;
use dlis::manifest::{Activity, Manifest, Survey, localized};
use dlis::survey::{Ratings, recommended};

use crate::notes::unlock;

/// The survey `survey_id` of `module`, or its only survey when none is named.
fn find<'m>(module: &'m Manifest, survey_id: Option<&str>) -> Result<&'m Survey> {
    let mut surveys = module.activities.iter().filter_map(|a| match a {
        Activity::Survey(s) if survey_id.is_none_or(|id| id == s.id) => Some(s),
        _ => None,
    });
    match (surveys.next(), survey_id) {
        (Some(survey), _) => Ok(survey),
        (None, Some(id)) => bail!("module {} has no survey {id:?}", module.id),
        (None, None) => bail!("module {} has no survey", module.id),
    }
}

pub fn take(
    data_dir: &Path,
    learner_id: &str,
    module_id: &str,
    survey_id: Option<&str>,
    ratings: &Path,
    reflection: Option<&str>,
    pin_stdin: bool,
) -> Result<()> {
    let mut store = unlock(data_dir, learner_id, pin_stdin)?;
    let bundle = Library::new(data_dir).open(module_id)?;
    let module = bundle.manifest();
    let survey = find(module, survey_id)?;
    let text =
        std::fs::read_to_string(ratings).with_context(|| format!("cannot read {}", ratings.display()))?;
    let ratings: Ratings = serde_json::from_str(&text).with_context(|| {
        format!(
            "{}: expected a JSON object of statement ids and ratings, e.g. {{\"rechercher\": 3}}",
            ratings.display()
        )
    })?;
    let take = store.take_survey(learner_id, module, &survey.id, &ratings, reflection)?;
    outln!("took {} / {} ({} statements rated)", module.id, survey.id, ratings.len());
    for d in &take.profile.dimensions {
        outln!("  {:<16} {:.2} of {}", d.id, d.mean, take.profile.scale);
    }
    Ok(())
}

pub fn show(
    data_dir: &Path,
    learner_id: &str,
    module_id: &str,
    survey_id: Option<&str>,
    json: bool,
    pin_stdin: bool,
) -> Result<()> {
    let store = unlock(data_dir, learner_id, pin_stdin)?;
    let learner = store.learner(learner_id)?;
    let library = Library::new(data_dir);
    let bundle = library.open(module_id)?;
    let module = bundle.manifest();
    let survey = find(module, survey_id)?;
    let takes = store.survey_takes(learner_id, module, &survey.id)?;
    // A damaged module is `dlis list`'s to report: here it recommends nothing.
    let (installed, _) = library.list()?;
    let advice = match takes.last() {
        Some(last) => recommended(&last.profile, &module.id, installed.iter().map(|i| &*i.manifest)),
        None => Vec::new(),
    };
    if json {
        let advice: Vec<_> = advice
            .iter()
            .map(|(m, dimensions)| serde_json::json!({ "module": m.id, "dimensions": dimensions }))
            .collect();
        outln!("{}", serde_json::json!({ "takes": takes, "recommended": advice }));
        return Ok(());
    }
    let lang = learner.language.as_str();
    let (Some(first), Some(last)) = (takes.first(), takes.last()) else {
        outln!("{} has not taken {} / {} yet", learner.display_name, module.id, survey.id);
        return Ok(());
    };
    outln!(
        "{}: {} take(s) of {}, first {}, latest {} (mean of 1 to {})",
        learner.display_name,
        takes.len(),
        localized(&survey.title, lang, &module.default_language),
        first.taken_at,
        last.taken_at,
        last.profile.scale
    );
    for dimension in &survey.dimensions {
        let mean = |take: &dlis::store::SurveyTake| {
            take.profile.dimensions.iter().find(|d| d.id == dimension.id).map(|d| d.mean)
        };
        let (Some(before), Some(now)) = (mean(first), mean(last)) else { continue };
        let title = localized(&dimension.title, lang, &module.default_language);
        outln!("  {:<16} {before:.2} -> {now:.2}  {title}", dimension.id);
    }
    for (m, dimensions) in &advice {
        outln!("recommended: {} ({}) for {}", m.id, m.title_in(lang), dimensions.join(", "));
    }
    Ok(())
}
