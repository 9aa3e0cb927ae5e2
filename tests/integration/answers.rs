//! What `dlis sync` and `dlis push` make of answers that do not come from an LRS that stored
//! the statements: a Wi-Fi login page that redirects, a 200 that is a web page or lists other
//! ids, a 204 from something that keeps nothing. None of them marks a statement sent; once
//! the real LRS answers, each statement reaches it exactly once.

use std::path::Path;

use dlis::store::Store;
use serde_json::json;

use crate::faults::{Fault, Proxy};
use crate::ralph::*;
use crate::support::*;
use crate::sync::{export_of, laptop, outbox_ids, sorted, status, stderr};

/// `dlis sync` through `proxy` fails, marks nothing sent, and says `why`; then, with the
/// proxy letting everything through, every statement reaches the LRS once.
fn nothing_is_marked_sent_until_the_lrs_answers(data: &Path, proxy: &Proxy, lrs: &Lrs, why: &str) {
    let ids = outbox_ids(data);
    let output = dlis(data).arg("sync").output().unwrap();
    assert!(!output.status.success(), "the sync must fail");
    assert!(stderr(&output).contains(why), "{}", stderr(&output));
    let after = status(data);
    assert_eq!((after.pending, after.synced), (ids.len() as u64, 0), "nothing was marked sent");
    assert_eq!(after.last_error_kind.as_deref(), Some("unreachable"));
    assert!(lrs.stored_ids().is_empty());

    proxy.set_plan(|_| Fault::Pass);
    dlis(data).arg("sync").assert().success();
    assert_eq!(sorted(lrs.stored_ids()), ids, "each statement once");
    assert_eq!(status(data).pending, 0);
}

#[test]
fn a_wifi_login_page_that_redirects_is_not_an_acknowledgement() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    // A captive portal: 302 to its login page, which answers 200 to anything.
    let proxy = Proxy::start(&lrs.url, |_| Fault::Pass);
    let login = format!("{}/portal/login", proxy.url);
    proxy.set_plan(move |request| {
        if request.target.starts_with("/portal/") {
            Fault::Impostor(200, "Content-Type: text/html\r\n".into(), "<html>Wi-Fi login</html>".into())
        } else {
            Fault::Impostor(302, format!("Location: {login}\r\n"), String::new())
        }
    });
    let data = laptop(dir.path(), &proxy.url, 1);
    let before = proxy.log().len();

    nothing_is_marked_sent_until_the_lrs_answers(&data, &proxy, &lrs, "redirect");
    let followed: Vec<_> =
        proxy.log().into_iter().skip(before).filter(|(r, _)| r.target.starts_with("/portal/")).collect();
    assert!(followed.is_empty(), "the redirect was followed: {followed:?}");
}

#[test]
fn a_200_that_is_a_web_page_is_not_an_acknowledgement() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let proxy = Proxy::start(&lrs.url, |_| {
        Fault::Impostor(200, "Content-Type: text/html\r\n".into(), "<html>Please log in</html>".into())
    });
    let data = laptop(dir.path(), &proxy.url, 1);
    nothing_is_marked_sent_until_the_lrs_answers(&data, &proxy, &lrs, "without a list of statement ids");
}

#[test]
fn a_200_listing_other_statements_is_not_an_acknowledgement() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let proxy = Proxy::start(&lrs.url, |request| match request.method.as_str() {
        "POST" => Fault::Impostor(
            200,
            "Content-Type: application/json\r\n".into(),
            json!(["a3c1d3f0-0000-4000-8000-000000000000"]).to_string(),
        ),
        _ => Fault::Pass,
    });
    let data = laptop(dir.path(), &proxy.url, 1);
    nothing_is_marked_sent_until_the_lrs_answers(&data, &proxy, &lrs, "not sent");
}

#[test]
fn a_204_from_something_that_keeps_nothing_is_not_an_acknowledgement() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    // POSTs get 204 without reaching the LRS; lookups reach it, and it holds nothing.
    let proxy = Proxy::start(&lrs.url, |request| match request.method.as_str() {
        "POST" => Fault::Impostor(204, String::new(), String::new()),
        _ => Fault::Pass,
    });
    let data = laptop(dir.path(), &proxy.url, 1);
    nothing_is_marked_sent_until_the_lrs_answers(&data, &proxy, &lrs, "does not hold");
}

#[test]
fn statements_the_lrs_already_held_are_acknowledged_once_it_shows_them() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let data = laptop(dir.path(), &lrs.url, 1);
    let ids = outbox_ids(&data);
    // Half of them reached the LRS by another way (an export pushed by a trainer, a sync
    // whose answer was lost): Ralph then answers 200 listing only the new ones.
    let outbox = Store::open(&data.join("progress.db")).unwrap().outbox().unwrap();
    let half: Vec<&String> = outbox.iter().step_by(2).collect();
    assert_eq!(
        lrs.post(&format!("[{}]", half.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","))),
        200
    );

    let proxy = Proxy::start(&lrs.url, |_| Fault::Pass);
    crate::sync::point_at(&data, dir.path(), &proxy.url);
    dlis(&data).args(["sync", "--batch", "10"]).assert().success();
    assert_eq!(sorted(lrs.stored_ids()), ids);
    let after = status(&data);
    assert_eq!((after.pending, after.synced), (0, ids.len() as u64));
    let lookups = proxy.log().iter().filter(|(r, _)| r.method == "GET").count();
    assert_eq!(lookups, half.len(), "each statement the 200 left out was looked up, and only those");
}

#[test]
fn push_through_a_redirect_fails_and_says_so() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let statements = session_statements(dir.path());
    let export = dir.path().join("laptop.zip");
    export_of(&export, &statements);
    // A redirect to a page that says 200 to anything.
    let proxy = Proxy::start(&lrs.url, |_| Fault::Pass);
    let elsewhere = format!("{}/elsewhere/statements", proxy.url);
    proxy.set_plan(move |request| {
        if request.target.starts_with("/elsewhere/") {
            Fault::Impostor(200, "Content-Type: application/json\r\n".into(), "[]".into())
        } else {
            Fault::Impostor(302, format!("Location: {elsewhere}\r\n"), String::new())
        }
    });
    let output = dlis(&dir.path().join("data"))
        .arg("push")
        .arg(&export)
        .args(["--lrs", &format!("{}/xAPI/", proxy.url), "--user", USER, "--password", PASSWORD])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("redirect"), "{}", stderr(&output));
    assert!(proxy.log().iter().all(|(r, _)| !r.target.starts_with("/elsewhere/")), "followed");
    assert!(lrs.stored_ids().is_empty());
}

#[test]
fn the_saved_password_is_never_sent_to_another_lrs() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let data = laptop(dir.path(), &lrs.url, 1);
    let export = dir.path().join("laptop.zip");
    dlis(&data).args(["export", "--out"]).arg(&export).assert().success();
    // Someone at the laptop points `dlis push` at a host of theirs.
    let theirs = Proxy::start(&lrs.url, |_| Fault::Pass);

    let output = dlis(&data)
        .arg("push")
        .arg(&export)
        .args(["--lrs", &format!("{}/xAPI/", theirs.url)])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("give the password"), "{}", stderr(&output));
    assert!(theirs.log().is_empty(), "nothing, and no credentials, went to the other host");
    assert!(!stderr(&output).contains("s3cret"));

    // Another user name at the same LRS needs its own password too.
    let output = dlis(&data).arg("push").arg(&export).args(["--user", "admin"]).output().unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("give the password"), "{}", stderr(&output));

    // The institution's own LRS still gets them with the saved credentials.
    dlis(&data).arg("push").arg(&export).assert().success();
    assert_eq!(sorted(lrs.stored_ids()), outbox_ids(&data));
}

#[test]
fn an_institution_on_plain_http_is_warned_about_unless_it_stays_on_this_computer() {
    let dir = temp();
    let data = dir.path().join("data");
    let far = crate::sync::institution_file(dir.path(), "http://lrs.irts-hdf.example", "s3cret");
    let output = dlis(&data).args(["institution", "set"]).arg(&far).output().unwrap();
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("warning: http://lrs.irts-hdf.example/xAPI/ is http://"),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("s3cret"));

    let near = crate::sync::institution_file(dir.path(), "http://127.0.0.1:8100", "s3cret");
    let output = dlis(&data).args(["institution", "set"]).arg(&near).output().unwrap();
    assert!(output.status.success());
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
}
