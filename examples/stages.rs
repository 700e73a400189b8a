//! Times each stage of the analysis over a file of JSON lines, one thread:
//! decoding, folding, matching, discovery, relations, and the analysis
//! whole as the pipeline runs it.
//!
//!   cargo run --release --example stages -- CORPUS.jsonl ID_FIELD [GAZETTEER.tsv]
//!
//! With a gazetteer, the bundled ones are left out (as with
//! `--no-default-gazetteer --gazetteer`).
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use rasid::analysis::Analyzer;
use rasid::discover::Scope;
use rasid::input::{self, Fields, Raw, RawRecord};
use rasid::matcher::EntityTable;
use rasid::normalize::Normalized;
use rasid::relation::Relations;
use rasid::{Gazetteer, Matcher};

// the allocator of the `rasid` binary, so that the figures are its own
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lines = std::fs::read(&args[1]).expect("the corpus");
    let fields = Fields {
        id: args[2].clone(),
        text: "text".into(),
        title: None,
        max_doc_bytes: 16 << 20,
    };
    let mut b = Gazetteer::builder().bundled(args.len() < 4);
    if let Some(g) = args.get(3) {
        b = b.path(g);
    }
    let gaz = b.build().unwrap();
    let t = Instant::now();
    let matcher = Matcher::new(&gaz).unwrap();
    eprintln!("build {:.2}s", t.elapsed().as_secs_f64());
    let relations = Relations::new(&matcher, &[]).unwrap();
    let analyzer = Analyzer::new(matcher, Some(relations)).with_discovery(&gaz, Scope::People);
    let source: Arc<Path> = Arc::from(Path::new(&args[1]));
    let raw: Vec<RawRecord> = lines
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| RawRecord {
            source: source.clone(),
            line: None,
            raw: Raw::Json(l.to_vec()),
        })
        .collect();

    let t = Instant::now();
    let docs: Vec<_> = raw
        .into_iter()
        .filter_map(|r| input::decode(r, &fields).ok())
        .collect();
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    let rate = |name: &str, t: Instant, n: usize| {
        let s = t.elapsed().as_secs_f64();
        println!("{name:<12} {:7.1} MB/s  ({:.2}s, {n})", mb / s, s);
    };
    rate("decode", t, docs.len());
    let t = Instant::now();
    let norms: Vec<Normalized> = docs.iter().map(|d| Normalized::new(&d.text)).collect();
    rate("fold", t, norms.iter().map(|n| n.text.len()).sum());
    let m = &analyzer.matcher;
    let t = Instant::now();
    let mut found: Vec<_> = docs
        .iter()
        .zip(&norms)
        .map(|(d, n)| m.find_marking(&d.text, n, true))
        .collect();
    rate("match", t, found.iter().map(|(m, _, _)| m.len()).sum());
    let d = analyzer.discoverer.as_ref().unwrap();
    let t = Instant::now();
    let discovered: Vec<_> = docs
        .iter()
        .zip(&norms)
        .zip(&mut found)
        .map(|((doc, n), (mentions, _, opening))| {
            d.discover_at(&doc.text, n, mentions, m.entities(), Some(opening))
        })
        .collect();
    rate("discover", t, discovered.iter().map(Vec::len).sum());
    let rel = analyzer.relations.as_ref().unwrap();
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .zip(&norms)
        .zip(&found)
        .zip(&discovered)
        .map(|(((doc, n), (mentions, cues, _)), disc)| {
            let table = EntityTable {
                listed: m.entities(),
                discovered: disc,
            };
            rel.extract_with_cues(table, &doc.text, n, mentions, cues)
                .len()
        })
        .sum();
    rate("relations", t, n);
    drop((norms, found, discovered));
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .map(|doc| analyzer.analyze(&doc.text).mentions.len())
        .sum();
    rate("analyze", t, n);
}
