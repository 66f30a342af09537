//! Participants' text is hostile until cleaned: terminal escape sequences and
//! control characters are removed before anything else sees it, so neither the
//! facilitator's terminal, the file nor an export ever holds them.

/// Removes escape sequences (CSI, OSC, DCS and two-byte ones, in their 7-bit
/// and 8-bit forms), every other control character except line breaks, and
/// the invisible characters that reorder text (bidi overrides). Line breaks
/// are kept when `multiline`, else they become spaces. Leading and trailing
/// whitespace goes.
pub fn clean(input: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte.
                Some('[') => skip_csi(&mut chars),
                // OSC, DCS, SOS, PM, APC: a string up to BEL or ST.
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // A two-byte sequence: the second byte goes too.
                Some(_) | None => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(if multiline { '\n' } else { ' ' });
                }
            }
            '\n' => out.push(if multiline { '\n' } else { ' ' }),
            '\t' => out.push(' '),
            c if c.is_control() || is_reordering(c) => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
        // Anything outside the sequence's byte range ends it (and is dropped).
        if !('\u{20}'..='\u{3f}').contains(&c) {
            return;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Characters that change the order text is shown in, or hide it.
fn is_reordering(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn escape_sequences_and_controls_go() {
        assert_eq!(clean("\u{1b}[31mred\u{1b}[0m", false), "red");
        assert_eq!(clean("a\u{1b}]0;title\u{7}b", false), "ab");
        assert_eq!(
            clean("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\", false),
            "alink"
        );
        assert_eq!(clean("x\u{9b}2Jy", false), "xy");
        assert_eq!(
            clean("bell\u{7} back\u{8}space\u{0}", false),
            "bell backspace"
        );
        assert_eq!(clean("\u{1b}Pq#0;2;0;0;0\u{1b}\\ok", false), "ok");
        assert_eq!(clean("\u{202e}evil", false), "evil");
    }

    #[test]
    fn line_breaks_kept_only_when_asked() {
        assert_eq!(clean("one\r\ntwo\rthree\n", true), "one\ntwo\nthree");
        assert_eq!(clean(" one\ntwo\t", false), "one two");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let t = "Ça coûte <b>cher</b> & \"vite\" — 日本語 🙂";
        assert_eq!(clean(t, true), t);
    }
}
