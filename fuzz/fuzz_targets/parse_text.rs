//! Text in every layout (cell per line, tab rows, aligned, Markdown, spaced), then the checker.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (doc, layout) = report::parse::text::read(text);
    if let Ok(parsed) = report::parse::from_doc(&doc, layout) {
        let _ = report::check::check(&parsed.report);
    }
});
