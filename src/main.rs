use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use balcony::app::{self, Launch};
use balcony::cli::{Cli, Command, NewArgs};
use balcony::commands;
use balcony::config::{Config, Look};
use balcony::session::{Session, store};
use balcony::ui::strings;
use balcony::ui::theme;
use balcony::workshop::{self, Builtin};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let dir = cli.sessions_dir();
    let look = || {
        let (cfg, problem) = Config::load();
        cfg.install_keys();
        Look::new(&cfg, problem.as_ref(), cli.theme, theme::no_color_env())
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = match &cli.command {
        Some(Command::Check { files }) => commands::check(files, &mut out, &mut err),
        Some(Command::List { dirs }) => commands::list(&cli.folders(dirs), &mut out, &mut err),
        Some(Command::Search { query, dirs, limit }) => {
            balcony::archive::search(query, &cli.folders(dirs), *limit, &mut out, &mut err)
        }
        Some(Command::Due { dirs, today }) => {
            let today = today.unwrap_or_else(|| app::now().date_naive());
            balcony::archive::due(&cli.folders(dirs), today, &mut out, &mut err)
        }
        Some(Command::Sample {
            items,
            seed,
            output,
        }) => commands::sample(*items, *seed, output, &mut err),
        Some(Command::Template { which, .. }) => commands::template(*which, &mut out),
        Some(Command::Export {
            file,
            format,
            output,
        }) => balcony::export::run(file, *format, output.as_deref(), &mut out, &mut err),
        None => {
            drop((out, err));
            app::run_with(Launch::Start, &dir, &look())
        }
        Some(Command::New(args)) => {
            drop((out, err));
            new_session(args, &dir, look())
        }
        Some(Command::Present { file }) => {
            drop((out, err));
            let look = look();
            balcony::present::run(file, &look.projector, look.warning)
        }
        Some(Command::Reflect { title }) => {
            drop((out, err));
            let args = NewArgs {
                title: title.clone(),
                facilitator: None,
                template: None,
                solo: true,
                projector: false,
                follow_up: None,
                room: false,
                bind: None,
            };
            new_session(&args, &dir, look())
        }
        Some(Command::Open { file }) => {
            drop((out, err));
            match store::load(file) {
                Ok(s) => app::run_with(Launch::Session(Box::new(s), file.clone()), &dir, &look()),
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
                    let _ = writeln!(err, "{}: cannot read the folder: {e}", folder.display());
                    return ExitCode::from(1);
                }
            }
            drop((out, err));
            app::run_with(Launch::Review(folders), &dir, &look())
        }
    };
    ExitCode::from(code as u8)
}

/// `balcony new` and `balcony reflect`: create the file, then run.
fn new_session(args: &NewArgs, dir: &Path, mut look: Look) -> i32 {
    look.projector_view = args.projector;
    let mut err = std::io::stderr();
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
    let untitled = if args.solo {
        strings::UNTITLED_REFLECTION
    } else {
        strings::UNTITLED
    };
    let title = args.title.clone().unwrap_or_else(|| untitled.to_string());
    let facilitator = args.facilitator.clone().unwrap_or_default();
    let session = Session::new(w, &title, &facilitator, app::now());
    match store::create(dir, &session) {
        Ok(path) => {
            let join = app::JoinStart {
                bind: args.bind.unwrap_or(app::JoinStart::default().bind),
                open: args.room,
            };
            app::run_joining(Launch::Session(Box::new(session), path), dir, &look, join)
        }
        Err(e) => {
            let _ = writeln!(err, "balcony: {e}");
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
    match balcony::review::followup::create(
        dir,
        earlier,
        workshop,
        args.title.as_deref(),
        args.facilitator.as_deref(),
        app::now(),
    ) {
        Ok((session, path, carried)) => {
            let text = app::said(&carried, earlier);
            app::run_with(
                Launch::SessionSaying(Box::new(session), path, text),
                dir,
                look,
            )
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{e}");
            1
        }
    }
}
