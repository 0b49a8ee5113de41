//! Rendered documents, pinned: a change to the official layout shows up as a reviewed diff.

fn seed_report() -> report::Report {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/seeds/000_9f1a2ad731567797.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    report::parse::parse(&bytes).expect("parses").report
}

#[test]
fn markdown_of_seed_000() {
    insta::assert_snapshot!(report::render::markdown(&seed_report()));
}

#[test]
fn html_of_seed_000() {
    insta::assert_snapshot!(report::render::html(&seed_report()));
}

#[test]
fn findings_of_the_shanghai_2019_report() {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/examples/shanghai_bgt_2019.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let parsed = report::parse::parse(&bytes).expect("parses");
    let mut findings = parsed.findings.clone();
    findings.extend(report::check::check(&parsed.report));
    insta::assert_json_snapshot!(findings);
}
