//! A body's name as its source prints it. [`squash`] reads a title with its spaces and
//! brackets dropped (a spaced-out title, `山 亭 区`), which runs a merged office's two names
//! together: `县发展和改革局（县粮食和物资储备局）` would read `县发展和改革局县粮食和物资储备局`.

use crate::parse::extract::labels::squash_drops;

/// `body` with the brackets its source printed it with, from the first of `sources` that
/// holds it; `body` itself where none holds it with a bracket.
pub(in crate::parse::extract) fn as_printed<'a>(
    body: String,
    sources: impl IntoIterator<Item = &'a str>,
) -> String {
    sources
        .into_iter()
        .find_map(|line| printed_in(&body, line))
        .unwrap_or(body)
}

fn is_bracket(c: char) -> bool {
    matches!(c, '（' | '）' | '(' | ')')
}

/// `body` as `line` prints it, when the print holds a bracket and nothing else that squashing
/// drops but spaces.
fn printed_in(body: &str, line: &str) -> Option<String> {
    // Most lines hold no bracket.
    if !line.contains(is_bracket) {
        return None;
    }
    let want: Vec<char> = body.chars().collect();
    let kept: Vec<(usize, char)> = line
        .char_indices()
        .filter(|&(_, c)| !squash_drops(c))
        .collect();
    let at = kept
        .windows(want.len().max(1))
        .position(|w| w.iter().map(|&(_, c)| c).eq(want.iter().copied()))?;
    let (from, _) = *kept.get(at)?;
    let (last, c) = *kept.get(at + want.len() - 1)?;
    let mut to = last + c.len_utf8();
    let rest = line.get(to..)?;
    // A closing bracket right after the name is the name's.
    if let Some(close) = rest
        .trim_start()
        .chars()
        .next()
        .filter(|&c| matches!(c, '）' | ')'))
    {
        to = to + rest.len() - rest.trim_start().len() + close.len_utf8();
    }
    let span = line.get(from..to)?;
    let dropped = |c: char| squash_drops(c) && !c.is_whitespace();
    let balanced = span.chars().filter(|&c| matches!(c, '（' | '(')).count()
        == span.chars().filter(|&c| matches!(c, '）' | ')')).count();
    (span.chars().any(is_bracket)
        && balanced
        && span.chars().filter(|&c| dropped(c)).all(is_bracket))
    .then(|| span.chars().filter(|c| !c.is_whitespace()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_are_kept_as_printed() {
        for (body, line, want) in [
            (
                "中共德清县委宣传部县政府新闻办",
                "中共德清县委宣传部（县政府新闻办）2022年政府信息公开工作年度报告",
                "中共德清县委宣传部（县政府新闻办）",
            ),
            (
                "县发展和改革局县粮食和物资储备局",
                "县发展和改革局 (县粮食和物资储备局)",
                "县发展和改革局(县粮食和物资储备局)",
            ),
            // No bracket: as squashed.
            (
                "山亭区凫城镇",
                "山 亭 区 凫 城 镇 2025 年政府信息公开",
                "山亭区凫城镇",
            ),
            // Not in the line: as squashed.
            ("余杭区教育局", "某市人民政府（办公室）", "余杭区教育局"),
            // An opening bracket the name leaves open is not the name's.
            ("某局", "（某局2022年报告", "某局"),
        ] {
            assert_eq!(as_printed(body.to_string(), [line]), want, "{line}");
        }
    }
}
