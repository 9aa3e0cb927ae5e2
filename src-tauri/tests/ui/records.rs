//! The institution's side in the window: a learner links their profile to their student number
//! on the consent screen, and a trainer merges the laptops' export files on the Records screen.

use serde_json::json;

/// An institution that asks for an eight-digit student number.
fn institution_asking_for_a_number(data: &std::path::Path) {
    dlis::store::Store::open(&data.join(dlis::store::FILE_NAME))
        .unwrap()
        .set_institution(&dlis::sync::Institution {
            name: "IRTS Hauts-de-France".into(),
            home_page: "https://irts-hdf.example".into(),
            lrs: dlis::sync::LrsAccess {
                endpoint: "https://lrs.irts-hdf.example/xAPI/".into(),
                username: "dlis".into(),
                password: "s3cret".into(),
            },
            learner_identifier: Some(dlis::account::IdentifierRule {
                label: "numéro d'étudiant".into(),
                pattern: Some("[0-9]{8}".into()),
            }),
        })
        .unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn a_learner_reads_what_leaves_the_laptop_then_links_and_unlinks_their_profile() {
    let started = crate::start_with_profile("Amina Haddad", "fr").await;
    let app = &started.app;
    let data = &started.data;
    institution_asking_for_a_number(data);

    app.js("location.hash = '#/settings';").await;
    // The trainer's settings show what the institution asks (a literal pattern in the hint).
    let label = app.find("[data-testid=institution-identifier-label]").await;
    assert_eq!(label.prop("value").await.unwrap().as_deref(), Some("numéro d'étudiant"));
    let hint = app
        .js("return document.querySelector('[data-testid=institution-identifier-pattern]').parentElement.querySelector('.hint').textContent")
        .await;
    assert!(hint.as_str().unwrap().contains("[0-9]{8}"), "{hint}");
    app.click("[data-testid=settings-link]").await;
    app.wait_text("[data-testid=link-what]", "ne quittent toujours jamais cet ordinateur").await;
    app.wait_text("[data-testid=link-what]", "même si vous supprimez votre profil").await;
    app.check_accessibility("the consent screen").await;

    // Nothing is linked without her agreement, nor with a number the institution would not know.
    crate::type_into(app, "link-identifier", "2026-1234").await;
    app.click("[data-testid=link-submit]").await;
    app.wait_text("[data-testid=link-status]", "Cochez la case").await;
    app.click("[data-testid=link-agree]").await;
    app.click("[data-testid=link-submit]").await;
    app.wait_text("[data-testid=link-identifier-error]", "pas écrit comme votre établissement").await;
    let store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let learner = store.current_learner().unwrap().unwrap();
    assert_eq!(store.learner_link(&learner.id).unwrap(), None);

    app.js("document.querySelector('[data-testid=link-identifier]').value = '';").await;
    crate::type_into(app, "link-identifier", "20261234").await;
    app.click("[data-testid=link-submit]").await;
    app.wait_text("[data-testid=link-linked]", "20261234").await;
    app.check_accessibility("a linked profile").await;
    assert_eq!(store.learner_link(&learner.id).unwrap().unwrap().identifier, "20261234");
    let last = store.outbox().unwrap().pop().unwrap();
    assert!(last.contains(dlis::account::LINKED) && last.contains("\"name\":\"20261234\""), "{last}");

    // Unlinking asks first, then stops it from then on.
    app.click("[data-testid=link-unlink]").await;
    app.click("[data-testid=unlink-confirm]").await;
    app.find("[data-testid=link-form]").await;
    assert_eq!(store.learner_link(&learner.id).unwrap(), None);
    assert!(store.outbox().unwrap().pop().unwrap().contains(dlis::account::UNLINKED));

    // A trainer who empties the label in the settings asks for no identifier any more.
    store.set_trainer_pin(None, crate::TRAINER_PIN).unwrap();
    app.invoke("unlock_trainer", json!({ "pin": crate::TRAINER_PIN })).await.unwrap();
    let view = app
        .invoke(
            "set_institution",
            json!({ "name": "IRTS Hauts-de-France", "homePage": "https://irts-hdf.example",
                    "endpoint": "https://lrs.irts-hdf.example/xAPI/", "username": "dlis", "password": "",
                    "identifierLabel": "", "identifierPattern": "" }),
        )
        .await
        .unwrap();
    assert_eq!(view["identifier_label"], json!(null));
    app.js("location.hash = '#/catalogue';").await;
    app.js("location.hash = '#/link';").await;
    app.wait_text("[data-testid=link-not-asked]", "pseudonyme").await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_trainer_merges_three_laptops_exports_on_the_records_screen() {
    let started = crate::start_with_profile("Formatrice", "fr").await;
    let app = &started.app;
    let dir = &started.dir;
    let data = &started.data;
    let module = dlis::Library::new(data).open("dlis.faire-avec").unwrap().shared_manifest();

    // Three laptops, one learner each who completed the module; one of them linked.
    let mut files = Vec::new();
    for (n, name) in ["Amina", "Bruno", "Chloé"].iter().enumerate() {
        let laptop = dir.path().join(format!("laptop-{n}"));
        std::fs::create_dir_all(&laptop).unwrap();
        institution_asking_for_a_number(&laptop);
        let mut store = dlis::store::Store::open(&laptop.join(dlis::store::FILE_NAME)).unwrap();
        let learner = store.create_learner(name, "fr", None).unwrap();
        crate::study::complete(&mut store, &learner.id, &module);
        if n == 0 {
            store.link_learner(&learner.id, "20261234").unwrap();
        }
        let file = dir.path().join(format!("laptop {n}.zip"));
        dlis::export::write(&store, None, &file).unwrap();
        files.push(file);
    }

    app.js("location.hash = '#/settings';").await;
    app.click("[data-testid=settings-open-records]").await;
    app.wait_text("[data-testid=records-empty]", "Aucun fichier").await;
    dlis::store::Store::open(&data.join(dlis::store::FILE_NAME))
        .unwrap()
        .set_trainer_pin(None, crate::TRAINER_PIN)
        .unwrap();
    app.invoke("unlock_trainer", json!({ "pin": crate::TRAINER_PIN })).await.unwrap();

    // GTK's file dialog cannot be driven: the files a trainer would pick come in the route,
    // as a link from another screen gives them.
    app.js(&format!(
        "location.hash = '#/records/' + encodeURIComponent({});",
        json!(json!(files).to_string())
    ))
    .await;
    app.wait_text("[data-testid=records-files]", "3").await;
    let rows = app.text_of("[data-testid=records-rows]").await;
    assert!(rows.contains("20261234"), "the linked learner under her number: {rows}");
    // With the trainer's roster, her name beside her number.
    let roster = dir.path().join("promo 2026.csv");
    std::fs::write(&roster, "identifier,name\n20261234,\"Haddad, Amina\"\n").unwrap();
    let given = json!({ "files": files, "roster": roster }).to_string();
    app.js(&format!("location.hash = '#/records/' + encodeURIComponent({});", json!(given))).await;
    app.wait_text("[data-testid=records-roster-state]", "promo 2026.csv").await;
    app.wait_text("[data-testid=records-rows]", "Haddad, Amina").await;
    assert!(rows.contains(module.title_in("fr")), "the module by its title: {rows}");
    assert_eq!(rows.matches(module.title_in("fr")).count(), 3, "{rows}");
    app.find("[data-testid=records-items]").await;
    app.check_accessibility("the Records screen").await;

    // Saved as the same XLSX as `dlis merge` makes, a sheet per module.
    let out = dir.path().join("rapport.xlsx");
    let written = app
        .invoke(
            "save_records_report",
            json!({ "paths": files, "language": "fr", "roster": roster, "out": out }),
        )
        .await
        .unwrap();
    assert_eq!(written, json!([out]));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook).unwrap();
    assert!(workbook.contains("name=\"Faire avec accompagner les déma\""), "{workbook}");
    let mut strings = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/sharedStrings.xml").unwrap(), &mut strings).unwrap();
    assert!(strings.contains("Haddad, Amina"), "the roster's names in the saved report");

    // A roster with a bad line is refused, naming the file and the line; the report stays.
    let bad = dir.path().join("bad roster.csv");
    std::fs::write(&bad, "20261234\n").unwrap();
    let refused = app
        .invoke("merge_records", json!({ "paths": files, "language": "fr", "roster": bad }))
        .await
        .unwrap_err();
    assert!(refused["message"].as_str().unwrap().contains("bad roster.csv line 1"), "{refused}");

    // A new list starts empty.
    app.click("[data-testid=records-clear]").await;
    app.wait_text("[data-testid=records-empty]", "Aucun fichier").await;

    // A learner at the same laptop cannot.
    app.invoke("lock_trainer", json!({})).await.unwrap();
    let refused = app.invoke("merge_records", json!({ "paths": files, "language": "fr" })).await;
    assert_eq!(refused.unwrap_err()["kind"], json!("trainer-only"));
}
