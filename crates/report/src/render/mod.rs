//! Renderers: HTML, DOCX, Markdown and JSON, each in the official layout. What any of them
//! writes, the parsers read back to the same tables (a property test holds them to it).

mod docx;
mod html;
pub mod layout;
mod markdown;

pub use docx::docx;
pub use html::html;
pub use markdown::markdown;

use crate::model::Report;

/// The interchange JSON, pretty-printed.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("DOCX 生成失败：{0}")]
    Docx(String),
}
