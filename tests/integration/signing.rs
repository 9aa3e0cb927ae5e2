//! An organisation signs its bundles; laptops that trust its key show "verified by".

use serde_json::Value;

use crate::support::*;

#[test]
fn a_signed_bundle_shows_as_verified_only_once_its_key_is_trusted() {
    let dir = temp();
    let data = dir.path().join("data");
    let bundle = valid_bundle(dir.path(), "1.0.0");
    let key = dir.path().join("helmo");

    dlis(&data).args(["keygen", "--organisation", "HELMo", "-o"]).arg(&key).assert().success();
    let secret = key.with_extension("key");
    #[cfg(unix)]
    if windows_build().is_none() {
        // (dlis.exe under Wine makes files Windows' way, with the folder's permissions)
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&secret).unwrap().permissions().mode() & 0o777, 0o600);
    }
    dlis(&data)
        .args(["keygen", "--organisation", "HELMo", "-o"])
        .arg(&key)
        .assert()
        .failure()
        .stderr(predicates::str::contains("refusing to overwrite"));

    dlis(&data).arg("sign").arg(&bundle).arg("--key").arg(&secret).assert().success();
    dlis(&data).arg("validate").arg(&bundle).assert().success();
    dlis(&data)
        .arg("inspect")
        .arg(&bundle)
        .assert()
        .success()
        .stdout(predicates::str::contains("signed by an untrusted key claiming \"HELMo\""));

    dlis(&data).args(["trust", "add"]).arg(key.with_extension("pub")).assert().success();
    dlis(&data)
        .arg("inspect")
        .arg(&bundle)
        .assert()
        .success()
        .stdout(predicates::str::contains("verified by HELMo"));
    dlis(&data)
        .arg("install")
        .arg(&bundle)
        .assert()
        .success()
        .stdout(predicates::str::contains("verified by HELMo"));
    let list: Value = installed(&data);
    assert_eq!(list["modules"][0]["verified_by"], "HELMo");

    dlis(&data).args(["trust", "remove", "HELMo"]).assert().success();
    let list: Value = installed(&data);
    assert_eq!(list["modules"][0]["verified_by"], Value::Null);
    assert_eq!(list["modules"][0]["signed"], true);
}

#[test]
fn the_trusted_name_wins_over_the_name_a_signature_claims() {
    let dir = temp();
    let data = dir.path().join("data");
    let bundle = valid_bundle(dir.path(), "1.0.0");
    let key = dir.path().join("k");
    dlis(&data)
        .args(["keygen", "--organisation", "Aurel Vlaicu University of Arad", "-o"])
        .arg(&key)
        .assert()
        .success();
    // The laptop's manager trusts the key under a name of their choosing.
    let public: Value = serde_json::from_slice(&std::fs::read(key.with_extension("pub")).unwrap()).unwrap();
    let renamed = dir.path().join("renamed.pub");
    let mut renamed_key = public.clone();
    renamed_key["organisation"] = "UAV Arad".into();
    std::fs::write(&renamed, serde_json::to_vec(&renamed_key).unwrap()).unwrap();
    dlis(&data).args(["trust", "add"]).arg(&renamed).assert().success();
    dlis(&data).arg("sign").arg(&bundle).arg("--key").arg(key.with_extension("key")).assert().success();
    dlis(&data)
        .arg("inspect")
        .arg(&bundle)
        .assert()
        .success()
        .stdout(predicates::str::contains("verified by UAV Arad"));
}

#[test]
fn signing_twice_replaces_the_signature_and_keeps_every_file() {
    let dir = temp();
    let bundle = valid_bundle(dir.path(), "1.0.0");
    let before = read_entries(&bundle);
    for name in ["a", "b"] {
        let key = dir.path().join(name);
        dlis(dir.path()).args(["keygen", "--organisation", name, "-o"]).arg(&key).assert().success();
        dlis(dir.path())
            .arg("sign")
            .arg(&bundle)
            .arg("--key")
            .arg(key.with_extension("key"))
            .assert()
            .success();
    }
    let after = read_entries(&bundle);
    assert_eq!(after.iter().filter(|(n, _)| n == "signature.json").count(), 1);
    let without_signature: Vec<_> = after.into_iter().filter(|(n, _)| n != "signature.json").collect();
    assert_eq!(without_signature, before);
    dlis(dir.path())
        .arg("inspect")
        .arg(&bundle)
        .assert()
        .success()
        .stdout(predicates::str::contains("claiming \"b\""));
}

#[test]
fn installing_a_signed_copy_of_an_installed_module_records_the_signature() {
    let dir = temp();
    let data = dir.path().join("data");
    let bundle = valid_bundle(dir.path(), "1.0.0");
    dlis(&data).arg("install").arg(&bundle).assert().success();
    let key = dir.path().join("ess");
    dlis(&data).args(["keygen", "--organisation", "ESS Cramif", "-o"]).arg(&key).assert().success();
    dlis(&data).args(["trust", "add"]).arg(key.with_extension("pub")).assert().success();
    dlis(&data).arg("sign").arg(&bundle).arg("--key").arg(key.with_extension("key")).assert().success();
    dlis(&data)
        .arg("install")
        .arg(&bundle)
        .assert()
        .success()
        .stdout(predicates::str::contains("verified by ESS Cramif"));
    let list: Value = installed(&data);
    assert_eq!(list["modules"][0]["verified_by"], "ESS Cramif");
    dlis(&data)
        .arg("install")
        .arg(&bundle)
        .assert()
        .success()
        .stdout(predicates::str::contains("already installed"));
}

#[test]
fn a_module_from_a_trusted_signer_is_not_replaced_by_an_unsigned_or_foreign_bundle_without_force() {
    let dir = temp();
    let data = dir.path().join("data");
    let keygen = |name: &str| {
        let key = dir.path().join(name);
        dlis(&data).args(["keygen", "--organisation", name, "-o"]).arg(&key).assert().success();
        key
    };
    let (helmo, stranger) = (keygen("HELMo"), keygen("Stranger"));
    dlis(&data).args(["trust", "add"]).arg(helmo.with_extension("pub")).assert().success();
    let signed = |version: &str, key: &std::path::Path| {
        let source = dir.path().join(format!("v{version}"));
        std::fs::create_dir_all(&source).unwrap();
        let bundle = valid_bundle(&source, version);
        dlis(&data).arg("sign").arg(&bundle).arg("--key").arg(key.with_extension("key")).assert().success();
        bundle
    };
    dlis(&data).arg("install").arg(signed("1.0.0", &helmo)).assert().success();

    // A newer version, unsigned, or signed by a key nobody trusts, claiming any name.
    let unsigned_dir = dir.path().join("unsigned");
    std::fs::create_dir_all(&unsigned_dir).unwrap();
    for (bundle, offered) in [
        (valid_bundle(&unsigned_dir, "1.1.0"), "not signed"),
        (signed("1.2.0", &stranger), "signed by another key (\"Stranger\")"),
    ] {
        dlis(&data).arg("install").arg(&bundle).assert().failure().stderr(predicates::str::contains(
            format!("signed by HELMo, a trusted organisation, and this one is {offered}"),
        ));
        assert_eq!(installed(&data)["modules"][0]["version"], "1.0.0");
        assert_eq!(installed(&data)["modules"][0]["verified_by"], "HELMo");
    }
    // The same organisation's next version goes in; so does anything with --force.
    dlis(&data).arg("install").arg(signed("1.3.0", &helmo)).assert().success();
    assert_eq!(installed(&data)["modules"][0]["version"], "1.3.0");
    dlis(&data).arg("install").arg(valid_bundle(&unsigned_dir, "1.4.0")).arg("--force").assert().success();
    assert_eq!(installed(&data)["modules"][0]["version"], "1.4.0");
    assert_eq!(installed(&data)["modules"][0]["signed"], false);
}
