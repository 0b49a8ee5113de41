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

/// The forms of PDF text that `tests/pdf_text.py` gives which keep a table's row on a line
/// (pdfplumber, plain and with `layout=True`; PyMuPDF, plain, sorted and by blocks): the tests
/// of LibreOffice's and Chromium's PDFs read every one of them. (Its `pdfminer` form prints
/// tables column after column and is tested apart.)
pub const PDF_TEXT_FORMS: [&str; 5] = [
    "pdfplumber",
    "pdfplumber-layout",
    "pymupdf",
    "pymupdf-sort",
    "pymupdf-blocks",
];
