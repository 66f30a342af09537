//! Finding places in RON text without parsing it: where a problem is, to
//! name its line and column, and a top-level field in a file that does not
//! parse. One scanner for all of them, so none is fooled by a bracket, a
//! comma or a field name inside a quoted text or a comment.
//!
//! What it steps over, as RON 0.12 reads them: quoted texts (`"…"`, `b"…"`,
//! with escapes), raw texts (`r"…"`, `r#"…"#`, `br##"…"##`), characters
//! (`'"'`, `'\''`), line comments and nested block comments.

/// When `i` starts a quoted text, raw text, character or comment, the index
/// of its last byte (or the last byte of the text when it is never closed);
/// otherwise `i`.
pub fn skip(bytes: &[u8], i: usize) -> usize {
    let last = bytes.len().saturating_sub(1);
    match (bytes[i], bytes.get(i + 1)) {
        (b'"', _) => {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            j.min(last)
        }
        (b'r', Some(b'"' | b'#')) if !is_word(bytes, i.wrapping_sub(1)) => {
            raw_text(bytes, i).unwrap_or(i)
        }
        (b'b', Some(b'r')) if !is_word(bytes, i.wrapping_sub(1)) => {
            raw_text(bytes, i + 1).unwrap_or(i)
        }
        (b'\'', _) => character(bytes, i).unwrap_or(i),
        (b'/', Some(b'/')) => {
            let mut j = i;
            while j + 1 < bytes.len() && bytes[j + 1] != b'\n' {
                j += 1;
            }
            j
        }
        (b'/', Some(b'*')) => {
            // Block comments nest in RON.
            let mut depth = 0usize;
            let mut j = i;
            while j + 1 < bytes.len() {
                match (bytes[j], bytes[j + 1]) {
                    (b'/', b'*') => {
                        depth += 1;
                        j += 2;
                    }
                    (b'*', b'/') => {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            return j - 1;
                        }
                    }
                    _ => j += 1,
                }
            }
            last
        }
        _ => i,
    }
}

/// `r"…"` or `r#"…"#` starting at `i` (the `r`): the index of its last
/// byte. None when `r` starts a word (a raw identifier such as `r#type`).
fn raw_text(bytes: &[u8], i: usize) -> Option<usize> {
    let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
    let open = i + 1 + hashes;
    if bytes.get(open) != Some(&b'"') {
        return None;
    }
    let mut j = open + 1;
    while j < bytes.len() {
        if bytes[j] == b'"' && bytes[j + 1..].iter().take(hashes).all(|b| *b == b'#') {
            let close = j + hashes;
            if close < bytes.len() {
                return Some(close);
            }
        }
        j += 1;
    }
    Some(bytes.len() - 1)
}

/// A character such as `'a'`, `'"'`, `'\''` or `'\u{1F642}'` starting at
/// `i`: the index of its closing quote. A lone `'` is not one.
fn character(bytes: &[u8], i: usize) -> Option<usize> {
    // The longest is `'\u{10FFFF}'`.
    let window = &bytes[i + 1..bytes.len().min(i + 12)];
    let close = if window.first() == Some(&b'\\') {
        1 + window.get(1..)?.iter().position(|b| *b == b'\'')? + 1
    } else {
        // One character of up to four bytes.
        window.iter().take(5).position(|b| *b == b'\'')?
    };
    (close > 0).then_some(i + 1 + close)
}

fn is_word(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// The `nth` (0-based) occurrence of `needle` in `text[from..end]` that
/// starts outside quoted texts and comments. A needle that begins with a
/// letter is found only where a word begins: `id:` is not in `next_id:`.
pub fn find(text: &str, needle: &str, from: usize, end: usize, nth: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let starts_word = is_word(needle.as_bytes(), 0);
    let mut seen = 0;
    let mut i = from;
    while i < end.min(bytes.len()) {
        if bytes[i..].starts_with(needle.as_bytes())
            && !(starts_word && is_word(bytes, i.wrapping_sub(1)))
        {
            if seen == nth {
                return Some(i);
            }
            seen += 1;
        }
        i = skip(bytes, i) + 1;
    }
    None
}

/// The byte offset where the group (`(…)`, `[…]`, `{…}`) holding `from`
/// closes, or the end of the text.
pub fn group_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
            }
            _ => i = skip(bytes, i),
        }
        i += 1;
    }
    text.len()
}

/// The byte offset of the field `name:` in the file's outermost group.
pub fn top_level_field(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ if depth == 1
                && bytes[i..].starts_with(name.as_bytes())
                && !is_word(bytes, i.wrapping_sub(1))
                && !is_word(bytes, i + name.len())
                && text[i + name.len()..].trim_start().starts_with(':') =>
            {
                return Some(i);
            }
            _ => i = skip(bytes, i),
        }
        i += 1;
    }
    None
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// 1-based line and column of the `nth` occurrence of `needle` outside
/// quoted texts and comments.
pub fn locate(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    find(text, needle, 0, text.len(), nth).map(|at| line_col(text, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each of these, put before `x: 1` in a group, hides a bracket, a
    /// comma or a field name from the scanner.
    const HIDERS: [&str; 12] = [
        r#""a ( [ { , x: 0""#,
        r#""an escaped \" quote ) ], x: 0""#,
        r#""a backslash at the end \\""#,
        r#"b"bytes ) x: 0""#,
        r#"r"raw ) x: 0""#,
        r##"r#"raw with "quotes" ) x: 0"#"##,
        r###"br##"raw bytes "# ) x: 0"##"###,
        "'\"'",
        r"'\''",
        "')'",
        "// a comment ) x: 0\n",
        "/* a /* nested */ ) x: 0 */",
    ];

    #[test]
    fn texts_characters_and_comments_hide_what_they_hold() {
        for h in HIDERS {
            let text = format!("(a: {h}, x: 1, inner: (x: 2))");
            let at = find(&text, "x:", 0, text.len(), 0).unwrap_or_else(|| panic!("{h}"));
            assert_eq!(&text[at..at + 4], "x: 1", "{h}");
            assert_eq!(find(&text, "x:", 0, text.len(), 2), None, "{h}");
            assert_eq!(top_level_field(&text, "x"), Some(at), "{h}");
            assert_eq!(top_level_field(&text, "inner"), Some(at + 6), "{h}");
            assert_eq!(group_end(&text, 1), text.len() - 1, "{h}");
            assert_eq!(locate(&text, "x: 1", 0), Some(line_col(&text, at)), "{h}");
        }
    }

    #[test]
    fn a_needle_that_starts_a_quoted_text_is_found() {
        let text = "(keys: {\"browse.quit\": [\"q\"]}, // \"q\"\n x: \"q\")";
        assert_eq!(locate(text, "\"q\"", 0), Some((1, 25)));
        assert_eq!(locate(text, "\"q\"", 1), Some((2, 5)));
        assert_eq!(locate(text, "\"q\"", 2), None);
    }

    #[test]
    fn a_field_is_found_only_where_a_word_begins() {
        let text = "(next_id: 5, id: 6)";
        assert_eq!(find(text, "id:", 0, text.len(), 0), Some(13));
        assert_eq!(top_level_field(text, "id"), Some(13));
    }

    #[test]
    fn nested_fields_are_not_top_level() {
        let text = "(meta: (schema: 9), schema: 3)";
        assert_eq!(top_level_field(text, "schema"), Some(20));
        assert_eq!(top_level_field("(meta: (schema: 9))", "schema"), None);
    }

    #[test]
    fn a_group_ends_where_it_closes() {
        let text = "[(id: 1, owner: \")\"), (id: 2, owner: \"\")]";
        let second = find(text, "id: 2", 0, text.len(), 0).unwrap();
        let end = group_end(text, second);
        assert_eq!(&text[end..], ")]");
        assert_eq!(find(text, "owner:", second, end, 0), Some(second + 7));
        let first = find(text, "id: 1", 0, text.len(), 0).unwrap();
        let end = group_end(text, first);
        assert_eq!(find(text, "owner:", first, end, 1), None);
    }

    #[test]
    fn unclosed_texts_and_comments_end_the_scan_without_a_panic() {
        for text in [
            "(a: \"open",
            "(a: \"open\\",
            "(a: r#\"open\"",
            "(a: r#",
            "(a: br",
            "(a: '",
            "(a: '\\",
            "(a: /* open",
            "(a: /* /* */",
            "(a: //",
            "/",
            "r",
        ] {
            assert_eq!(find(text, "x:", 0, text.len(), 0), None, "{text}");
            assert_eq!(top_level_field(text, "x"), None, "{text}");
            assert_eq!(group_end(text, 1), text.len(), "{text}");
        }
    }

    #[test]
    fn raw_identifiers_and_lone_quotes_are_plain_code() {
        let text = "(r#type: 1, it's: 2, x: 3)";
        assert_eq!(top_level_field(text, "x"), Some(21));
        assert_eq!(find(text, "r#type", 0, text.len(), 0), Some(1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("é✓x", "é✓".len()), (1, 3));
    }
}
