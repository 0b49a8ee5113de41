//! Generated annual reports for tests and benchmarks: realistic bodies, figures and narrative,
//! optionally with one seeded defect, written in every layout in which real reports arrive —
//! including the damage real extraction does (broken labels, split rows, lost cells, page numbers).
//!
//! Everything is deterministic in the seed, so a failing case can be replayed.

mod defects;
pub mod layouts;
mod narrative;
mod rng;
mod synth;

pub use defects::{Defect, inject};
pub use rng::Rng;
pub use synth::{Generated, generate, generate_trial};
