//! Word 97–2003 (.doc): a broken container, FIB or piece table is an error, never a panic. The
//! first two bytes say where the WordDocument stream ends and the table stream begins (it
//! serves as the Data stream too), so that the fuzzer reaches the format behind the container.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report::parse::{from_word97_text, msdoc, parse};

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // As in parse_any: the OLE container reader's panics are caught in report::parse::msdoc and
    // must stay caught; a panic of our own still reaches the harness and is reported.
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let _ = parse(data);
    if let [a, b, rest @ ..] = data {
        let cut = usize::from(u16::from_le_bytes([*a, *b])).min(rest.len());
        let (word, table) = rest.split_at(cut);
        if let Ok(text) = msdoc::from_streams(word, Some(table), Some(table), Some(table)) {
            let _ = from_word97_text(&text);
        }
    }
});
