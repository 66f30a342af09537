//! Workshop templates: which checkpoints, in which order, with which tactics.

mod template;
pub mod validate;

pub use template::*;

use std::path::Path;

use crate::file_error::FileError;
use crate::ronfile;

/// Which embedded workshop to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Builtin {
    /// The facilitated customer-centricity workshop.
    Default,
    /// The solo reflection.
    Solo,
}

impl Builtin {
    pub fn source(self) -> &'static str {
        match self {
            Builtin::Default => DEFAULT_RON,
            Builtin::Solo => SOLO_RON,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Builtin::Default => "<embedded>/workshop-default.ron",
            Builtin::Solo => "<embedded>/workshop-solo.ron",
        }
    }

    /// The embedded workshop; it is checked by the tests, so this cannot fail
    /// in a released build.
    pub fn workshop(self) -> Workshop {
        parse(Path::new(self.label()), self.source())
            .unwrap_or_else(|e| panic!("embedded workshop is broken: {e}"))
    }
}

/// Load and check a template file.
pub fn load(path: &Path) -> Result<Workshop, FileError> {
    let text = ronfile::read_text(path)?;
    parse(path, &text)
}

/// Parse and check template text (`path` names it in errors).
pub fn parse(path: &Path, text: &str) -> Result<Workshop, FileError> {
    let text = ronfile::strip_bom(text);
    let w: Workshop = ronfile::parse(path, text)?;
    if let Some(p) = validate::check(&w).into_iter().next() {
        let (line, col) = p.position(text);
        return Err(FileError::at(path, text, line, col, p.message));
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_workshops_load() {
        let d = Builtin::Default.workshop();
        assert_eq!(d.checkpoints.len(), 12);
        assert!(d.tactics_for(crate::method::Move::Raise).count() >= 4);
        assert!(d.tactics_for(crate::method::Move::Lower).count() >= 2);
        let s = Builtin::Solo.workshop();
        assert_eq!(s.mode, crate::method::Mode::Solo);
        assert!(s.checkpoints.len() < d.checkpoints.len());
    }
}
