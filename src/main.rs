use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use balcony::clean;
use balcony::cli::{Cli, Command, NewArgs};
use balcony::commands;
use balcony::config::{Config, Look};
use balcony::session::lock::Lock;
use balcony::session::{Session, store};
use balcony::shell::app::{self, Launch};
use balcony::shell::{self, terminal};
use balcony::strings;
use balcony::ui::colour_depth::Depth;
use balcony::ui::theme;
use balcony::workshop::{self, Builtin};

fn main() -> ExitCode {
    let cli = Cli::from_env();
    let dir = cli.sessions_dir();
    let look = || {
        let (cfg, problem) = Config::load();
        Look::for_terminal(
            &cfg,
            problem.as_ref(),
            cli.theme,
            theme::no_color_env(),
            Depth::from_env(),
            balcony::ui::glyphs::ascii_from_env(),
            balcony::shell::background::guess,
        )
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = match &cli.command {
        Some(Command::Check { files }) => commands::check(files, &mut out, &mut err),
        Some(Command::List { dirs }) => commands::list(&cli.folders(dirs), &mut out, &mut err),
        Some(Command::Search { query, dirs, limit }) => {
            balcony::archive::search(query, &cli.folders(dirs), *limit, &mut out, &mut err)
        }
        Some(Command::Due { dirs, today }) => {
            let today = today.unwrap_or_else(|| shell::now().date_naive());
            balcony::archive::due(&cli.folders(dirs), today, &mut out, &mut err)
        }
        Some(Command::Sample {
            items,
            seed,
            output,
        }) => commands::sample(*items as usize, *seed, output, &mut err),
        Some(Command::Template { which, .. }) => commands::template(*which, &mut out),
        Some(Command::Export {
            file: Some(file),
            format,
            output,
            archive,
        }) => commands::export(
            file,
            *format,
            output.as_deref(),
            archive,
            &mut out,
            &mut err,
        ),
        Some(Command::Export {
            file: None,
            format,
            output,
            archive,
        }) => commands::archive_report(archive, *format, output.as_deref(), &mut out, &mut err),
        None => {
            drop((out, err));
            if let Some(code) = not_a_folder(&dir).or_else(no_terminal) {
                return ExitCode::from(code);
            }
            app::run_with(Launch::Start, &dir, &look())
        }
        Some(Command::New(args)) => {
            drop((out, err));
            new_session(args, &dir, look())
        }
        Some(Command::Present { file }) => {
            drop((out, err));
            if let Some(code) = no_terminal() {
                return ExitCode::from(code);
            }
            shell::present::run(file, &look())
        }
        Some(Command::Reflect { title }) => {
            drop((out, err));
            let args = NewArgs {
                title: title.clone(),
                facilitator: None,
                context: None,
                template: None,
                solo: true,
                projector: false,
                follow_up: None,
                room: false,
                bind: None,
                room_size: None,
                public_url: None,
            };
            new_session(&args, &dir, look())
        }
        Some(Command::Open { file }) => {
            drop((out, err));
            // Without a terminal nothing is opened for writing, not even the
            // lock file: the file is only read, to name its problems first.
            if !terminal::is_interactive() {
                if let Err(e) = store::load(file) {
                    let _ = writeln!(std::io::stderr(), "{e}");
                    return ExitCode::from(1);
                }
                return ExitCode::from(no_terminal().unwrap_or(1));
            }
            // Locked before it is read: no other balcony writes over it.
            let lock = match Lock::acquire(file, shell::now()) {
                Ok(lock) => lock,
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "balcony: {e}");
                    return ExitCode::from(1);
                }
            };
            match store::load(file) {
                Ok(s) => app::run_with(Launch::Session(Box::new(s), lock), &dir, &look()),
                Err(e) => {
                    // Never written: a file that fails to load stays as it is.
                    let _ = writeln!(std::io::stderr(), "{e}");
                    1
                }
            }
        }
        Some(Command::Review { dirs }) => {
            let folders = cli.folders(dirs);
            for folder in &folders {
                if let Err(e) = std::fs::read_dir(folder) {
                    let _ = writeln!(
                        err,
                        "{}: cannot read the folder: {e}",
                        balcony::clean::path(folder)
                    );
                    return ExitCode::from(1);
                }
            }
            drop((out, err));
            if let Some(code) = no_terminal() {
                return ExitCode::from(code);
            }
            app::run_with(Launch::Review(folders), &dir, &look())
        }
    };
    ExitCode::from(code as u8)
}

/// `balcony new` and `balcony reflect`: create the file, then run.
fn new_session(args: &NewArgs, dir: &Path, mut look: Look) -> i32 {
    look.projector_view = args.projector;
    let mut err = std::io::stderr();
    if let Some(code) = not_a_folder(dir) {
        return code.into();
    }
    if args.title.as_deref().is_some_and(clean::is_blank) {
        let _ = writeln!(err, "balcony: {}", strings::BLANK_TITLE);
        return 1;
    }
    if let Some(earlier) = &args.follow_up {
        return follow_up(args, earlier, dir, &look);
    }
    let w = match (&args.template, args.solo) {
        (Some(path), _) => match workshop::load(path) {
            Ok(w) => w,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        },
        (None, true) => Builtin::Solo.workshop(),
        (None, false) => Builtin::Default.workshop(),
    };
    if let Some(code) = no_terminal() {
        return code.into();
    }
    let untitled = if args.solo {
        strings::UNTITLED_REFLECTION
    } else {
        strings::UNTITLED
    };
    let title = args.title.clone().unwrap_or_else(|| untitled.to_string());
    let facilitator = args.facilitator.clone().unwrap_or_default();
    let mut session = Session::new(w, &title, &facilitator, shell::now());
    session.meta.context = args
        .context
        .as_deref()
        .unwrap_or_default()
        .trim()
        .to_string();
    match store::create(dir, &session)
        .map_err(|e| e.to_string())
        .and_then(|path| Lock::acquire(&path, shell::now()).map_err(|e| e.to_string()))
    {
        Ok(lock) => {
            let mut join = app::JoinStart::from(&look);
            join.bind = args.bind;
            join.open = args.room;
            if let Some(n) = args.room_size {
                join.room.size = n.into();
            }
            if let Some(u) = &args.public_url {
                join.room.public_url = Some(u.clone());
            }
            app::run_joining(Launch::Session(Box::new(session), lock), dir, &look, join)
        }
        Err(e) => {
            let _ = writeln!(err, "balcony: {}", clean::for_terminal(&e.to_string()));
            1
        }
    }
}

/// `balcony new --follow-up FILE`: a new session carrying the earlier one's
/// open items. Its workshop is the earlier session's unless one is given.
fn follow_up(args: &NewArgs, earlier: &Path, dir: &Path, look: &Look) -> i32 {
    let workshop = match (&args.template, args.solo) {
        (Some(path), _) => match workshop::load(path) {
            Ok(w) => Some(w),
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "{e}");
                return 1;
            }
        },
        (None, true) => Some(Builtin::Solo.workshop()),
        (None, false) => None,
    };
    if let Some(code) = no_terminal() {
        return code.into();
    }
    match balcony::review::followup::create(
        dir,
        earlier,
        workshop,
        args.title.as_deref(),
        args.facilitator.as_deref(),
        shell::now(),
    ) {
        Ok((session, path, carried)) => match Lock::acquire(&path, shell::now()) {
            Ok(lock) => {
                let text = app::said(&carried, earlier);
                app::run_with(
                    Launch::SessionSaying(Box::new(session), lock, text),
                    dir,
                    look,
                )
            }
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "balcony: {e}");
                1
            }
        },
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}", clean::for_terminal(&e));
            1
        }
    }
}

/// The sessions folder named by a file: said plainly, rather than as the
/// system's "File exists" when the folder is created.
fn not_a_folder(dir: &Path) -> Option<u8> {
    let meta = std::fs::metadata(dir).ok()?;
    if meta.is_dir() {
        return None;
    }
    let _ = writeln!(
        std::io::stderr(),
        "balcony: {}: {}",
        clean::path(dir),
        strings::DIR_IS_A_FILE
    );
    Some(1)
}

/// A screen drawn into a file or a pipe helps nobody: the screen commands
/// refuse, after reading what they were given and before creating anything.
fn no_terminal() -> Option<u8> {
    if terminal::is_interactive() {
        return None;
    }
    let _ = writeln!(std::io::stderr(), "balcony: {}", strings::NEEDS_TERMINAL);
    Some(1)
}

/// The only functions balcony needs from the system's maths library:
/// SQLite's search ranking (`log`), colour contrast (`pow`) and `log10`.
/// Given here from the `libm` crate (a port of musl's), the binary no longer
/// loads libm at start-up: 13 page faults and a library fewer for the
/// loader before the first frame (BENCHMARKS.md).
mod maths {
    #[unsafe(no_mangle)]
    pub extern "C" fn log(x: f64) -> f64 {
        libm::log(x)
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn log10(x: f64) -> f64 {
        libm::log10(x)
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn pow(x: f64, y: f64) -> f64 {
        libm::pow(x, y)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn they_answer_as_the_system_library_does() {
            // Correctly rounded values, as glibc's libm gives them.
            assert_eq!(super::log(2.0), std::f64::consts::LN_2);
            assert_eq!(super::log(1.0), 0.0);
            assert!(super::log(0.0).is_infinite() && super::log(-1.0).is_nan());
            assert_eq!(super::log10(1000.0), 3.0);
            assert_eq!(super::pow(2.0, 10.0), 1024.0);
            assert_eq!(super::pow(0.5, 2.4), 0.189_464_570_813_799_78);
            // What Rust's own `ln` and `powf` call in this binary.
            assert_eq!(10f64.ln(), std::f64::consts::LN_10);
            assert_eq!(9f64.powf(0.5), 3.0);
        }
    }
}
