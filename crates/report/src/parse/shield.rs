//! Third-party readers of hostile input (the PDF extractor, the OLE container reader) run
//! behind `catch_unwind`, so that a panic inside them becomes an error for that one file. The
//! panic hook would still print each such panic — a backtrace in the middle of a batch's
//! summary, looking like a crash of the program. [`quiet_shielded_panics`] keeps the hook from
//! printing the panics caught here, and only those: a panic in our own code still says where.

use std::cell::Cell;
use std::panic::UnwindSafe;

thread_local! {
    /// How many shielded calls this thread is inside.
    static SHIELDED: Cell<u32> = const { Cell::new(0) };
}

/// `catch_unwind(f)`, with a panic inside it not printed once [`quiet_shielded_panics`] ran.
pub(crate) fn shielded<R>(f: impl FnOnce() -> R + UnwindSafe) -> std::thread::Result<R> {
    SHIELDED.with(|s| s.set(s.get().saturating_add(1)));
    let result = std::panic::catch_unwind(f);
    SHIELDED.with(|s| s.set(s.get().saturating_sub(1)));
    result
}

/// Installs, once, a panic hook that prints nothing for a panic a shielded reader caught and
/// hands every other panic to the hook there was before.
pub fn quiet_shielded_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if SHIELDED.with(Cell::get) == 0 {
                before(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shielded_panic_is_an_error_and_the_count_goes_back() {
        quiet_shielded_panics();
        #[allow(clippy::panic)]
        let caught = shielded(|| -> u8 { panic!("inside a third-party reader") });
        assert!(caught.is_err());
        assert_eq!(shielded(|| 7).ok(), Some(7));
        assert_eq!(SHIELDED.with(Cell::get), 0);
    }
}
