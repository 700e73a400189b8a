//! Criterion benches: folding, matching, and end to end, on the sample
//! articles of `data/`; the gazetteer build is measured apart. Each bench
//! first checks the count it expects, so a wrong answer cannot pass as a
//! fast one.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rasid::analysis::Analyzer;
use rasid::normalize::Normalized;
use rasid::relation::Relations;
use rasid::{Gazetteer, Matcher};

/// The sample articles, one string each, in name order.
fn articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// What the benches must find in the sample articles with the bundled data
/// (update when the articles or the gazetteers change on purpose).
const EXPECTED_MENTIONS: usize = 383;
const EXPECTED_TRIPLES: usize = 64;

fn benches(c: &mut Criterion) {
    let docs = articles();
    let bytes: usize = docs.iter().map(String::len).sum();

    c.bench_function("build/bundled gazetteer and matcher", |b| {
        b.iter(|| {
            Matcher::new(&Gazetteer::bundled().unwrap())
                .unwrap()
                .pattern_count()
        })
    });

    let matcher = Matcher::new(&Gazetteer::bundled().unwrap()).unwrap();
    let relations = Relations::new(&matcher, &[]).unwrap();
    let analyzer = Analyzer::new(matcher.clone(), Some(relations));

    let found: usize = docs.iter().map(|d| matcher.find(d).len()).sum();
    assert_eq!(found, EXPECTED_MENTIONS, "mentions in data/articles");
    let triples: usize = docs.iter().map(|d| analyzer.analyze(d).triples.len()).sum();
    assert_eq!(triples, EXPECTED_TRIPLES, "triples in data/articles");

    let mut g = c.benchmark_group("sample articles");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("fold", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| Normalized::new(black_box(d)).text.len())
                .sum::<usize>()
        })
    });
    g.bench_function("match", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| matcher.find(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("end to end", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| analyzer.analyze(black_box(d)).triples.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(name = throughput; config = Criterion::default().sample_size(20); targets = benches);
criterion_main!(throughput);
