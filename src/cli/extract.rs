//! `rasid extract INPUT... --out DIR`

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use rasid::analysis::Analyzer;
use rasid::gazetteer::{EntityType, Gazetteer};
use rasid::input;
use rasid::matcher::Matcher;
use rasid::output::{MentionsCsv, TriplesCsv};
use rasid::pipeline::{self, Event, Options};
use rasid::relation::Relations;

#[derive(clap::Args)]
pub struct Args {
    /// `.txt` files, or folders of them (read recursively).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the outputs (created if missing).
    #[arg(long, short)]
    out: PathBuf,
    /// More gazetteers: a file, or a folder of `.tsv` files. Repeatable.
    #[arg(long = "gazetteer", short = 'g', value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// Leave the bundled gazetteers out.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// More relation rules: a file, or a folder of `.rules` files. Repeatable.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// No progress bar, no summary.
    #[arg(long, short)]
    quiet: bool,
}

/// How many messages of one kind are printed before the rest are counted.
const SHOW: usize = 10;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut builder = Gazetteer::builder().bundled(!args.no_default_gazetteer);
    for g in &args.gazetteers {
        builder = builder.path(g);
    }
    let gazetteer = builder.build().context("the gazetteers have errors")?;
    if gazetteer.entities().is_empty() {
        anyhow::bail!("no gazetteer entries: give --gazetteer PATH or drop --no-default-gazetteer");
    }
    let matcher = Matcher::new(&gazetteer)?;
    let extra: Vec<&std::path::Path> = args.rules.iter().map(PathBuf::as_path).collect();
    let relations = Relations::new(&matcher, &extra).context("the relation rules have errors")?;
    if !args.quiet {
        let shared = gazetteer.shared_aliases();
        for s in shared.iter().take(if args.gazetteers.is_empty() { 0 } else { SHOW }) {
            eprintln!("rasid: note: alias {:?} names {} entities ({}); context decides", s.folded, s.ids.len(), s.ids.join(", "));
        }
        if !args.gazetteers.is_empty() && shared.len() > SHOW {
            eprintln!("rasid: note: {} more aliases name several entities", shared.len() - SHOW);
        }
    }

    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let (files, walk_rejects) = input::discover(&args.inputs);
    let total: u64 = files.iter().map(|f| f.size).sum();
    let progress = if !args.quiet && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}")
                .expect("a valid template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };

    let mentions_path = args.out.join("mentions.csv");
    let triples_path = args.out.join("triples.csv");
    let mut mentions = MentionsCsv::create(&mentions_path)
        .with_context(|| format!("cannot write {}", mentions_path.display()))?;
    let mut triples =
        TriplesCsv::create(&triples_path).with_context(|| format!("cannot write {}", triples_path.display()))?;
    let analyzer = Analyzer::new(matcher, Some(relations));
    let (matcher, relations) = (&analyzer.matcher, analyzer.relations.as_ref().expect("relations are on"));
    let docs = walk_rejects.into_iter().map(Err).chain(files.iter().map(input::read));
    let mut shown = 0;
    let stats = pipeline::run(&analyzer, docs, Options { threads: args.threads, ..Options::default() }, |event| {
        match event {
            Event::Document(doc, found) => {
                progress.inc(doc.text.len() as u64);
                mentions.write(matcher, doc, &found.mentions)?;
                triples.write(matcher, relations, doc, &found.triples)?;
            }
            Event::Rejected(reject) => {
                if shown < SHOW {
                    progress.suspend(|| eprintln!("rasid: rejected: {reject}"));
                }
                shown += 1;
            }
        }
        Ok::<(), std::io::Error>(())
    })
    .with_context(|| format!("cannot write into {}", args.out.display()))?;
    mentions.commit().with_context(|| format!("cannot write {}", mentions_path.display()))?;
    triples.commit().with_context(|| format!("cannot write {}", triples_path.display()))?;
    progress.finish_and_clear();

    if !args.quiet {
        if stats.rejected as usize > SHOW {
            eprintln!("rasid: {} more rejected inputs not shown", stats.rejected as usize - SHOW);
        }
        let by_type: Vec<String> =
            EntityType::ALL.iter().map(|&k| format!("{} {}", k, stats.mentions_of(k))).collect();
        let by_predicate: Vec<String> = stats.triples.iter().map(|(p, n)| format!("{p} {n}")).collect();
        eprintln!(
            "rasid: {} documents, {:.1} MB, {} mentions ({}), {} triples ({}), {} rejected, {:.2} s, {:.1} MB/s -> {}",
            stats.documents,
            stats.bytes as f64 / 1e6,
            stats.total_mentions(),
            by_type.join(", "),
            stats.triples.values().sum::<u64>(),
            by_predicate.join(", "),
            stats.rejected,
            stats.elapsed.as_secs_f64(),
            stats.mb_per_s(),
            args.out.display(),
        );
    }
    Ok(if stats.rejected > 0 { ExitCode::from(super::EXIT_REJECTS) } else { ExitCode::SUCCESS })
}
