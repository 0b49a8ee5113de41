//! DOCX (zip + XML): broken archives and broken XML are errors, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = report::parse::docx::read(data) {
        let _ = report::parse::from_doc(&doc, report::parse::Layout::Docx);
    }
});
