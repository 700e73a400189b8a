//! `rasid gazetteer check PATH... [--corpus FILE]`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use rasid::gazetteer::Gazetteer;
use rasid::gazetteer::check::{self, Usage};

#[derive(clap::Args)]
pub struct Args {
    /// Gazetteer files or folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// A corpus to judge common words by: text, JSON lines (`text` field),
    /// or `token TAG` lines (then also how often each word was a name).
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Check with the bundled gazetteers loaded too (shared aliases across
    /// them and yours).
    #[arg(long)]
    with_bundled: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut builder = Gazetteer::builder().bundled(args.with_bundled);
    for p in &args.paths {
        builder = builder.path(p);
    }
    let gazetteer = match builder.build() {
        Ok(g) => g,
        Err(errors) => {
            for e in &errors.0 {
                eprintln!("{e}");
            }
            eprintln!("rasid: {} errors", errors.0.len());
            return Ok(ExitCode::FAILURE);
        }
    };
    let usage = match &args.corpus {
        Some(c) => {
            let text = std::fs::read_to_string(c)
                .with_context(|| format!("cannot read {}", c.display()))?;
            let conll = text
                .lines()
                .take(50)
                .filter(|l| !l.trim().is_empty())
                .all(|l| {
                    l.trim().rsplit_once(' ').is_some_and(|(_, t)| {
                        t == "O" || t.starts_with("B-") || t.starts_with("I-")
                    })
                });
            Some(if conll {
                Usage::from_conll(&text)
            } else {
                Usage::from_text(&text)
            })
        }
        None => None,
    };
    let findings = check::check(&gazetteer, usage.as_ref());
    for f in &findings {
        println!("{f}");
    }
    eprintln!(
        "rasid: {} entities, {} aliases: no errors, {} findings",
        gazetteer.entities().len(),
        gazetteer.aliases().len(),
        findings.len()
    );
    Ok(ExitCode::SUCCESS)
}
