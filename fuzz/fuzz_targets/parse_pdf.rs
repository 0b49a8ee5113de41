//! PDF: the third-party extractor runs under catch_unwind; this proves the whole path holds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = report::parse::parse(&bytes);
});
