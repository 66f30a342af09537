//! Typed words on a page: what the HTML export and its chart wrap around
//! anything someone typed.

use maud::Render;

/// Words someone typed, inert in HTML text and attribute values alike: the
/// single quote is escaped too, and control characters other than newline
/// and tab are dropped (they have no place in a document and some are
/// invalid in HTML).
pub(crate) struct Typed<'a>(pub &'a str);

impl Render for Typed<'_> {
    fn render_to(&self, out: &mut String) {
        out.reserve(self.0.len());
        for c in self.0.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                '\n' | '\t' => out.push(c),
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Typed;
    use maud::Render;

    #[test]
    fn typed_words_escape_all_five() {
        let esc = |s: &str| Typed(s).render().into_string();
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(esc("a\u{1b}[2Jb"), "a [2Jb");
    }
}
