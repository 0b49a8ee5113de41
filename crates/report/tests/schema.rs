//! The published JSON Schema (`schema/report.schema.json`) is the one the model generates, and
//! reports the engine writes conform to its required shape.

use report::model::Report;

fn schema_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/report.schema.json")
}

#[test]
fn published_schema_is_current() {
    let generated = serde_json::to_string_pretty(&Report::json_schema()).expect("json") + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(schema_path(), &generated).expect("write schema");
    }
    let published =
        std::fs::read_to_string(schema_path()).expect("schema/report.schema.json exists");
    assert_eq!(
        published, generated,
        "schema/report.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p report --test schema`"
    );
}

#[test]
fn schema_names_every_table_key() {
    let schema = Report::json_schema().to_string();
    for key in [
        "body",
        "year",
        "table2",
        "table3",
        "table4",
        "fees_wan_yuan",
        "carried_forward",
        "other_single_2019",
    ] {
        assert!(schema.contains(&format!("\"{key}\"")), "{key}");
    }
}

#[test]
fn spec_example_deserialises() {
    let example = r#"{"body": "山亭区凫城镇人民政府", "year": 2025,
     "table2": {"rules_issued": 0, "rules_repealed": 0, "rules_in_force": 0,
                "normative_issued": 0, "normative_repealed": 0, "normative_in_force": 0,
                "licensing": 0, "penalty": 0, "enforcement": 0, "fees_wan_yuan": 0},
     "table3": {"new": [1,0,0,0,0,0,1], "carried_over": [0,0,0,0,0,0,0]},
     "table4": [0,0,0,0,0, 0,0,0,0,0, 0,0,0,0,0]}"#;
    let r: Report = serde_json::from_str(example).expect("the spec's example is a report");
    assert_eq!(
        r.table3
            .cell(report::RowKey::New, report::Column::Total)
            .map(|n| n.value()),
        Some(1.0)
    );
    assert!(r.table3.row(report::RowKey::Granted).is_none());
    let back = serde_json::to_value(&r).expect("json");
    assert_eq!(back["table2"]["fees_wan_yuan"], 0);
    assert_eq!(back["table3"]["granted"], serde_json::Value::Null);
}
