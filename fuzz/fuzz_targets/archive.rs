//! ZIP archives of reports: broken or hostile archives are errors (of the archive or of one
//! file in it), never panics; every file read is within the size limit.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if !report::parse::archive::is_archive(data) {
        return;
    }
    if let Ok(entries) = report::parse::archive::entries(data) {
        assert!(entries.len() <= report::parse::archive::MAX_ENTRIES);
        for e in entries {
            if let Ok(bytes) = e.bytes {
                assert!(bytes.len() <= report::parse::MAX_INPUT);
            }
        }
    }
});
