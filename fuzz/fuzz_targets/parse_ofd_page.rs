//! An OFD page's content XML, however malformed: its glyphs placed and set out as text, then
//! read as a report.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|xml: &str| {
    if let Ok(text) = report::parse::ofd::page_text(xml) {
        let _ = report::read_and_check(text.as_bytes());
    }
});
