//! A module exported for cmi5, launched as a cmi5 LMS launches it: the test plays the LMS's
//! part (the launch URL, the one-time auth token, `LMS.LaunchData` in the State API, the
//! "launched" statement) in front of a real Ralph LRS on loopback, which stores what the AU
//! sends. The statements must follow cmi5's rules and pass Ralph's strict model.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use dlis::manifest::Activity;
use serde_json::{Value, json};

use crate::browser::{Reply, Request};
use crate::lms_player::{Lms, quiz_of};
use crate::ralph::Lrs;

const CMI5: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVEON: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const SESSION: &str = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const REGISTRATION: &str = "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const TOKEN: &str = "ZGxpcy1hdTpub3QtdGhlLWxycy1wYXNzd29yZA==";

/// What the test LMS keeps: State API documents, whether this launch's token was fetched.
struct LmsSide {
    lrs_url: String,
    lrs_auth: String,
    state: Mutex<HashMap<String, Vec<u8>>>,
    fetched: Mutex<bool>,
}

impl LmsSide {
    fn answer(&self, request: &Request) -> Option<Reply> {
        let path = request.target.split('?').next().unwrap_or("");
        let query: HashMap<String, String> =
            request.target.split_once('?').map(|(_, q)| url_query(q)).unwrap_or_default();
        if path == "/lms/fetch" {
            // One token per launch (cmi5 §8.2.3): a second fetch is refused.
            let mut fetched = self.fetched.lock().unwrap();
            let reply = if *fetched {
                json!({ "error-code": "1", "error-text": "already fetched" })
            } else {
                json!({ "auth-token": TOKEN })
            };
            *fetched = true;
            return Some((200, "application/json", reply.to_string().into_bytes()));
        }
        let rest = path.strip_prefix("/lms/xapi/")?;
        if request.headers.get("authorization").map(String::as_str) != Some(&format!("Basic {TOKEN}")) {
            return Some((401, "text/plain", b"no or wrong token".to_vec()));
        }
        match (request.method, rest) {
            ("GET", "agents/profile") => Some((
                200,
                "application/json",
                json!({ "languagePreference": "en-GB,fr", "audioPreference": "on" }).to_string().into_bytes(),
            )),
            (method, "activities/state") => {
                let key = format!(
                    "{}|{}|{}|{}",
                    query.get("stateId")?,
                    query.get("activityId")?,
                    query.get("agent")?,
                    query.get("registration").map_or("", String::as_str)
                );
                let mut state = self.state.lock().unwrap();
                match method {
                    "GET" => Some(match state.get(&key) {
                        Some(doc) => (200, "application/json", doc.clone()),
                        None => (404, "text/plain", Vec::new()),
                    }),
                    "PUT" | "POST" => {
                        state.insert(key, request.body.to_vec());
                        Some((204, "text/plain", Vec::new()))
                    }
                    _ => Some((405, "text/plain", Vec::new())),
                }
            }
            (method @ ("POST" | "PUT"), "statements") => {
                let target = format!("{}/xAPI/statements", self.lrs_url);
                let builder =
                    if method == "PUT" { ureq::put(target.as_str()) } else { ureq::post(target.as_str()) };
                let response = builder
                    .header("Authorization", &self.lrs_auth)
                    .header("X-Experience-API-Version", "1.0.3")
                    .header("Content-Type", "application/json")
                    .config()
                    .http_status_as_error(false)
                    .build()
                    .send(request.body)
                    .ok()?;
                let status = response.status().as_u16();
                let body = response.into_body().read_to_vec().unwrap_or_default();
                Some((status, "application/json", body))
            }
            _ => Some((404, "text/plain", Vec::new())),
        }
    }

    /// What the LMS does to launch the AU: the launch data, then "launched".
    fn prepare(&self, actor: &Value, course: &str, au: &str, move_on: &str, mastery: f64, session: &str) {
        let template = json!({
            "contextActivities": { "grouping": [{ "objectType": "Activity", "id": course }] },
            "extensions": { SESSION: session },
        });
        let launch_data = json!({
            "contextTemplate": template, "launchMode": "Normal", "launchParameters": "",
            "moveOn": move_on, "masteryScore": mastery,
        });
        let key = format!("LMS.LaunchData|{au}|{actor}|{REGISTRATION}");
        self.state.lock().unwrap().insert(key, launch_data.to_string().into_bytes());
        *self.fetched.lock().unwrap() = false;
        let mut context = template.clone();
        context["registration"] = json!(REGISTRATION);
        context["contextActivities"]["category"] = json!([{ "id": CMI5 }]);
        context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/launchmode"] = json!("Normal");
        context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/moveon"] = json!(move_on);
        let launched = json!({
            "id": uuid(), "timestamp": now(), "actor": actor,
            "verb": { "id": "http://adlnet.gov/expapi/verbs/launched", "display": { "en-US": "launched" } },
            "object": { "objectType": "Activity", "id": au }, "context": context,
        });
        let status = ureq::post(format!("{}/xAPI/statements", self.lrs_url))
            .header("Authorization", &self.lrs_auth)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json")
            .send(launched.to_string())
            .unwrap()
            .status();
        assert_eq!(status.as_u16(), 200);
    }
}

fn url_query(query: &str) -> HashMap<String, String> {
    query.split('&').filter_map(|pair| pair.split_once('=')).map(|(k, v)| (decode(k), decode(v))).collect()
}

fn decode(text: &str) -> String {
    let bytes = text.replace('+', " ").into_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = std::str::from_utf8(bytes.get(i + 1..i + 3).unwrap_or(b""))
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn uuid() -> String {
    let n: u128 = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let hex = format!("{:032x}", n ^ 0x5a5a_1234_9876_abcd_0000_1111_2222_3333);
    format!("{}-{}-4{}-8{}-{}", &hex[..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..32])
}

fn now() -> String {
    let at = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

/// The value of `attribute` of the first `<element` in `xml`.
fn attribute(xml: &str, element: &str, attribute: &str) -> String {
    let start = xml.find(&format!("<{element} ")).unwrap_or_else(|| panic!("no <{element}> in {xml}"));
    let rest = &xml[start..];
    let at = rest.find(&format!(" {attribute}=\"")).unwrap_or_else(|| panic!("no {attribute} in {rest}"));
    let value = &rest[at + attribute.len() + 3..];
    value[..value.find('"').unwrap()].to_owned()
}

#[test]
fn a_learner_completes_a_cmi5_module_and_the_lrs_holds_what_cmi5_requires() {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
        let _browser = crate::lms_player::BROWSER.lock().await;
        let lrs_dir = crate::support::temp();
        let lrs = Lrs::start(lrs_dir.path());
        let side = Arc::new(LmsSide {
            lrs_url: lrs.url.clone(),
            lrs_auth: lrs.auth.clone(),
            state: Mutex::new(HashMap::new()),
            fetched: Mutex::new(false),
        });
        let handler_side = Arc::clone(&side);
        let (lms, dir) = Lms::serve("exclusion-numerique", "cmi5", true, crate::browser::Engine::Chromium, move |r| {
            handler_side.answer(r)
        })
        .await;
        let module = lms.module.clone();
        let quiz = quiz_of(&module);

        // What an LMS reads in the package: the course, its AU, moveOn and mastery score.
        let xml = std::fs::read_to_string(dir.path().join("package/cmi5.xml")).unwrap();
        let course = attribute(&xml, "course", "id");
        let au = attribute(&xml, "au", "id");
        let move_on = attribute(&xml, "au", "moveOn");
        let mastery: f64 = attribute(&xml, "au", "masteryScore").parse().unwrap();
        assert_eq!(move_on, "CompletedAndPassed");
        assert_eq!(mastery, f64::from(quiz.pass_mark_percent) / 100.0);
        let actor = json!({ "objectType": "Agent", "account": { "homePage": "https://lms.example.org", "name": "amina-h" } });
        let session = "5e7c1c8e-2f6a-4b1d-9e3c-7a8b9c0d1e2f";
        side.prepare(&actor, &course, &au, &move_on, mastery, session);
        let launch = format!(
            "/package/index.html?endpoint={}&fetch={}&actor={}&registration={REGISTRATION}&activityId={}",
            encode(&lms.site.url("/lms/xapi/")),
            encode(&lms.site.url("/lms/fetch")),
            encode(&actor.to_string()),
            encode(&au)
        );
        lms.browser.client.goto(&lms.site.url(&launch)).await.unwrap();
        lms.browser.find("main h1").await;
        // The learner's preference (en-GB) chose the language of the page and of the module.
        assert_eq!(lms.browser.js("return document.documentElement.lang").await, "en");

        for activity in &module.activities {
            match activity {
                Activity::Lesson(lesson) => lms.read_lesson(&lesson.id).await,
                Activity::Video(video) => lms.watch_capsule(&video.id).await,
                Activity::Quiz(_) => assert_eq!(lms.take_quiz(true).await, json!("true")),
                Activity::Survey(_) => unreachable!("an LMS package holds no survey"),
            }
        }
        lms.module_page().await;
        lms.browser.find("[data-testid=module-completed-at]").await;
        // The learner closes the window: the AU terminates.
        lms.browser.client.goto("about:blank").await.unwrap();
        let mut statements = Vec::new();
        for _ in 0..100 {
            statements = lrs.stored();
            if statements.iter().any(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/terminated") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        statements.sort_by(|a, b| a["timestamp"].as_str().cmp(&b["timestamp"].as_str()));
        let verb = |s: &Value| s["verb"]["id"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
        let on_au = |s: &&Value| s["object"]["id"] == json!(au);
        let defined: Vec<String> = statements.iter().filter(on_au).map(verb).collect();
        assert_eq!(defined, ["launched", "initialized", "completed", "passed", "terminated"], "the order cmi5 asks");

        let categories = |s: &Value| -> Vec<String> {
            s["context"]["contextActivities"]["category"]
                .as_array()
                .map(|c| c.iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect())
                .unwrap_or_default()
        };
        for statement in &statements {
            // Every statement of the AU's session: the registration, the session, the template.
            assert_eq!(statement["context"]["registration"], REGISTRATION, "{statement}");
            assert_eq!(statement["context"]["extensions"][SESSION], session, "{statement}");
            assert_eq!(statement["context"]["contextActivities"]["grouping"][0]["id"], json!(course));
            assert_eq!(statement["actor"]["account"], actor["account"]);
            let cmi5_defined = on_au(&statement);
            assert_eq!(categories(statement).contains(&CMI5.to_owned()), cmi5_defined, "{statement}");
        }
        let find = |name: &str| statements.iter().find(|s| on_au(s) && verb(s) == name).unwrap();
        let completed = find("completed");
        assert_eq!(completed["result"]["completion"], true);
        assert!(completed["result"]["duration"].is_string());
        assert!(categories(completed).contains(&MOVEON.to_owned()));
        let passed = find("passed");
        assert_eq!(passed["result"]["success"], true);
        assert!(passed["result"]["score"]["scaled"].as_f64().unwrap() >= mastery, "{passed}");
        assert!(categories(passed).contains(&MOVEON.to_owned()));
        assert!(find("terminated")["result"]["duration"].is_string());
        // Allowed statements: what the desktop app sends of the same work.
        let answered = statements.iter().filter(|s| verb(s) == "answered").count();
        assert_eq!(answered, quiz.questions.len());
        let verbs: Vec<String> = statements.iter().map(verb).collect();
        for kind in ["experienced", "progressed", "attempted"] {
            assert!(verbs.iter().any(|v| v == kind), "no {kind} statement in {verbs:?}");
        }

        // Ralph's strict model accepts every one.
        let (accepted, report) = crate::ralph::strict_model(&statements);
        assert!(accepted, "{report}");

        // Launched again in the same registration: the learner is back where they were.
        side.prepare(&actor, &course, &au, &move_on, mastery, "0b9d6a3e-1c2f-4e5d-8a7b-6c5d4e3f2a1b");
        lms.browser.client.goto(&lms.site.url(&launch)).await.unwrap();
        lms.browser.find("[data-testid=quiz-status]").await;
        lms.module_page().await;
        lms.browser.find("[data-testid=module-completed-at]").await;
        // The launch's token was fetched once: a second fetch is refused.
        let again = lms.browser.js("return fetch('/lms/fetch', { method: 'POST' }).then((r) => r.json())").await;
        assert_eq!(again["error-code"], "1");
        lms.browser.client.clone().close().await.unwrap();
    });
}
