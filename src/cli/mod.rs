//! Command-line parsing and the exit code. One file per subcommand.

mod check;
mod extract;
mod gazetteer;
mod rules;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// rasid (راصد): people, organizations, bases and places in Arabic news, as CSV.
#[derive(Parser)]
#[command(name = "rasid", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find every mention of a known entity and the relations the text
    /// states: DIR/mentions.csv and DIR/triples.csv.
    Extract(extract::Args),
    /// Build and check gazetteers.
    #[command(subcommand)]
    Gazetteer(gazetteer::Command),
    /// Work with relation rule files.
    #[command(subcommand)]
    Rules(rules::Command),
}

/// Exit codes: 0 all went well; 1 the run could not be done; 2 it was done,
/// but some input was rejected.
pub const EXIT_REJECTS: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Rules(cmd) => rules::run(cmd),
        Command::Gazetteer(cmd) => gazetteer::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("rasid: error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
