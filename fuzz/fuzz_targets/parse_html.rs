//! HTML pages, however malformed.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let doc = report::parse::html::read(html);
    if let Ok(parsed) = report::parse::from_doc(&doc, report::parse::Layout::Html) {
        let _ = report::check::check(&parsed.report);
    }
});
