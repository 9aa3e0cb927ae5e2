//! Sending statements to the institution's Learning Record Store, exactly once.
//!
//! A statement counts as sent only once the LRS acknowledged it. Re-sending is safe because
//! the outbox holds the exact bytes of each statement and an LRS stores a statement id only
//! once. Every answer is handled on purpose:
//!
//! | answer | what happens |
//! |---|---|
//! | 200 with one id per statement sent, in order | the whole batch is acknowledged |
//! | 200 listing some of them, in order (Ralph lists only the new ones), or 204 | those listed are acknowledged; each other statement is looked up by id |
//! | 400 | the batch is split until the refused statement is alone; it is set aside with the LRS's reason |
//! | 401, 403 | stop: the credentials must be fixed |
//! | 409 | each statement is looked up by id: those the LRS holds are acknowledged, the others resent alone |
//! | 413 | smaller batches |
//! | 429, 5xx, network errors | stop this pass; the caller backs off (honouring `Retry-After`) |
//! | anything else: a redirect, a 200 that does not list the statements sent | not stored: stop this pass and back off |
//!
//! Redirects are never followed: a captive portal answers 302 and then 200 to the GET it
//! turned the POST into, which would pass for an acknowledgement, and following a redirect to
//! another host could hand it the institution's credentials.

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
    /// The identifier learners may link their profile to (`crate::account`); without it,
    /// every profile stays pseudonymous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner_identifier: Option<crate::account::IdentifierRule>,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsAccess {
    /// The LRS's xAPI endpoint, e.g. `https://lrs.example.org/xAPI/`.
    pub endpoint: String,
    pub username: String,
    pub password: String,
}

impl LrsAccess {
    /// The access to `endpoint` as `username`, with `password` when one is given. Without
    /// one, the `saved` password is used only for the endpoint and user it was saved for:
    /// credentials belong to an endpoint, so whoever changes the address or the user must
    /// know the password (or the next sync would hand it to their host).
    pub fn reuse(
        saved: Option<&LrsAccess>,
        endpoint: &str,
        username: &str,
        password: Option<&str>,
    ) -> Result<LrsAccess, SyncError> {
        let endpoint = url_like(endpoint).map_err(SyncError::BadInstitution)?;
        let password = match (password.filter(|p| !p.is_empty()), saved) {
            (Some(password), _) => password.to_owned(),
            (None, Some(saved)) if saved.is_for(&endpoint, username) => saved.password.clone(),
            (None, Some(saved)) => {
                return Err(SyncError::PasswordNeeded {
                    endpoint,
                    saved: saved.endpoint.clone(),
                    user: saved.username.clone(),
                });
            }
            (None, None) => return Err(SyncError::BadInstitution("the LRS password is missing".into())),
        };
        Ok(LrsAccess { endpoint, username: username.to_owned(), password })
    }

    /// Whether these credentials were given for this endpoint and user.
    fn is_for(&self, endpoint: &str, username: &str) -> bool {
        url_like(&self.endpoint).is_ok_and(|saved| saved == endpoint) && self.username == username
    }

    /// True when the endpoint sends the password and the records unencrypted over a network
    /// (`http://` to anything but this computer).
    pub fn is_unencrypted(&self) -> bool {
        plain_http_off_machine(&self.endpoint)
    }
}

fn plain_http_off_machine(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else { return false };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    let loopback = host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    !(loopback || host.eq_ignore_ascii_case("localhost"))
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
    #[error(
        "the saved password belongs to {saved} as {user:?}; give the password for {endpoint} \
         (credentials are never sent to another address or user)"
    )]
    PasswordNeeded { endpoint: String, saved: String, user: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SyncError {
    /// A stable name for the errors a learner or a trainer can act on, for an interface to
    /// say them in its own words: `no-institution`, `credentials`, `unreachable`. The store
    /// keeps it with the last sync error; the other error types of the core have theirs.
    pub fn kind(&self) -> Option<crate::ErrorKind> {
        match self {
            SyncError::NotConfigured => Some(crate::ErrorKind::NoInstitution),
            SyncError::Unauthorized { .. } => Some(crate::ErrorKind::Credentials),
            SyncError::Unavailable { .. } => Some(crate::ErrorKind::Unreachable),
            SyncError::PasswordNeeded { .. } => Some(crate::ErrorKind::PasswordNeeded),
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
        if let Some(rule) = &institution.learner_identifier {
            rule.check_rule().map_err(SyncError::BadInstitution)?;
        }
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
    /// 200, with the ids the LRS says it stored (xAPI: one per statement, in order).
    Stored(Vec<String>),
    /// 204: stored, says the LRS without a word (Ralph: every statement was already there).
    NoContent,
    /// Not an answer of an LRS: a redirect, a 200 whose body is not a list of ids, another status.
    Unexpected(String),
    BadRequest(String),
    Unauthorized(u16),
    Conflict,
    TooLarge,
    Busy {
        status: Option<u16>,
        detail: String,
        retry_after: Option<Duration>,
    },
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
            .max_redirects(0)
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
        match status {
            200 => match serde_json::from_str::<Vec<String>>(&body_of(&mut response)) {
                Ok(ids) => Answer::Stored(ids),
                Err(_) => Answer::Unexpected("the LRS answered 200 without a list of statement ids".into()),
            },
            204 => Answer::NoContent,
            300..=399 => Answer::Unexpected(redirect(status, response.headers())),
            400 | 422 => Answer::BadRequest(body_of(&mut response).chars().take(500).collect()),
            401 | 403 => Answer::Unauthorized(status),
            409 => Answer::Conflict,
            413 => Answer::TooLarge,
            429 | 500..=599 => {
                Answer::Busy { status: Some(status), detail: format!("HTTP {status}"), retry_after }
            }
            _ => Answer::Unexpected(format!("the LRS answered HTTP {status} to statements sent")),
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
                let Ok(value) = serde_json::from_str::<serde_json::Value>(&body_of(&mut response)) else {
                    return Err(Answer::Unexpected(
                        "the LRS answered a lookup with something not JSON".into(),
                    ));
                };
                // The statement itself, as xAPI says, or a `{"statements": [...]}` page as Ralph answers.
                let stored = match value.get("statements") {
                    Some(list) => list.as_array().and_then(|list| list.first()).cloned(),
                    None => Some(value),
                };
                Ok(stored.filter(|s| s["id"].as_str() == Some(statement_id)))
            }
            404 => Ok(None),
            status @ (401 | 403) => Err(Answer::Unauthorized(status)),
            status @ 300..=399 => Err(Answer::Unexpected(redirect(status, response.headers()))),
            status => Err(Answer::Busy {
                status: Some(status),
                detail: format!("HTTP {status}"),
                retry_after: None,
            }),
        }
    }
}

/// The body of an answer, as text (bounded by ureq's 10 MB limit); empty when unreadable.
fn body_of(response: &mut ureq::http::Response<ureq::Body>) -> String {
    response.body_mut().read_to_string().unwrap_or_default()
}

fn redirect(status: u16, headers: &ureq::http::HeaderMap) -> String {
    let to = headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or("nowhere");
    let to: String = to.chars().take(200).filter(|c| !c.is_control()).collect();
    format!(
        "the LRS address answered a redirect ({status}) to {to:?}, which is not followed (a Wi-Fi login page?)"
    )
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
        Answer::Stored(ids) => {
            let Some(listed) = listed_in_order(batch, &ids) else {
                return Err(SyncError::Unavailable {
                    detail: "the LRS answered 200 with ids of statements that were not sent".into(),
                    retry_after: None,
                });
            };
            let (mut stored, mut unlisted) = (Vec::new(), Vec::new());
            for (pending, listed) in batch.iter().zip(listed) {
                if listed { &mut stored } else { &mut unlisted }.push(pending.clone());
            }
            if !stored.is_empty() {
                ledger.acknowledged(&stored)?;
                sent.acknowledged += stored.len() as u64;
            }
            confirm(client, &unlisted, ledger, sent)?;
        }
        Answer::NoContent => confirm(client, batch, ledger, sent)?,
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
            let rest = look_up(client, batch, ledger, sent)?;
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

/// For each statement sent, whether `ids` lists it; `None` unless `ids` lists statements of
/// the batch, each once, in the batch's order.
fn listed_in_order(batch: &[Pending], ids: &[String]) -> Option<Vec<bool>> {
    let mut listed = vec![false; batch.len()];
    let mut next = 0;
    for id in ids {
        let at = next + batch[next..].iter().position(|p| &p.statement_id == id)?;
        listed[at] = true;
        next = at + 1;
    }
    Some(listed)
}

/// Statements the LRS said it stored without naming them (204, or left out of a 200's list):
/// each is acknowledged only once the LRS shows it; those it does not hold are sent again.
fn confirm(
    client: &Client,
    batch: &[Pending],
    ledger: &mut dyn Ledger,
    sent: &mut Sent,
) -> Result<(), SyncError> {
    if batch.is_empty() {
        return Ok(());
    }
    let rest = look_up(client, batch, ledger, sent)?;
    if rest.len() == batch.len() {
        // It said "stored" and holds none of them: whatever answered is not keeping records.
        return Err(SyncError::Unavailable {
            detail: "the LRS said it stored statements that it does not hold".into(),
            retry_after: None,
        });
    }
    send(client, &rest, ledger, sent)
}

/// Asks the LRS about each statement: those it holds are acknowledged (or set aside when it
/// holds another statement under the id); returns those it does not hold.
fn look_up(
    client: &Client,
    batch: &[Pending],
    ledger: &mut dyn Ledger,
    sent: &mut Sent,
) -> Result<Vec<Pending>, SyncError> {
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
    Ok(rest)
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
        Answer::Unexpected(detail) => SyncError::Unavailable { detail, retry_after: None },
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
            store.record_sync_error(&err.to_string(), err.kind().map(crate::ErrorKind::as_str))?;
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

    fn pending(ids: &[&str]) -> Vec<Pending> {
        ids.iter()
            .enumerate()
            .map(|(seq, id)| Pending { seq: seq as i64, statement_id: (*id).into(), json: "{}".into() })
            .collect()
    }

    fn ids(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| (*id).to_owned()).collect()
    }

    #[test]
    fn a_200_counts_only_for_the_statements_it_lists_in_order() {
        let batch = pending(&["a", "b", "c"]);
        assert_eq!(listed_in_order(&batch, &ids(&["a", "b", "c"])), Some(vec![true, true, true]));
        // Ralph lists only the statements it did not hold already.
        assert_eq!(listed_in_order(&batch, &ids(&["a", "c"])), Some(vec![true, false, true]));
        assert_eq!(listed_in_order(&batch, &[]), Some(vec![false, false, false]));
        for wrong in [&["c", "a"][..], &["a", "a"], &["x"], &["a", "b", "c", "d"]] {
            assert_eq!(listed_in_order(&batch, &ids(wrong)), None, "{wrong:?}");
        }
    }

    #[test]
    fn a_saved_password_goes_only_to_its_own_endpoint_and_user() {
        let saved = LrsAccess {
            endpoint: "https://lrs.example.org/xAPI/".into(),
            username: "dlis".into(),
            password: "s3cret".into(),
        };
        let kept = LrsAccess::reuse(Some(&saved), "https://lrs.example.org/xAPI", "dlis", None).unwrap();
        assert_eq!(kept.password, "s3cret", "the same endpoint, written without its slash");
        let elsewhere = LrsAccess::reuse(Some(&saved), "https://evil.example/xAPI/", "dlis", None);
        assert!(matches!(elsewhere, Err(SyncError::PasswordNeeded { .. })), "{elsewhere:?}");
        let other_user = LrsAccess::reuse(Some(&saved), &saved.endpoint, "admin", Some(""));
        assert!(matches!(other_user, Err(SyncError::PasswordNeeded { .. })), "{other_user:?}");
        let given = LrsAccess::reuse(Some(&saved), "https://evil.example/xAPI/", "x", Some("p")).unwrap();
        assert_eq!(given.password, "p");
        assert!(LrsAccess::reuse(None, &saved.endpoint, "dlis", None).is_err());
        let message = elsewhere.unwrap_err().to_string();
        assert!(!message.contains("s3cret"), "{message}");
    }

    #[test]
    fn plain_http_is_flagged_unless_it_stays_on_this_computer() {
        for unencrypted in ["http://lrs.example.org/xAPI/", "http://10.0.0.2:8100/", "http://u@127.example/"]
        {
            assert!(plain_http_off_machine(unencrypted), "{unencrypted}");
        }
        for fine in [
            "https://lrs.example.org/",
            "http://127.0.0.1:8100/xAPI/",
            "http://localhost/",
            "http://[::1]:80/",
        ] {
            assert!(!plain_http_off_machine(fine), "{fine}");
        }
    }
}
