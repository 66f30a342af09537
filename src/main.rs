use std::process::ExitCode;

use clap::Parser;

use balcony::cli::{Cli, Command};
use balcony::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let dir = cli.sessions_dir();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = match &cli.command {
        Some(Command::Check { files }) => commands::check(files, &mut out, &mut err),
        Some(Command::List { dir: over }) => {
            commands::list(over.as_deref().unwrap_or(&dir), &mut out, &mut err)
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
        _ => {
            use std::io::Write;
            let _ = writeln!(err, "balcony: this part of the app is not built yet");
            2
        }
    };
    ExitCode::from(code as u8)
}
