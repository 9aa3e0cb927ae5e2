//! Sending statements to the institution's Learning Record Store, exactly once.
//!
//! A statement counts as sent only once the LRS acknowledged it. Re-sending is safe because
//! the outbox holds the exact bytes of each statement and an LRS stores a statement id only
//! once. Every answer is handled on purpose:
//!
//! | answer | what happens |
//! |---|---|
//! | 200, 204 | the whole batch is acknowledged |
//! | 400 | the batch is split until the refused statement is alone; it is set aside with the LRS's reason |
//! | 401, 403 | stop: the credentials must be fixed |
//! | 409 | each statement is looked up by id: those the LRS holds are acknowledged, the others resent alone |
//! | 413 | smaller batches |
//! | 429, 5xx, network errors | stop this pass; the caller backs off (honouring `Retry-After`) |

use std::time::Duration;

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::store::{Pending, Store, StoreError};

/// How the app and `dlis sync` reach the institution's LRS.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    pub name: String,
    /// Home page of learner accounts in statements, e.g. the institution's web site.
    pub home_page: String,
    pub lrs: LrsAccess,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsAccess {
    /// The LRS's xAPI endpoint, e.g. `https://lrs.example.org/xAPI/`.
    pub endpoint: String,
    pub username: String,
    pub password: String,
}

/// Credentials never appear in logs: `Debug` leaves the password out.
impl std::fmt::Debug for LrsAccess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LrsAccess")
            .field("endpoint", &self.endpoint)
            .field("username", &self.username)
            .finish()
    }
}

impl std::fmt::Debug for Institution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Institution").field("name", &self.name).field("lrs", &self.lrs).finish()
    }
}

const INSTITUTION_SETTING: &str = "institution";

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("no institution is set up; a trainer installs one with `dlis institution set FILE`")]
    NotConfigured,
    #[error("the institution file is not valid: {0}")]
    BadInstitution(String),
    #[error("the LRS refused the credentials ({status}); ask the institution for the right ones")]
    Unauthorized { status: u16 },
    #[error("the LRS cannot be reached or is busy ({detail}); will try again later")]
    Unavailable { detail: String, retry_after: Option<Duration> },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SyncError {
    /// A stable name for the errors a learner or a trainer can act on, for an interface to
    /// say them in its own words: `no-institution`, `credentials`, `unreachable`. The store
    /// keeps it with the last sync error; the other error types of the core have theirs.
    pub fn kind(&self) -> Option<&'static str> {
        match self {
            SyncError::NotConfigured => Some("no-institution"),
            SyncError::Unauthorized { .. } => Some("credentials"),
            SyncError::Unavailable { .. } => Some("unreachable"),
            SyncError::BadInstitution(_) | SyncError::Store(_) => None,
        }
    }
}

impl Store {
    pub fn institution(&self) -> Result<Option<Institution>, SyncError> {
        match self.setting(INSTITUTION_SETTING)? {
            None => Ok(None),
            Some(json) => {
                serde_json::from_str(&json).map(Some).map_err(|e| SyncError::BadInstitution(e.to_string()))
            }
        }
    }

    /// Installs the institution profile; statements made from now on use its home page.
    pub fn set_institution(&self, institution: &Institution) -> Result<(), SyncError> {
        let endpoint = url_like(&institution.lrs.endpoint).map_err(SyncError::BadInstitution)?;
        url_like(&institution.home_page).map_err(SyncError::BadInstitution)?;
        let mut institution = institution.clone();
        institution.lrs.endpoint = endpoint;
        let json =
            serde_json::to_string(&institution).map_err(|e| SyncError::BadInstitution(e.to_string()))?;
        self.set_setting(INSTITUTION_SETTING, &json)?;
        self.set_setting(crate::store::settings::HOME_PAGE, &institution.home_page)?;
        Ok(())
    }
}

/// Checks an http(s) URL and gives the endpoint a trailing slash.
fn url_like(url: &str) -> Result<String, String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !url.contains(char::is_whitespace) => {
            Ok(if url.ends_with('/') { url.to_owned() } else { format!("{url}/") })
        }
        _ => Err(format!("{url:?} is not an http:// or https:// address")),
    }
}

/// What the LRS answered to one POST.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Stored,
    BadRequest(String),
    Unauthorized(u16),
    Conflict,
    TooLarge,
    Busy { status: Option<u16>, detail: String, retry_after: Option<Duration> },
}

/// An xAPI client for one LRS.
pub struct Client {
    agent: ureq::Agent,
    statements_url: String,
    authorization: String,
}

impl Client {
    /// A client that gives up on a request after a minute (then the sync backs off).
    pub fn new(access: &LrsAccess) -> Result<Client, SyncError> {
        Client::with_timeout(access, Duration::from_secs(60))
    }

    /// A client whose requests fail after `timeout` (connecting: at most 10 s of it).
    pub fn with_timeout(access: &LrsAccess, timeout: Duration) -> Result<Client, SyncError> {
        let endpoint = url_like(&access.endpoint).map_err(SyncError::BadInstitution)?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
            .timeout_global(Some(timeout))
            .build()
            .into();
        let credentials = format!("{}:{}", access.username, access.password);
        Ok(Client {
            agent,
            statements_url: format!("{endpoint}statements"),
            authorization: format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(credentials)),
        })
    }

    /// POSTs a batch of statements (each the exact JSON text to send).
    pub fn post(&self, statements: &[&str]) -> Answer {
        let body = format!("[{}]", statements.join(","));
        let response = self
            .agent
            .post(&self.statements_url)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json")
            .send(body.as_bytes());
        let mut response = match response {
            Ok(response) => response,
            Err(err) => return Answer::Busy { status: None, detail: err.to_string(), retry_after: None },
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let mut reason = || {
            let text = response.body_mut().read_to_string().unwrap_or_default();
            text.chars().take(500).collect::<String>()
        };
        match status {
            200 | 204 => Answer::Stored,
            400 | 422 => Answer::BadRequest(reason()),
            401 | 403 => Answer::Unauthorized(status),
            409 => Answer::Conflict,
            413 => Answer::TooLarge,
            _ => Answer::Busy { status: Some(status), detail: format!("HTTP {status}"), retry_after },
        }
    }

    /// The statement the LRS holds under this id, if any (GET `?statementId=`).
    pub fn lookup(&self, statement_id: &str) -> Result<Option<serde_json::Value>, Answer> {
        let response = self
            .agent
            .get(&self.statements_url)
            .query("statementId", statement_id)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", "1.0.3")
            .call();
        let mut response = match response {
            Ok(response) => response,
            Err(err) => {
                return Err(Answer::Busy { status: None, detail: err.to_string(), retry_after: None });
            }
        };
        match response.status().as_u16() {
            200 => {
                let body = response.body_mut().read_to_string().map_err(|err| Answer::Busy {
                    status: Some(200),
                    detail: err.to_string(),
                    retry_after: None,
                })?;
                let value: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                // The statement itself, as xAPI says, or a `{"statements": [...]}` page as Ralph answers.
                Ok(match value.get("statements") {
                    Some(list) => list.as_array().and_then(|list| list.first()).cloned(),
                    None => value.get("id").is_some().then_some(value),
                })
            }
            404 => Ok(None),
            status @ (401 | 403) => Err(Answer::Unauthorized(status)),
            status => Err(Answer::Busy {
                status: Some(status),
                detail: format!("HTTP {status}"),
                retry_after: None,
            }),
        }
    }
}

/// Where acknowledgements are recorded: the outbox for `dlis sync`, a tally for `dlis push`.
pub trait Ledger {
    fn acknowledged(&mut self, statements: &[Pending]) -> Result<(), StoreError>;
    fn rejected(&mut self, statement: &Pending, reason: &str) -> Result<(), StoreError>;
}

impl Ledger for Store {
    fn acknowledged(&mut self, statements: &[Pending]) -> Result<(), StoreError> {
        self.mark_synced(statements)
    }

    fn rejected(&mut self, statement: &Pending, reason: &str) -> Result<(), StoreError> {
        self.mark_rejected(statement, reason)
    }
}

/// What one pass sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sent {
    pub acknowledged: u64,
    pub rejected: u64,
}

/// Sends `batch` (and, on 400/409/413, its parts) until each statement is acknowledged or
/// rejected. Stops with an error on credentials problems and when the LRS is unavailable.
pub fn send(
    client: &Client,
    batch: &[Pending],
    ledger: &mut dyn Ledger,
    sent: &mut Sent,
) -> Result<(), SyncError> {
    if batch.is_empty() {
        return Ok(());
    }
    let bodies: Vec<&str> = batch.iter().map(|p| p.json.as_str()).collect();
    match client.post(&bodies) {
        Answer::Stored => {
            ledger.acknowledged(batch)?;
            sent.acknowledged += batch.len() as u64;
        }
        Answer::BadRequest(_) | Answer::TooLarge if batch.len() > 1 => {
            let (left, right) = batch.split_at(batch.len() / 2);
            send(client, left, ledger, sent)?;
            send(client, right, ledger, sent)?;
        }
        Answer::BadRequest(reason) => {
            let reason =
                if reason.trim().is_empty() { "refused by the LRS (400)".to_owned() } else { reason };
            ledger.rejected(&batch[0], &reason)?;
            sent.rejected += 1;
        }
        Answer::TooLarge => {
            ledger.rejected(&batch[0], "too large for the LRS (413)")?;
            sent.rejected += 1;
        }
        Answer::Conflict => {
            // Some id of the batch is already there: ask the LRS about each statement.
            let mut rest = Vec::new();
            for pending in batch {
                match client.lookup(&pending.statement_id) {
                    Ok(Some(stored)) if same_statement(&stored, &pending.json) => {
                        ledger.acknowledged(std::slice::from_ref(pending))?;
                        sent.acknowledged += 1;
                    }
                    Ok(Some(_)) => {
                        ledger.rejected(pending, "the LRS holds a different statement with this id (409)")?;
                        sent.rejected += 1;
                    }
                    Ok(None) => rest.push(pending.clone()),
                    Err(answer) => return Err(stop(answer)),
                }
            }
            if rest.len() < batch.len() {
                send(client, &rest, ledger, sent)?;
            } else if batch.len() > 1 {
                let (left, right) = batch.split_at(batch.len() / 2);
                send(client, left, ledger, sent)?;
                send(client, right, ledger, sent)?;
            } else {
                // A conflict about a statement the LRS does not hold: try again later.
                return Err(SyncError::Unavailable {
                    detail: "the LRS answered 409 about a statement it does not hold".into(),
                    retry_after: None,
                });
            }
        }
        other => return Err(stop(other)),
    }
    Ok(())
}

/// Whether the statement the LRS holds is ours. Statement ids are random UUIDs made on this
/// machine, so the same id means the same statement unless its verb or object differ; the
/// LRS may add properties (`stored`, `authority`, `version`) and normalise others.
fn same_statement(stored: &serde_json::Value, ours: &str) -> bool {
    let Ok(ours) = serde_json::from_str::<serde_json::Value>(ours) else { return false };
    stored["verb"]["id"] == ours["verb"]["id"] && stored["object"]["id"] == ours["object"]["id"]
}

fn stop(answer: Answer) -> SyncError {
    match answer {
        Answer::Unauthorized(status) => SyncError::Unauthorized { status },
        Answer::Busy { detail, retry_after, .. } => SyncError::Unavailable { detail, retry_after },
        other => SyncError::Unavailable { detail: format!("{other:?}"), retry_after: None },
    }
}

/// One sync pass: drains the outbox in batches of `batch_size` until it is empty or the LRS
/// stops answering. Records the outcome for the app's sync status.
pub fn sync_once(store: &mut Store, client: &Client, batch_size: usize) -> Result<Sent, SyncError> {
    let mut sent = Sent::default();
    let result = loop {
        let batch = store.pending(batch_size.max(1))?;
        if batch.is_empty() {
            break Ok(());
        }
        if let Err(err) = send(client, &batch, store, &mut sent) {
            break Err(err);
        }
    };
    match result {
        Ok(()) => {
            if sent.acknowledged == 0 && sent.rejected == 0 {
                store.mark_synced(&[])?; // reachable, nothing to send: still a success
            }
            Ok(sent)
        }
        Err(err) => {
            store.record_sync_error(&err.to_string(), err.kind())?;
            Err(err)
        }
    }
}

/// Exponential backoff with full jitter, for retrying while the LRS is unreachable.
#[derive(Debug, Clone)]
pub struct Backoff {
    attempt: u32,
    base: Duration,
    max: Duration,
}

impl Backoff {
    pub fn new(base: Duration, max: Duration) -> Backoff {
        Backoff { attempt: 0, base, max }
    }

    /// The delay before the next try: random in [0, min(max, base·2ⁿ)], and never shorter
    /// than what the LRS asked for with `Retry-After`.
    pub fn next_delay(&mut self, retry_after: Option<Duration>) -> Duration {
        let ceiling = self.base.saturating_mul(1u32 << self.attempt.min(16)).min(self.max);
        self.attempt += 1;
        let jitter = rand_core::RngCore::next_u64(&mut rand_core::OsRng) as f64 / u64::MAX as f64;
        let delay = ceiling.mul_f64(jitter);
        retry_after.map_or(delay, |asked| delay.max(asked))
    }

    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_to_its_ceiling_and_honours_retry_after() {
        let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(60));
        for attempt in 0..12 {
            let delay = backoff.next_delay(None);
            let ceiling = Duration::from_secs(1 << attempt).min(Duration::from_secs(60));
            assert!(delay <= ceiling, "attempt {attempt}: {delay:?} > {ceiling:?}");
        }
        assert!(backoff.next_delay(Some(Duration::from_secs(120))) >= Duration::from_secs(120));
        backoff.reset();
        assert!(backoff.next_delay(None) <= Duration::from_secs(1));
    }

    #[test]
    fn endpoints_are_checked_and_end_with_a_slash() {
        assert_eq!(url_like("https://lrs.example.org/xAPI").unwrap(), "https://lrs.example.org/xAPI/");
        assert_eq!(url_like("http://127.0.0.1:8100/xAPI/").unwrap(), "http://127.0.0.1:8100/xAPI/");
        for bad in ["lrs.example.org", "ftp://x", "https://", "https://a b"] {
            assert!(url_like(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let access =
            LrsAccess { endpoint: "https://x/".into(), username: "u".into(), password: "hunter2".into() };
        assert!(!format!("{access:?}").contains("hunter2"));
    }
}
