//! `rasid gazetteer learn` and `rasid gazetteer check`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use rasid::gazetteer::learn::{self, LearnOptions};
use rasid::output::AtomicFile;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Build a gazetteer from an annotated corpus in `token TAG` BIO form.
    Learn {
        /// The corpus: one `token TAG` a line, a blank line between sentences.
        #[arg(long)]
        conll: PathBuf,
        /// The gazetteer to write (read it back with --gazetteer).
        #[arg(long, short)]
        out: PathBuf,
        /// Drop entries whose words are a name less often than this.
        #[arg(long, default_value_t = LearnOptions::default().min_ratio)]
        min_ratio: f64,
        /// Mark entries below this ratio (or seen once, one word) as needing evidence.
        #[arg(long, default_value_t = LearnOptions::default().evidence_ratio)]
        evidence_ratio: f64,
        /// Drop entries seen fewer times than this as a name.
        #[arg(long, default_value_t = LearnOptions::default().min_count)]
        min_count: u32,
    },
    /// Report aliases that collide, are shared, are common words or very
    /// short, each with a suggested fix.
    Check(super::check::Args),
}

pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Learn {
            conll,
            out,
            min_ratio,
            evidence_ratio,
            min_count,
        } => {
            let text = std::fs::read_to_string(&conll)
                .with_context(|| format!("cannot read {}", conll.display()))?;
            let opts = LearnOptions {
                min_ratio,
                evidence_ratio,
                min_count,
            };
            let (learned, errors) = learn::learn(&conll.display().to_string(), &text, opts);
            for e in errors.iter().take(20) {
                eprintln!("rasid: {e}");
            }
            if errors.len() > 20 {
                eprintln!("rasid: {} more bad lines", errors.len() - 20);
            }
            let mut f = AtomicFile::create(&out)
                .with_context(|| format!("cannot write {}", out.display()))?;
            learn::write_tsv(&mut f, &learned, opts)
                .with_context(|| format!("cannot write {}", out.display()))?;
            f.commit()
                .with_context(|| format!("cannot write {}", out.display()))?;
            let unsure = learned
                .iter()
                .filter(|e| e.ratio() < evidence_ratio)
                .count();
            eprintln!(
                "rasid: {} entities learned ({} need evidence), {} bad lines -> {}",
                learned.len(),
                unsure,
                errors.len(),
                out.display()
            );
            Ok(if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(super::EXIT_REJECTS)
            })
        }
        Command::Check(args) => super::check::run(args),
    }
}
