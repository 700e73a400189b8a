//! Times each stage of the analysis over a file of documents, one per line:
//! folding, matching, relations. Single thread.
//!
//!   cargo run --release --example stages -- TEXT.txt [GAZETTEER.tsv]
use std::time::Instant;

use rasid::normalize::Normalized;
use rasid::relation::Relations;
use rasid::{Gazetteer, Matcher};

// the allocator of the `rasid` binary, so that the figures are its own
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("text");
    let docs: Vec<&str> = text.lines().collect();
    let mb = text.len() as f64 / 1e6;
    let mut b = Gazetteer::builder().bundled(args.len() < 3);
    if let Some(g) = args.get(2) {
        b = b.path(g);
    }
    let gaz = b.build().unwrap();
    let t = Instant::now();
    let mut matcher = Matcher::new(&gaz).unwrap();
    eprintln!("build {:.2}s", t.elapsed().as_secs_f64());
    let relations = Relations::new(&matcher, &[]).unwrap();
    // as the pipeline does: the matcher finds the rules' cue words too
    matcher.watch(&relations.cue_words());
    let rate = |name: &str, t: Instant, n: usize| {
        let s = t.elapsed().as_secs_f64();
        println!("{name:<12} {:7.1} MB/s  ({:.2}s, {n})", mb / s, s);
    };
    let t = Instant::now();
    let n: usize = docs.iter().map(|d| Normalized::new(d).text.len()).sum();
    rate("fold", t, n);
    let norms: Vec<Normalized> = docs.iter().map(|d| Normalized::new(d)).collect();
    let t = Instant::now();
    let found: Vec<_> = docs
        .iter()
        .zip(&norms)
        .map(|(d, n)| matcher.find_watching(d, n))
        .collect();
    rate("match", t, found.iter().map(|(m, _)| m.len()).sum());
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .zip(&norms)
        .zip(&found)
        .map(|((d, n), (m, cues))| {
            relations
                .extract_with_cues(matcher.table(), d, n, m, cues)
                .len()
        })
        .sum();
    rate("relations", t, n);
}
