//! HTML in the official table layout (merged header and label cells), with a print stylesheet
//! for A4 and the 公文 fonts, falling back to what the reader's machine has.

use askama::Template;

use super::layout::{self, Grid};
use crate::model::Report;

struct Section {
    heading: String,
    paragraphs: Vec<String>,
    table: Option<Grid>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct Page {
    title: String,
    body: String,
    published: Option<String>,
    sections: Vec<Section>,
}

/// The sections with their tables, as every layout prints them.
fn sections(r: &Report) -> Vec<Section> {
    (0..6)
        .map(|i| Section {
            heading: layout::heading(i),
            paragraphs: r
                .sections
                .get(i)
                .map(|t| layout::paragraphs(t).map(String::from).collect())
                .unwrap_or_default(),
            table: match i {
                1 => Some(layout::table2_grid(r)),
                2 => Some(layout::table3_grid(r)),
                3 => Some(layout::table4_grid(r)),
                _ => None,
            },
        })
        .collect()
}

pub fn html(r: &Report) -> String {
    let page = Page {
        title: layout::title(r),
        body: r.body.clone().unwrap_or_default(),
        published: r.published.clone(),
        sections: sections(r),
    };
    page.render().unwrap_or_default()
}
