//! An admin's letter template: validated or refused with a reason, never a panic; a valid one
//! fills without error.
#![no_main]
use libfuzzer_sys::fuzz_target;

use cases::letters::{LetterKind, fill, validate};

fuzz_target!(|text: &str| {
    for kind in LetterKind::ALL {
        if validate(kind, text).is_ok() {
            let filled = fill(kind, text, |name| Some(format!("〔{name}〕")));
            assert!(filled.is_ok());
        }
    }
});
