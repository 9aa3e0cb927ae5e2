//! The published JSON Schema of `module.json` is the one generated from the Rust types.

#[test]
fn the_committed_schema_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/module.schema.json");
    let committed = std::fs::read_to_string(path).expect("docs/module.schema.json exists");
    let generated = serde_json::to_string_pretty(&dlis::manifest::json_schema()).unwrap() + "\n";
    assert!(
        committed == generated,
        "docs/module.schema.json is stale: run `cargo run -q -- schema > docs/module.schema.json`"
    );
}
