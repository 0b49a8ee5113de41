//! Prints what the readers make of a file, block by block: `cargo run -p report --example blocks -- FILE`.
//! The first thing to look at when a report is not read as expected.
use report::parse::{self, doc::Block};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: blocks FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let text = if bytes.starts_with(b"%PDF") {
        let text = parse::pdf::text(&bytes).unwrap_or_default();
        println!("---- extracted text ----\n{text}");
        let pages = parse::pdf::extract(&bytes)
            .map(|e| e.pages)
            .unwrap_or_default();
        if let Some(by_columns) = parse::glyphs::set_out(pages) {
            println!("---- set out by columns ----\n{by_columns}");
        }
        println!("---- blocks ----");
        text
    } else if parse::ofd::is_ofd(&bytes) {
        let text = parse::ofd::text(&bytes).unwrap_or_default();
        println!("---- laid-out text ----\n{text}\n---- blocks ----");
        text
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let doc = if bytes.starts_with(b"PK") && !parse::ofd::is_ofd(&bytes) {
        parse::docx::read(&bytes).unwrap_or_default()
    } else {
        parse::text::read(&text).0
    };
    for b in doc.blocks() {
        match b {
            Block::Para(p) => println!("P  {p}"),
            Block::Row(r) => println!("R  {}", r.join(" | ")),
            Block::TableEnd => println!("--"),
        }
    }
}
