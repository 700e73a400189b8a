//! `rasid extract INPUT... --out DIR`

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};

use rasid::analysis::Analyzer;
use rasid::discover::Scope;
use rasid::gazetteer::{EntityType, Gazetteer};
use rasid::input::{self, Fields, Progress};
use rasid::matcher::Matcher;
use rasid::output::graph::Graph;
use rasid::output::html::Review;
use rasid::output::{
    self, EdgesCsv, EntitiesCsv, JsonLines, MentionsCsv, RejectsJsonl, TriplesCsv,
};
use rasid::pipeline::{self, Event, Options};
use rasid::relation::Relations;

/// Which names the gazetteers lack are looked for (see `--discover`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Discover {
    Off,
    People,
    All,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders (read recursively): .txt, .jsonl/.json, .csv, each
    /// optionally .gz; `-` reads JSON lines on standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the outputs (created if missing). Without it, `--format
    /// jsonl` writes to standard output.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Output formats, comma-separated: csv (mentions, triples, entities,
    /// edges), jsonl (one line a document: documents.jsonl, or standard
    /// output), neo4j (neo4j/nodes.csv, neo4j/relationships.csv), ntriples
    /// (graph.nt), turtle (graph.ttl), graphml (graph.graphml), html
    /// (review.html).
    #[arg(long, default_value = "csv", value_delimiter = ',')]
    format: Vec<String>,
    /// Start every CSV file with a UTF-8 BOM, so that a spreadsheet opened
    /// by double-click shows the Arabic right.
    #[arg(long)]
    excel: bool,
    /// The base IRI of the RDF outputs.
    #[arg(long, default_value = output::rdf::DEFAULT_BASE)]
    base_iri: String,
    /// At most this many documents in review.html (the rest are counted).
    #[arg(long, default_value_t = 5000)]
    review_max_docs: usize,
    /// More gazetteers: a file, or a folder of `.tsv` files. Repeatable.
    #[arg(long = "gazetteer", short = 'g', value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// Leave the bundled gazetteers out.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// More relation rules: a file, or a folder of `.rules` files. Repeatable.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Mentions only: no relation rules, no triples.
    #[arg(long)]
    no_relations: bool,
    /// Also write triples whose subject or object the document names by no
    /// mention, only by an adjective («الرئيس الأميركي» for the United
    /// States); by default every triple is between entities of the
    /// document's mentions.
    #[arg(long)]
    implied: bool,
    /// Names the gazetteers lack, found by their context (flagged
    /// `discovered`, confidence 0.60): `people` after titles, ranks and
    /// nationalities; `all` also organizations, bases and places after their
    /// head words (`--discover` alone); `off` none
    #[arg(long, value_enum, value_name = "WHAT", default_value = "people",
          num_args = 0..=1, require_equals = true, default_missing_value = "all")]
    discover: Discover,
    /// Every name of an imported list counts, one-word and common-word names
    /// included (no defences for noisy lists).
    #[arg(long)]
    no_list_defences: bool,
    /// The field (JSON; dotted paths reach nested fields) or column (CSV)
    /// that holds a record's id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// The field or column that holds a record's text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// A field or column whose text goes before the text, with a blank line
    /// between; offsets then count from the start of the title.
    #[arg(long)]
    title_field: Option<String>,
    /// A record longer than this many bytes is rejected.
    #[arg(long, default_value_t = 16 << 20)]
    max_doc_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// No progress bar, no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

/// How many messages of one kind are printed before the rest are counted.
const SHOW: usize = 10;

fn with_path<T>(r: std::io::Result<T>, path: &Path) -> anyhow::Result<T> {
    r.with_context(|| format!("cannot write {}", path.display()))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    const FORMATS: [&str; 7] = [
        "csv", "jsonl", "neo4j", "ntriples", "turtle", "graphml", "html",
    ];
    if let Some(bad) = args.format.iter().find(|f| !FORMATS.contains(&f.as_str())) {
        bail!(
            "unknown format {bad:?}: expected some of {} (comma-separated)",
            FORMATS.join(", ")
        );
    }
    let wants = |f: &str| args.format.iter().any(|x| x == f);
    let (csv_out, jsonl_out) = (wants("csv"), wants("jsonl"));
    let merged = ["csv", "neo4j", "ntriples", "turtle", "graphml"]
        .iter()
        .any(|f| wants(f));
    if args.out.is_none() && args.format.iter().any(|f| f != "jsonl") {
        bail!(
            "--out DIR is needed for {} output (only --format jsonl writes to standard output)",
            args.format.join(",")
        );
    }

    let mut builder = Gazetteer::builder()
        .bundled(!args.no_default_gazetteer)
        .list_defences(!args.no_list_defences);
    for g in &args.gazetteers {
        builder = builder.path(g);
    }
    let gazetteer = builder.build().context("the gazetteers have errors")?;
    if gazetteer.entities().is_empty() {
        bail!("no gazetteer entries: give --gazetteer PATH or drop --no-default-gazetteer");
    }
    let matcher = Matcher::new(&gazetteer)?;
    if !args.quiet && !args.gazetteers.is_empty() {
        let shared = gazetteer.shared_aliases();
        for s in shared.iter().take(SHOW) {
            eprintln!(
                "rasid: note: alias {:?} names {} entities ({}); context decides",
                s.folded,
                s.ids.len(),
                s.ids.join(", ")
            );
        }
        if shared.len() > SHOW {
            eprintln!(
                "rasid: note: {} more aliases name several entities",
                shared.len() - SHOW
            );
        }
    }
    let relations = if args.no_relations {
        None
    } else {
        let extra: Vec<&Path> = args.rules.iter().map(PathBuf::as_path).collect();
        Some(Relations::new(&matcher, &extra).context("the relation rules have errors")?)
    };
    let analyzer = Analyzer::new(matcher, relations).with_implied(args.implied);
    let analyzer = match args.discover {
        Discover::Off => analyzer,
        Discover::People => analyzer.with_discovery(&gazetteer, Scope::People),
        Discover::All => analyzer.with_discovery(&gazetteer, Scope::All),
    };
    drop(gazetteer);

    let fields = Fields {
        id: args.id_field.clone(),
        text: args.text_field.clone(),
        title: args.title_field.clone(),
        max_doc_bytes: args.max_doc_bytes,
    };
    let (files, walk_rejects) = input::discover(&args.inputs);
    let total: u64 = files.iter().map(|f| f.size).sum();
    let progress = Progress::default();
    let bar = if !args.quiet && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(total.max(1));
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
            )
            .expect("a valid template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };

    // outputs: each written to a temporary file, renamed when whole
    let dir = args.out.as_deref();
    if let Some(d) = dir {
        std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    let path = |name: &str| dir.map(|d| d.join(name)).unwrap_or_default();
    let excel = args.excel;
    let mut mentions = match csv_out {
        true => Some(with_path(
            MentionsCsv::create(path("mentions.csv"), excel),
            &path("mentions.csv"),
        )?),
        false => None,
    };
    let mut triples = match (csv_out, &analyzer.relations) {
        (true, Some(_)) => Some(with_path(
            TriplesCsv::create(path("triples.csv"), excel),
            &path("triples.csv"),
        )?),
        _ => None,
    };
    let mut review = match wants("html") {
        true => Some(with_path(
            Review::create(&path("review.html"), args.review_max_docs),
            &path("review.html"),
        )?),
        false => None,
    };
    let mut graph = merged.then(Graph::default);
    let mut rejects = match dir {
        Some(_) => Some(with_path(
            RejectsJsonl::create(path("rejects.jsonl")),
            &path("rejects.jsonl"),
        )?),
        None => None,
    };
    // JSON lines go to DIR/documents.jsonl, or to standard output without --out
    let mut lines_file = match (jsonl_out, dir) {
        (true, Some(_)) => Some(JsonLines::new(with_path(
            rasid::output::AtomicFile::create(path("documents.jsonl")),
            &path("documents.jsonl"),
        )?)),
        _ => None,
    };
    let mut lines_out = match (jsonl_out, dir) {
        (true, None) => Some(JsonLines::new(std::io::BufWriter::new(
            std::io::stdout().lock(),
        ))),
        _ => None,
    };

    let records = walk_rejects
        .into_iter()
        .map(|r| input::RawRecord {
            source: r.source,
            line: r.line,
            raw: input::Raw::Rejected(r.reason),
        })
        .chain(input::Reader::new(files, fields.clone(), progress.clone()));
    let mut shown = 0;
    let options = Options {
        threads: args.threads,
        ..Options::default()
    };
    let stats = pipeline::run(&analyzer, records, &fields, options, |event| {
        bar.set_position(progress.0.load(Ordering::Relaxed));
        match event {
            Event::Document(doc, found) => {
                let table = found.table(&analyzer.matcher);
                if let Some(m) = mentions.as_mut() {
                    m.write(table, doc, &found.mentions)?;
                }
                if let (Some(t), Some(rel)) = (triples.as_mut(), analyzer.relations.as_ref()) {
                    t.write(table, rel, doc, &found.triples)?;
                }
                if let Some(l) = lines_file.as_mut() {
                    l.document(&analyzer, doc, found)?;
                }
                if let Some(l) = lines_out.as_mut() {
                    l.document(&analyzer, doc, found)?;
                }
                if let Some(r) = review.as_mut() {
                    r.document(&analyzer, doc, found)?;
                }
                if let Some(g) = graph.as_mut() {
                    g.add(&analyzer, doc, found);
                }
            }
            Event::Rejected(reject) => {
                if shown < SHOW && !args.quiet {
                    bar.suspend(|| eprintln!("rasid: rejected: {reject}"));
                }
                shown += 1;
                if let Some(r) = rejects.as_mut() {
                    r.write(reject)?;
                }
                if let Some(l) = lines_out.as_mut() {
                    l.rejected(reject)?;
                }
            }
        }
        Ok::<(), std::io::Error>(())
    })
    .context("cannot write the output")?;
    bar.finish_and_clear();

    if let Some(m) = mentions {
        with_path(m.commit(), &path("mentions.csv"))?;
    }
    if let Some(t) = triples {
        with_path(t.commit(), &path("triples.csv"))?;
    }
    if let Some(r) = rejects {
        with_path(r.commit(), &path("rejects.jsonl"))?;
    }
    if let Some(r) = review {
        with_path(r.commit(), &path("review.html"))?;
    }
    if let Some(g) = &graph {
        if csv_out {
            with_path(
                EntitiesCsv::write(path("entities.csv"), excel, g),
                &path("entities.csv"),
            )?;
            if let Some(rel) = &analyzer.relations {
                with_path(
                    EdgesCsv::write(path("edges.csv"), excel, rel, g),
                    &path("edges.csv"),
                )?;
            }
        }
        if wants("neo4j") {
            with_path(
                output::neo4j::write(&path("neo4j"), excel, analyzer.relations.as_ref(), g),
                &path("neo4j"),
            )?;
        }
        if wants("ntriples") {
            with_path(
                output::rdf::write_ntriples(&path("graph.nt"), &args.base_iri, g),
                &path("graph.nt"),
            )?;
        }
        if wants("turtle") {
            with_path(
                output::rdf::write_turtle(&path("graph.ttl"), &args.base_iri, g),
                &path("graph.ttl"),
            )?;
        }
        if wants("graphml") {
            with_path(
                output::graphml::write(&path("graph.graphml"), g),
                &path("graph.graphml"),
            )?;
        }
    }
    if let Some(l) = lines_file {
        with_path(l.into_inner().commit(), &path("documents.jsonl"))?;
    }
    if let Some(l) = lines_out {
        l.into_inner()
            .flush()
            .context("cannot write the JSON lines")?;
    }
    let threads = if args.threads == 0 {
        rayon::current_num_threads()
    } else {
        args.threads
    };
    if dir.is_some() {
        with_path(
            output::write_summary(path("summary.json"), &stats, threads),
            &path("summary.json"),
        )?;
    }

    if !args.quiet {
        if stats.rejected as usize > SHOW {
            eprintln!(
                "rasid: {} more rejected records not shown",
                stats.rejected as usize - SHOW
            );
        }
        let by_type: Vec<String> = EntityType::ALL
            .iter()
            .map(|&k| format!("{} {}", k, stats.mentions_of(k)))
            .collect();
        let by_predicate: Vec<String> = stats
            .triples
            .iter()
            .map(|(p, n)| format!("{p} {n}"))
            .collect();
        eprintln!(
            "rasid: {} documents, {:.1} MB, {} mentions ({}), {} triples ({}), {} rejected, {:.2} s, {:.1} MB/s{}",
            stats.documents,
            stats.bytes as f64 / 1e6,
            stats.total_mentions(),
            by_type.join(", "),
            stats.total_triples(),
            by_predicate.join(", "),
            stats.rejected,
            stats.elapsed.as_secs_f64(),
            stats.mb_per_s(),
            dir.map(|d| format!(" -> {}", d.display()))
                .unwrap_or_default(),
        );
    }
    Ok(if stats.rejected > 0 {
        ExitCode::from(super::EXIT_REJECTS)
    } else {
        ExitCode::SUCCESS
    })
}
