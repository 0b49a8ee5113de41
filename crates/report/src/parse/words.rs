//! Looking for a few fixed words in short texts (row labels, headings), in one pass.
//!
//! A label is read once, character by character; only where a character can begin one of the
//! words are the words compared. A filter of the words' first characters says "certainly not"
//! for most characters without a comparison. For a handful of words in a label of a few dozen
//! bytes this beats both one substring search per word and a general automaton, whose set-up per
//! search costs more than the label.

/// A fixed list of words (at most 64), built at compile time.
pub struct WordSet<const N: usize> {
    words: [&'static str; N],
    /// The first character of each word.
    firsts: [u32; N],
    /// For each `c % 1024`, a bit per word whose first character `c` may be, in list order.
    buckets: [u64; 1024],
}

/// The first character of a non-empty UTF-8 string, decoded at compile time.
const fn first_char(s: &str) -> u32 {
    let b = s.as_bytes();
    let lead = b[0] as u32;
    if lead < 0x80 {
        lead
    } else if lead < 0xe0 {
        ((lead & 0x1f) << 6) | cont(b, 1)
    } else if lead < 0xf0 {
        ((lead & 0x0f) << 12) | (cont(b, 1) << 6) | cont(b, 2)
    } else {
        ((lead & 0x07) << 18) | (cont(b, 1) << 12) | (cont(b, 2) << 6) | cont(b, 3)
    }
}

/// The six bits a continuation byte carries.
const fn cont(b: &[u8], i: usize) -> u32 {
    (b[i] & 0x3f) as u32
}

const fn bucket(c: u32) -> usize {
    (c % 1024) as usize
}

impl<const N: usize> WordSet<N> {
    /// Panics (at compile time, where it builds a `static`) on an empty word or more than 64.
    pub const fn new(words: [&'static str; N]) -> WordSet<N> {
        assert!(N <= 64, "a WordSet holds at most 64 words");
        let mut firsts = [0u32; N];
        let mut buckets = [0u64; 1024];
        let mut i = 0;
        while i < N {
            let c = first_char(words[i]);
            firsts[i] = c;
            buckets[bucket(c)] |= 1u64 << i;
            i += 1;
        }
        WordSet {
            words,
            firsts,
            buckets,
        }
    }

    /// The index of the first word of the list that `text` contains: what
    /// `words.iter().position(|w| text.contains(w))` gives.
    pub fn first_in(&self, text: &str) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (at, c) in text.char_indices() {
            // Only words before the best found so far can improve on it.
            let limit = best.unwrap_or(N);
            let before = if limit >= 64 {
                u64::MAX
            } else {
                (1u64 << limit) - 1
            };
            let found = self.matching_at(text, at, c, before);
            if found != 0 {
                let i = found.trailing_zeros() as usize;
                best = Some(i);
                if i == 0 {
                    break;
                }
            }
        }
        best
    }

    /// A bit per word, in list order: set when `text` contains the word.
    pub fn all_in(&self, text: &str) -> u64 {
        text.char_indices().fold(0u64, |found, (at, c)| {
            found | self.matching_at(text, at, c, !found)
        })
    }

    /// True when `text` contains any of the words.
    pub fn any_in(&self, text: &str) -> bool {
        text.char_indices()
            .any(|(at, c)| self.matching_at(text, at, c, u64::MAX) != 0)
    }

    /// A bit for each word among `among` that `text` holds at `at`, where `c` begins.
    #[inline]
    fn matching_at(&self, text: &str, at: usize, c: char, among: u64) -> u64 {
        let c = u32::from(c);
        let mut candidates = self.buckets.get(bucket(c)).copied().unwrap_or(0) & among;
        let mut found = 0;
        if candidates == 0 {
            return found;
        }
        let rest = text.as_bytes().get(at..).unwrap_or_default();
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if self.firsts.get(i) == Some(&c)
                && self
                    .words
                    .get(i)
                    .is_some_and(|w| rest.starts_with(w.as_bytes()))
            {
                found |= 1 << i;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: WordSet<7> = WordSet::new(["本年新收", "新收", "予以公开", "公开", "a", "é", "😀x"]);

    #[test]
    fn first_characters_decode_as_std_does() {
        for w in SET.words {
            assert_eq!(Some(first_char(w)), w.chars().next().map(u32::from), "{w}");
        }
    }

    proptest::proptest! {
        /// The one pass finds what a search for each word in turn finds.
        #[test]
        fn finds_what_contains_finds(text in "[本年新收予以公开aé😀x 1]{0,16}") {
            let want = SET.words.iter().position(|w| text.contains(w));
            proptest::prop_assert_eq!(SET.first_in(&text), want);
            proptest::prop_assert_eq!(SET.any_in(&text), want.is_some());
            let all = SET.all_in(&text);
            for (i, w) in SET.words.iter().enumerate() {
                proptest::prop_assert_eq!(all & (1 << i) != 0, text.contains(w), "{}", w);
            }
        }
    }
}
