//! A session's title from the head of its file, without loading it all: the
//! start screen lists up to fifty, and a large session takes a while to read.

use std::io::Read;
use std::path::Path;

/// How much of a file is looked at: the title comes early in `meta`.
const HEAD_BYTES: u64 = 16 * 1024;

/// The title written in a session file, if it can be found near its start.
pub fn title(path: &Path) -> Option<String> {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(HEAD_BYTES)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    let meta = text.find("meta:")?;
    let at = meta + text[meta..].find("title:")? + "title:".len();
    let rest = text[at..].trim_start();
    // The RON string literal: up to the first quote not escaped.
    let mut escaped = false;
    let end = rest
        .char_indices()
        .skip(1)
        .find(|&(_, c)| {
            let done = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            done
        })?
        .0;
    let title: String = ron::from_str(&rest[..=end]).ok()?;
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_title_and_gives_up_quietly() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        std::fs::write(
            &p,
            "// a comment\n(\n    schema: 1,\n    meta: (\n        title: \"Q3 \\\"first\\\" 🙂\",\n",
        )
        .unwrap();
        assert_eq!(title(&p).as_deref(), Some("Q3 \"first\" 🙂"));
        std::fs::write(&p, "(meta: (title: \"unterminated").unwrap();
        assert_eq!(title(&p), None);
        std::fs::write(&p, [0xff, 0xfe, 0x00]).unwrap();
        assert_eq!(title(&p), None);
        assert_eq!(title(&dir.path().join("missing.ron")), None);
    }
}
