//! A share quoted after a count (`予以公开145件，占89.5%`): of what, and how closely printed.

use super::show;
use crate::check::Finding;

/// A percentage as printed: its value and its decimal places.
#[derive(Debug, PartialEq)]
pub(crate) struct Percent {
    pub value: f64,
    pub places: u32,
}

/// The percentage printed right after a count (`，占12.5%`, `（占比9.26%）`), if any.
pub(super) fn percent_after(s: &str) -> Option<Percent> {
    let s = s.trim_start_matches(['，', ',', '（', '(', ' ']);
    let s = s.strip_prefix('占')?;
    let s = s.trim_start_matches(|c: char| !c.is_ascii_digit() && c != '.');
    let len = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (num, rest) = s.split_at(len);
    if !rest.starts_with(['%', '％']) {
        return None;
    }
    let places = num.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    Some(Percent {
        value: num.parse().ok()?,
        places,
    })
}

/// The totals a report may give a share of: the applications it dealt with (办理结果总计),
/// those newly received, and those together with the ones carried over.
pub(super) struct Bases {
    pub processed: Option<f64>,
    pub new: Option<f64>,
    pub carried: Option<f64>,
}

/// An error when `count` is `p` of none of the totals, to the places printed (rounded or cut
/// off: 89.51 % may be printed 89.5 % or 90 %).
pub(super) fn check(what: &str, count: f64, p: &Percent, bases: &Bases, out: &mut Vec<Finding>) {
    let Some(processed) = bases.processed.filter(|&t| t > 0.0) else {
        return;
    };
    let all = bases.new.map(|n| n + bases.carried.unwrap_or(0.0));
    let tolerance = 10f64.powi(-(p.places.min(6) as i32)) + 1e-9;
    let agrees = [Some(processed), bases.new, all]
        .into_iter()
        .flatten()
        .filter(|&t| t > 0.0)
        .any(|t| (count / t * 100.0 - p.value).abs() <= tolerance);
    if !agrees {
        out.push(Finding::error(
            "text_vs_table",
            "sections",
            format!(
                "正文称{what}{}件占{}%，但{}÷办理总数{}={:.2}%",
                show(count),
                p.value,
                show(count),
                show(processed),
                count / processed * 100.0
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_agrees_with_any_total_to_its_places() {
        let bases = Bases {
            processed: Some(162.0),
            new: Some(171.0),
            carried: Some(27.0),
        };
        for (printed, errors) in [
            ("，占89.5%", 0),
            ("，占89.51%", 0),
            ("，占90%", 0),
            ("（占比89.5％）", 0),
            // Of those received this year, and of those with the ones carried over.
            ("，占本年新收申请的84.8%", 0),
            ("，占全部申请的73.2%", 0),
            ("，占50%", 1),
            ("，占89.7%", 1),
        ] {
            let p = percent_after(printed).expect("a percentage");
            let mut out = Vec::new();
            check("予以公开", 145.0, &p, &bases, &mut out);
            assert_eq!(out.len(), errors, "{printed}: {out:?}");
        }
        assert_eq!(percent_after("，同比增长12%"), None);
    }
}
