//! PDF files: text extracted in pure Rust (no external program), then read as PDF text.

use super::ParseError;

pub fn text(bytes: &[u8]) -> Result<String, ParseError> {
    // The extractor is third-party code over hostile input: a panic inside it must become an
    // error for this one file, never a crash of the batch.
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(ParseError::Pdf(format!("无法从 PDF 提取文字：{e}"))),
        Err(_) => Err(ParseError::Pdf("PDF 结构损坏，无法提取文字".into())),
    }
}
