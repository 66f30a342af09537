//! Reading RON files safely and explaining what is wrong with them in words
//! a facilitator understands.

use std::io::Read;
use std::path::Path;

use ron::error::{Error as RonError, SpannedError};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::file_error::FileError;

/// Larger files are refused before parsing: a 10,000-item session is a few MiB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file was not read: only regular files are, and only up to a cap.
#[derive(Debug)]
pub enum Unreadable {
    Io(std::io::Error),
    Folder,
    /// A FIFO, a device or a socket: reading one could block or never end.
    Special(&'static str),
    /// The file's size in bytes, over the cap.
    TooBig(u64),
}

/// The bytes of a regular file of at most `max` bytes. Opened without
/// blocking (a FIFO would wait for a writer) and checked on the open file
/// (the name could be swapped between a check and the open); at most `max`
/// bytes are read even if the file grows meanwhile.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, Unreadable> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(Unreadable::Io)?;
    let meta = file.metadata().map_err(Unreadable::Io)?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(Unreadable::Folder);
    }
    if !kind.is_file() {
        return Err(Unreadable::Special(special_kind(&kind)));
    }
    if meta.len() > max {
        return Err(Unreadable::TooBig(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(Unreadable::Io)?;
    if bytes.len() as u64 > max {
        return Err(Unreadable::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

fn special_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "a special file"
}

/// Read a file as UTF-8 text, refusing folders, special files, huge files
/// and binary data.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let bytes = read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        Unreadable::Io(e) => io_problem(path, &e),
        Unreadable::Folder => FileError::whole(path, "this is a folder, not a file"),
        Unreadable::Special(what) => FileError::whole(
            path,
            format!("this is {what}, not a regular file: balcony reads only regular files"),
        ),
        Unreadable::TooBig(len) => FileError::whole(
            path,
            format!(
                "the file is {:.1} MiB; balcony reads files of up to {} MiB",
                len as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ),
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(bytes);
            let (line, col) =
                crate::ronscan::line_col(&String::from_utf8_lossy(&bytes[..valid]), valid);
            Err(FileError::at(
                path,
                &text,
                line,
                col,
                "this is not text (invalid UTF-8): is it a session file at all?",
            ))
        }
    }
}

fn io_problem(path: &Path, e: &std::io::Error) -> FileError {
    use std::io::ErrorKind::*;
    let msg = match e.kind() {
        NotFound => "no such file".to_string(),
        PermissionDenied => "permission denied: balcony may not read this file".to_string(),
        _ => format!("cannot read the file: {e}"),
    };
    FileError::whole(path, msg)
}

/// The text without the byte-order mark some editors put first: editors do
/// not show it or count it in columns, and RON does not expect it.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parse `text` (read from `path`) as a `T`, with a located, plain-words error.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, FileError> {
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(FileError::whole(
            path,
            "the file is empty (was it cut off while being copied?)",
        ));
    }
    if let Some(at) = text.find('\0') {
        let (line, col) = crate::ronscan::line_col(text, at);
        return Err(FileError::at(
            path,
            text,
            line,
            col,
            "this is binary data, not text: is it a session or template file at all?",
        ));
    }
    // The default recursion limit stays on: without it, deep nesting overflows the stack.
    ron::Options::default()
        .from_str::<T>(text)
        .map_err(|e| explain(path, text, &e))
}

/// Like [`parse`], for hand-written settings files: optional fields may be
/// written bare (`theme: DarkProjector`, not `theme: Some(DarkProjector)`).
pub fn parse_settings<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::whole(path, "the file is empty"));
    }
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<T>(text)
        .map_err(|e| explain(path, text, &e))
}

/// Pretty, diff-friendly RON: one field a line, four-space indent.
pub fn to_pretty<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text = readable(&ron::ser::to_string_pretty(value, config)?);
    text.push('\n');
    Ok(text)
}

/// ron escapes combining marks, joiners and variation selectors as
/// `\u{...}` (and apostrophes as `\'`), so an accent, an Indic vowel sign or a joined emoji is
/// unreadable in the file. They are written as themselves; what could
/// disturb a terminal or an editor (controls, bidi overrides, line and
/// paragraph separators, the byte-order mark) stays escaped. Escapes only
/// ever occur inside strings, and a literal backslash is written `\\`.
pub fn readable(ron: &str) -> String {
    if !ron.contains("\\u{") && !ron.contains("\\'") {
        return ron.to_string();
    }
    let mut out = String::with_capacity(ron.len());
    let mut rest = ron;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("\\'") {
            // An apostrophe needs no escape between double quotes.
            out.push('\'');
            rest = after;
            continue;
        }
        let shown = rest
            .strip_prefix("\\u{")
            .and_then(|r| Some((r, r.find('}')?)))
            .and_then(|(r, end)| {
                let c = char::from_u32(u32::from_str_radix(&r[..end], 16).ok()?)?;
                let keep_escaped = crate::clean::needs_work(c)
                    || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}');
                (!keep_escaped).then_some((c, 3 + end + 1))
            });
        match shown {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            // Another escape (`\\`, `\"`, `\n`, a kept `\u{...}`): as it is.
            None => {
                let len = rest.chars().take(2).map(char::len_utf8).sum::<usize>();
                out.push_str(&rest[..len]);
                rest = &rest[len..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn explain(path: &Path, text: &str, e: &SpannedError) -> FileError {
    let pos = e.span.start;
    if matches!(e.code, RonError::ExpectedAttribute) {
        // ron has read the `#` already: point at it.
        let col = pos.col.saturating_sub(1);
        return FileError::at(path, text, pos.line, col, describe(&e.code));
    }
    // ron's span can start on the blanks before the value: point at the value.
    let col = text
        .lines()
        .nth(pos.line.saturating_sub(1))
        .map_or(pos.col, |line| {
            let blanks = line
                .chars()
                .skip(pos.col.saturating_sub(1))
                .take_while(|c| *c == ' ' || *c == '\t')
                .count();
            if pos.col.saturating_sub(1) + blanks < line.chars().count() {
                pos.col + blanks
            } else {
                pos.col
            }
        });
    FileError::at(path, text, pos.line, col, describe(&e.code))
}

fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing here".to_string(),
        [one] => format!("`{one}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

fn within(outer: &Option<String>) -> String {
    match outer {
        Some(o) if !o.is_empty() => format!(" in {}", o),
        _ => String::new(),
    }
}

/// Words for ron's error codes, in the terms a person editing the file uses.
fn describe(code: &RonError) -> String {
    use RonError::*;
    match code {
        Eof => "the file ends too early: something is not closed (truncated file?)".into(),
        ExpectedArray => "expected a list starting with `[`".into(),
        ExpectedArrayEnd => {
            "expected `]` to close the list (or a missing comma before this)".into()
        }
        ExpectedComma => "expected a comma between the entries".into(),
        ExpectedStructLike | ExpectedNamedStructLike(_) => {
            "expected `(` to open a group of fields".into()
        }
        ExpectedStructLikeEnd | ExpectedOptionEnd => {
            "expected `)` to close this group (or a missing comma before this)".into()
        }
        ExpectedMap => "expected `{` to open a map".into(),
        ExpectedMapColon => "expected `:` after the field name".into(),
        ExpectedMapEnd => "expected `}` to close the map".into(),
        ExpectedString => "expected text in double quotes, like \"this\"".into(),
        ExpectedStringEnd => {
            "this text is never closed with a `\"` (truncated file, or a stray quote?)".into()
        }
        ExpectedInteger | InvalidIntegerDigit { .. } => "expected a whole number".into(),
        IntegerOutOfBounds => "this number is out of range".into(),
        ExpectedFloat | FloatUnderscore => "expected a number".into(),
        ExpectedBoolean => "expected `true` or `false`".into(),
        ExpectedOption => "expected `Some(...)` or `None`".into(),
        ExpectedIdentifier => "expected a field name or a word such as `Balcony`".into(),
        ExpectedUnit => "expected `()`".into(),
        InvalidEscape(what) => format!("a backslash escape in this text is not valid ({what})"),
        UnclosedBlockComment => "a `/*` comment is never closed".into(),
        UnclosedLineComment => "a comment runs to the end of the file without a line break".into(),
        UnexpectedChar(c) => format!("unexpected character {c:?}"),
        TrailingCharacters => "there is more text after the end of the session".into(),
        ExceededRecursionLimit => {
            "brackets are nested far too deeply here (far deeper than any session or template)"
                .into()
        }
        Utf8Error(_) => "this is not valid text (UTF-8)".into(),
        InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        ExpectedDifferentLength { expected, found } => {
            format!("expected {expected}, found {found} entries")
        }
        NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a choice here{}; use {}",
            within(outer),
            one_of(expected)
        ),
        NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; the fields are {}",
            within(outer),
            one_of(expected)
        ),
        MissingStructField { field, outer } => {
            format!("the field `{field}` is missing{}", within(outer))
        }
        DuplicateStructField { field, outer } => {
            format!("the field `{field}` appears twice{}", within(outer))
        }
        Message(m) => plain_message(m),
        ExpectedAttribute | ExpectedAttributeEnd | NoSuchExtension(_) => {
            "this is not a balcony file: a session or template starts with `(` (is it RON at all?)"
                .into()
        }
        ExpectedChar | ExpectedByteLiteral | ExpectedByteString => {
            "expected text in double quotes, like \"this\"".into()
        }
        ExpectedDifferentStructName { expected, found } => {
            format!(
                "found the word `{found}` where `(` (or `{expected}(`) should open a group of fields"
            )
        }
        ExpectedStructName(name) => format!("expected `{name}` here"),
        InvalidIdentifier(word) | SuggestRawIdentifier(word) => {
            format!("`{word}` is not a valid name here")
        }
        UnderscoreAtBeginning => "a number cannot start with `_`".into(),
        ExpectedRawValue | ExpectedRangeSyntax => "this value is not valid here".into(),
        other => other.to_string(),
    }
}

/// serde's custom messages (dates, for one) read better with a hint.
fn plain_message(m: &str) -> String {
    if m.contains("input contains invalid characters")
        || m.contains("premature end of input")
        || m.contains("input is out of range")
        || m.contains("trailing input")
        || m.contains("input is not enough for unique date")
    {
        format!(
            "this date or time is not valid ({m}); write dates as \"2026-11-23\" and times as \"2026-11-23T14:05:00+01:00\""
        )
    } else {
        m.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        a: u8,
        b: String,
    }

    fn err(text: &str) -> FileError {
        parse::<T>(Path::new("t.ron"), text).unwrap_err()
    }

    #[test]
    fn unknown_field_is_named_with_position() {
        let e = err("(\n  a: 1,\n  c: \"x\",\n)");
        assert_eq!((e.line, e.col), (3, 3));
        assert!(e.message.contains("unknown field `c`"), "{}", e.message);
        assert!(e.message.contains("`a`, `b`"), "{}", e.message);
    }

    #[test]
    fn missing_field_is_named() {
        let e = err("(a: 1)");
        assert!(e.message.contains("`b` is missing"), "{}", e.message);
    }

    #[test]
    fn yaml_is_explained_in_words() {
        let e = err("schema: 1\nmeta:\n");
        assert_eq!((e.line, e.col), (1, 1));
        assert!(
            e.message.contains("found the word `schema`"),
            "{}",
            e.message
        );
        let e = err("# Notes\n");
        assert_eq!((e.line, e.col), (1, 1));
        assert!(e.message.contains("not a balcony file"), "{}", e.message);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let v: T = parse(Path::new("t.ron"), "\u{feff}(a: 1, b: \"x\")").unwrap();
        assert_eq!(v.a, 1);
        let e = err("\u{feff}(a: 1, c: 2)");
        assert_eq!((e.line, e.col), (1, 8));
    }

    #[test]
    fn empty_file_is_explained() {
        assert!(err("  \n").message.contains("empty"));
    }

    #[test]
    fn non_ascii_text_is_written_readably_and_read_back() {
        let texts = vec![
            "cafe\u{301} à l'e\u{301}cole, \u{928}\u{93f} 👩\u{200d}💻 ❤\u{fe0f}".to_string(),
            "back\\u{41}slash \"quoted\" \u{202e}rtl\u{2028}sep\u{feff}\u{7}".to_string(),
        ];
        let text = to_pretty(&texts).unwrap();
        assert!(text.contains("cafe\u{301} à l'e\u{301}cole"), "{text}");
        assert!(text.contains("👩\u{200d}💻 ❤\u{fe0f}"), "{text}");
        assert!(
            text.contains(r#"back\\u{41}slash \"quoted\" \u{202e}rtl\u{2028}sep\u{feff}\u{7}"#),
            "{text}"
        );
        let back: Vec<String> = parse(Path::new("t.ron"), &text).unwrap();
        assert_eq!(back, texts);
        // Files written before keep loading.
        let old: Vec<String> = parse(Path::new("t.ron"), r#"["cafe\u{301}"]"#).unwrap();
        assert_eq!(old, ["cafe\u{301}"]);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let e = parse::<ron::Value>(Path::new("t.ron"), &text).unwrap_err();
        assert!(e.message.contains("nested"), "{}", e.message);
    }
}
