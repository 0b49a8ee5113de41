//! PDF files: text extracted in pure Rust (no external program), then read as PDF text. The
//! extractor's own text is read first; each character is also kept where the page prints it,
//! so that a table whose blank cells the text cannot show can be set out by its columns
//! ([`super::glyphs`]).

use pdf_extract::{MediaBox, OutputDev, OutputError, PlainTextOutput, Transform};

use super::ParseError;
use super::glyphs::Glyph;

/// Characters kept at most: no report comes near it.
const MAX_GLYPHS: usize = 2_000_000;

/// A PDF's text as the extractor prints it, and its characters where the pages print them.
pub struct Extracted {
    pub text: String,
    /// Each page's characters (points, y downwards from the page's top).
    pub pages: Vec<Vec<Glyph>>,
}

pub fn text(bytes: &[u8]) -> Result<String, ParseError> {
    extract(bytes).map(|e| e.text)
}

pub fn extract(bytes: &[u8]) -> Result<Extracted, ParseError> {
    // The extractor is third-party code over hostile input: a panic inside it must become an
    // error for this one file, never a crash of the batch.
    let result = super::shield::shielded(|| {
        let mut text = String::new();
        let mut pages = Vec::new();
        let mut doc = pdf_extract::Document::load_mem(bytes)?;
        if doc.is_encrypted() {
            doc.decrypt("")?;
        }
        super::cmaps::unify(&mut doc);
        super::legacy_cmaps::unify(&mut doc);
        let mut out = Recorder {
            plain: PlainTextOutput::new(&mut text),
            pages: &mut pages,
            height: 0.0,
            glyphs: 0,
        };
        pdf_extract::output_doc(&doc, &mut out)?;
        Ok::<_, OutputError>(Extracted { text, pages })
    });
    match result {
        Ok(Ok(extracted)) => Ok(extracted),
        Ok(Err(e)) => Err(ParseError::Pdf(format!("无法从 PDF 提取文字：{e}"))),
        Err(_) => Err(ParseError::Pdf("PDF 结构损坏，无法提取文字".into())),
    }
}

/// The extractor's plain-text output, and beside it every character with its place.
struct Recorder<'a> {
    plain: PlainTextOutput<&'a mut String>,
    pages: &'a mut Vec<Vec<Glyph>>,
    height: f64,
    glyphs: usize,
}

impl OutputDev for Recorder<'_> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        self.plain.begin_page(page_num, media_box, art_box)
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.plain.end_page()
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // Past the limit the characters are no longer kept (the text still is): the pages
        // are then read from the text alone.
        self.glyphs += char.chars().count();
        if self.glyphs > MAX_GLYPHS {
            self.pages.clear();
        }
        // The size the character is printed at: the side of the square with the area of the
        // font's em box after the text matrix (as the extractor reckons it).
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let (x, y) = (trm.m31, self.height - trm.m32);
        let advance = width * size;
        let n = char.chars().count().max(1) as f64;
        if let Some(page) = self.pages.last_mut()
            && self.glyphs <= MAX_GLYPHS
            && size.is_finite()
            && x.is_finite()
            && y.is_finite()
        {
            for (i, c) in char.chars().enumerate() {
                page.push(Glyph {
                    x: x + advance * i as f64 / n,
                    y,
                    size,
                    c,
                });
            }
        }
        self.plain
            .output_character(trm, width, spacing, font_size, char)
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.plain.begin_word()
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        self.plain.end_word()
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        self.plain.end_line()
    }
}
