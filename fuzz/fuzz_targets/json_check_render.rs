//! Interchange JSON in: any report that deserialises can be checked and rendered in every format.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = serde_json::from_slice::<report::Report>(data) {
        let _ = report::check::check(&r);
        let _ = report::check::check_series(&[&r, &r]);
        let _ = report::render::markdown(&r);
        let _ = report::render::html(&r);
        let _ = report::render::json(&r);
        let _ = report::render::docx(&r);
    }
});
