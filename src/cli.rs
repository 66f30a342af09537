//! The command line: one subcommand per way of using balcony.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::session::store::{DEFAULT_DIR, ENV_DIR};
use crate::session::validate::MAX_TEXT_CHARS;
use crate::workshop::Builtin;
// Its formats are the export's; named here too, where the command takes one.
pub use crate::export::ExportFormat;

#[derive(Debug, Parser)]
#[command(
    name = "balcony",
    version,
    about = "Facilitate adaptive-leadership change workshops from the terminal",
    long_about = "Facilitate adaptive-leadership change workshops from the terminal.\n\n\
        Step a room between the balcony (step back, see the patterns) and the dance floor \
        (capture, decide, assign). Read and regulate the heat, protect gadfly ideas, map \
        competing values, and give the work back with one owner per commitment. \
        Every change is saved at once as a RON file.\n\n\
        With no subcommand, balcony opens its start screen."
)]
pub struct Cli {
    /// Folder of session files [default: ./sessions]
    #[arg(long, global = true, env = ENV_DIR, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Colours for this run (both the facilitator's screen and the projector
    /// view); the config file sets them otherwise
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub theme: Option<crate::ui::theme::ThemeName>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line of this process. A bare `balcony`, which opens the
    /// start screen, has nothing to parse: clap would still build every
    /// argument and copy the global ones into each subcommand, 16 page
    /// faults and 94,000 instructions before the first frame
    /// (BENCHMARKS.md). Anything else goes to clap.
    pub fn from_env() -> Cli {
        if std::env::args_os().len() == 1
            && let Some(cli) = Cli::bare(std::env::var_os(ENV_DIR))
        {
            return cli;
        }
        Cli::parse()
    }

    /// No arguments, the sessions folder from the environment, as clap
    /// reads them; `None` for an empty folder name, which clap refuses.
    fn bare(dir: Option<OsString>) -> Option<Cli> {
        if dir.as_ref().is_some_and(|d| d.is_empty()) {
            return None;
        }
        Some(Cli {
            dir: dir.map(PathBuf::from),
            theme: None,
            command: None,
        })
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.dir
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR))
    }

    /// The folders given, or the sessions folder.
    pub fn folders(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        if given.is_empty() {
            vec![self.sessions_dir()]
        } else {
            given.to_vec()
        }
    }
}

/// Each subcommand's arguments are built only when it is the one run:
/// building them all cost about 80 µs and a dozen page faults before the
/// start screen could draw (BENCHMARKS.md).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Start a new session and go straight to its first checkpoint
    New(NewArgs),
    /// Resume a session where it was left
    Open {
        /// The session file
        file: PathBuf,
    },
    /// Browse past sessions (read-only)
    Review {
        /// Folders to review, subfolders too [default: the sessions folder]
        // Its own id: `dir` is the global --dir's, and clap wants them apart.
        #[arg(id = "folder", value_name = "DIR")]
        dirs: Vec<PathBuf>,
    },
    /// Start a private solo reflection
    Reflect {
        /// A title for the reflection
        #[arg(long, short, value_parser = field_text)]
        title: Option<String>,
    },
    /// Follow a live session read-only, for the projector
    Present {
        /// The session file being facilitated in another terminal
        file: PathBuf,
    },
    /// Write a session as Markdown, HTML, CSV or a calendar; with --archive and no FILE, a report across the archive
    Export {
        /// The session file
        #[arg(required_unless_present = "archive")]
        file: Option<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Where to write [default: standard output; `-` too]
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// A folder of past sessions, subfolders too (again for more): with FILE, the Markdown summary names the issues raised in its earlier sessions; without, a report across all of them
        #[arg(long, value_name = "DIR")]
        archive: Vec<PathBuf>,
    },
    /// Check session or template files; report each problem as FILE:LINE:COL
    Check {
        /// Files to check
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// One line per session, newest first
    List {
        /// Folders to list, subfolders too [default: the sessions folder]
        #[arg(id = "folder", value_name = "DIR")]
        dirs: Vec<PathBuf>,
    },
    /// Items of every session that hold all the words, best first
    Search {
        /// The words to look for
        query: String,
        /// Folders to search, subfolders too [default: the sessions folder]
        #[arg(id = "folder", value_name = "DIR")]
        dirs: Vec<PathBuf>,
        /// At most this many items
        #[arg(long, short = 'n', default_value_t = 50)]
        limit: usize,
    },
    /// Open commitments and running experiments across the archive by review date, overdue first
    Due {
        /// Folders to read, subfolders too [default: the sessions folder]
        #[arg(id = "folder", value_name = "DIR")]
        dirs: Vec<PathBuf>,
        /// The day to count from [default: today]
        #[arg(long, hide = true, value_name = "YYYY-MM-DD")]
        today: Option<chrono::NaiveDate>,
    },
    /// Write a synthetic session, for demos, tests and benchmarks
    Sample {
        /// About how many items (at most 50,000: the file must stay readable)
        #[arg(long, short = 'n', default_value_t = 200,
              value_parser = clap::value_parser!(u32).range(0..=MAX_SAMPLE_ITEMS))]
        items: u32,
        /// The same seed gives the same session
        #[arg(long, short, default_value_t = 1)]
        seed: u64,
        /// The file to write (an existing file is not overwritten)
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Print an embedded workshop template, to start a custom one from
    Template {
        /// Which template
        #[arg(value_enum, default_value_t = Builtin::Default)]
        which: Builtin,
        /// Print the template's RON (the default action)
        #[arg(long)]
        print: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The session's title
    #[arg(long, short, value_parser = field_text)]
    pub title: Option<String>,
    /// Who facilitates
    #[arg(long, short, value_parser = field_text)]
    pub facilitator: Option<String>,
    /// The challenge, in a sentence or two: every export opens with it
    /// (`c` changes it later)
    #[arg(long, value_name = "TEXT", value_parser = field_text)]
    pub context: Option<String>,
    /// A workshop template file instead of the embedded default
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Use the embedded solo reflection
    #[arg(long, conflicts_with = "template")]
    pub solo: bool,
    /// Start in the projector view
    #[arg(long)]
    pub projector: bool,
    /// Start by reviewing an earlier session's open items
    #[arg(long, value_name = "FILE")]
    pub follow_up: Option<PathBuf>,
    /// Open the join page at once: participants send ideas and readings
    /// from their phones
    #[arg(long, conflicts_with = "solo")]
    pub room: bool,
    /// Where the join page listens [default: the laptop's address on the
    /// local network, any free port; 127.0.0.1 when there is none]
    #[arg(long, value_name = "ADDR:PORT")]
    pub bind: Option<std::net::SocketAddr>,
    /// How many devices the join page lets in [default: 40, or the config's
    /// room_size]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=500))]
    pub room_size: Option<u16>,
    /// The address participants are given (with the join code after it), for
    /// a tunnel such as `tailscale serve` [default: the config's public_url]
    #[arg(long, value_name = "URL", value_parser = public_url)]
    pub public_url: Option<String>,
}

fn public_url(s: &str) -> Result<String, String> {
    crate::join::address::check_public_url(s).map(|()| s.to_string())
}

/// The most items `sample` makes: about 19 MiB, well under the 32 MiB balcony reads.
pub const MAX_SAMPLE_ITEMS: i64 = 50_000;

/// Text for a session's field, refused at the door when a file could not
/// hold it (the loader's limit, the forms' limit).
fn field_text(s: &str) -> Result<String, String> {
    let n = s.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(format!(
            "{n} characters; a field holds at most {MAX_TEXT_CHARS}"
        ));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::Cli;

    /// What a bare `balcony` is given, without clap, is what clap makes of
    /// the same: the folder from the environment (here given as `--dir`,
    /// which lands in the same field; the environment is the process's and
    /// not the test's to change) and nothing else.
    #[test]
    fn no_arguments_read_as_clap_reads_them() {
        let dir = Cli::bare(Some("elsewhere".into())).unwrap();
        let clap = Cli::try_parse_from(["balcony", "--dir", "elsewhere"]).unwrap();
        assert_eq!(format!("{dir:?}"), format!("{clap:?}"));
        if std::env::var_os(super::ENV_DIR).is_none() {
            let none = Cli::bare(None).unwrap();
            let clap = Cli::try_parse_from(["balcony"]).unwrap();
            assert_eq!(format!("{none:?}"), format!("{clap:?}"));
        }
        // An empty name is clap's to refuse, with its own message.
        assert!(Cli::bare(Some("".into())).is_none());
    }

    /// clap checks a command only when it is built, and subcommands are
    /// built only when run: build the whole tree here.
    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
