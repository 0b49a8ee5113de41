//! The browser suite (e2e/flow.mjs): Debian's chromium, driven by playwright-core, clicks through
//! `gongkai serve --demo` as an applicant, a registrar, the head of the office and another
//! agency. Installs playwright-core from the npm registry on first run (package-lock.json pins it).
#![allow(clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

#[test]
fn the_whole_flow_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let e2e = root.join("e2e");
    assert!(
        PathBuf::from("/usr/bin/chromium").exists(),
        "the browser tests need Debian's chromium (apt-get install chromium; scripts/test.sh does it)"
    );
    if !e2e.join("node_modules/playwright-core").exists() {
        let npm = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&e2e)
            .status()
            .unwrap_or_else(|e| panic!("npm is needed for the browser tests: {e}"));
        assert!(npm.success(), "npm ci failed in {}", e2e.display());
    }
    let out = Command::new("node")
        .arg(e2e.join("flow.mjs"))
        .env("GONGKAI_BIN", env!("CARGO_BIN_EXE_gongkai"))
        .current_dir(&root)
        .output()
        .unwrap_or_else(|e| panic!("node is needed for the browser tests: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser flow failed");
    assert!(stdout.contains("5 passed; 0 failed"), "{stdout}");
}
