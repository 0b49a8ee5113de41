//! Any bytes: detection, every reader, extraction and the checker must answer without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = report::parse::parse(data) {
        let _ = report::check::check(&parsed.report);
    }
});
