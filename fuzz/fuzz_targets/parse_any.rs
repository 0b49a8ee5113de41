//! Any bytes: detection, every reader, extraction and the checker must answer without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys installs a hook that aborts on every panic, even one caught: pdf-extract's
    // panics are caught in report::parse::pdf and must stay caught. A panic of our own still
    // unwinds to the harness's catch_unwind, which aborts and reports the crash.
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    if let Ok(parsed) = report::parse::parse(data) {
        let _ = report::check::check(&parsed.report);
    }
});
