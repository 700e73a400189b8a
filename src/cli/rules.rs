//! `rasid rules check FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use rasid::relation::Relations;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Check rule files: every error with line, column and what was
    /// expected; exit 1 when there is one.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    let Command::Check { files } = cmd;
    let mut failed = false;
    for file in files {
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        match Relations::check(&file, &text) {
            Ok(n) => println!("{}: {n} rules, no errors", file.display()),
            Err(errors) => {
                for e in &errors.0 {
                    eprintln!("{e}");
                }
                eprintln!("{}: {} errors", file.display(), errors.0.len());
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
