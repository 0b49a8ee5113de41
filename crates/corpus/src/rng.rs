/// SplitMix64: small, fast, and the same on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            0
        } else {
            (self.next_u64() % u64::from(n)) as u32
        }
    }

    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.below(items.len() as u32) as usize;
        &items[i.min(items.len().saturating_sub(1))]
    }

    /// A count as real tables show them: mostly small, often zero, now and then large.
    pub fn count(&mut self, scale: u32) -> u32 {
        match self.below(10) {
            0..=3 => 0,
            4..=7 => self.below(scale / 4 + 2),
            8 => self.below(scale + 1),
            _ => self.below(scale * 5 + 1),
        }
    }

    /// Splits `total` into `parts` random non-negative parts.
    pub fn split(&mut self, total: u32, parts: usize) -> Vec<u32> {
        let mut out = vec![0; parts];
        if parts == 0 {
            return out;
        }
        let mut left = total;
        for slot in out.iter_mut().take(parts - 1) {
            // Skewed: the first categories (natural persons, 予以公开) take most.
            let take = if left == 0 {
                0
            } else {
                self.below(left + 1).max(self.below(left + 1))
            };
            *slot = take;
            left -= take;
        }
        if let Some(last) = out.last_mut() {
            *last = left;
        }
        out
    }
}
