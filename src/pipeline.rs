//! Parallel driving: raw records are read in bounded batches, decoded and
//! analysed on a rayon pool, and handed back in input order, so the output
//! is the same for any number of threads and memory does not grow with the
//! input.

use std::collections::{BTreeMap, VecDeque};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analysis::{Analysis, Analyzer};
use crate::gazetteer::EntityType;
use crate::input::{self, Document, Fields, RawRecord, Reject};

/// How a run is driven.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// A batch closes at this many records...
    pub batch_docs: usize,
    /// ...or this many bytes of raw records, whichever comes first.
    pub batch_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threads: 0,
            batch_docs: 2048,
            batch_bytes: 16 << 20,
        }
    }
}

/// What a run saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: u64,
    /// Bytes of document text.
    pub bytes: u64,
    /// Mentions by type, in [`EntityType::ALL`] order.
    pub mentions: [u64; 4],
    /// Triples by predicate.
    pub triples: BTreeMap<String, u64>,
    pub rejected: u64,
    pub elapsed: Duration,
}

impl Stats {
    pub fn mentions_of(&self, kind: EntityType) -> u64 {
        self.mentions[EntityType::ALL.iter().position(|&k| k == kind).unwrap_or(0)]
    }

    pub fn total_mentions(&self) -> u64 {
        self.mentions.iter().sum()
    }

    pub fn total_triples(&self) -> u64 {
        self.triples.values().sum()
    }

    pub fn mb_per_s(&self) -> f64 {
        let s = self.elapsed.as_secs_f64();
        if s > 0.0 {
            self.bytes as f64 / 1e6 / s
        } else {
            0.0
        }
    }
}

/// What the driver hands to the caller, in input order.
pub enum Event<'a> {
    /// A document and what was found in it.
    Document(&'a Document, &'a Analysis),
    /// An input that could not be used.
    Rejected(&'a Reject),
}

fn raw_len(r: &RawRecord) -> usize {
    match &r.raw {
        input::Raw::Text { bytes, .. } | input::Raw::Json(bytes) => bytes.len(),
        input::Raw::Row { text, .. } => text.as_ref().map_or(0, String::len),
        input::Raw::Rejected(_) => 0,
    }
}

type Analysed = Result<(Document, Analysis), Reject>;

/// Hands analysed records to the sink, in order, counting them.
fn emit<E>(
    analyzer: &Analyzer,
    done: &[Analysed],
    stats: &mut Stats,
    sink: &mut impl FnMut(Event<'_>) -> Result<(), E>,
) -> Result<(), E> {
    for item in done {
        match item {
            Ok((doc, analysis)) => {
                stats.documents += 1;
                stats.bytes += doc.text.len() as u64;
                let table = analysis.table(&analyzer.matcher);
                for m in &analysis.mentions {
                    let kind = table.of(m).kind;
                    stats.mentions[EntityType::ALL.iter().position(|&k| k == kind).unwrap_or(0)] +=
                        1;
                }
                if let Some(rel) = &analyzer.relations {
                    for t in &analysis.triples {
                        *stats
                            .triples
                            .entry(rel.rules()[t.rule].predicate.clone())
                            .or_default() += 1;
                    }
                }
                sink(Event::Document(doc, analysis))?;
            }
            Err(reject) => {
                stats.rejected += 1;
                sink(Event::Rejected(reject))?;
            }
        }
    }
    Ok(())
}

/// Decodes and analyses every record of `records` on a pool of
/// `options.threads` threads and calls `sink` for each document and reject,
/// in input order. Reading and the sink run on the calling thread, beside
/// the pool. A sink error stops the run and is returned.
pub fn run<I, E>(
    analyzer: &Analyzer,
    records: I,
    fields: &Fields,
    options: Options,
    mut sink: impl FnMut(Event<'_>) -> Result<(), E>,
) -> Result<Stats, E>
where
    I: Iterator<Item = RawRecord>,
{
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .expect("a thread pool with the default settings can be built");
    let mut stats = Stats::default();
    let mut records = records.peekable();
    let mut next_batch = || {
        let mut batch: Vec<RawRecord> = Vec::new();
        let mut bytes = 0;
        while batch.len() < options.batch_docs.max(1) && bytes < options.batch_bytes {
            let Some(rec) = records.next() else { break };
            bytes += raw_len(&rec);
            batch.push(rec);
        }
        batch
    };
    // Reading and the sink run on this thread while up to `IN_FLIGHT`
    // batches are analysed on the pool. A batch is one job whose documents
    // are spread over the workers, and the next batch is already queued
    // when it ends, so a worker that finishes early takes documents of the
    // next batch instead of waiting for the slowest document of this one.
    // Batches come back in the order they were read.
    const IN_FLIGHT: usize = 2;
    let mut outcome = Ok(());
    pool.in_place_scope(|scope| {
        let mut pending: VecDeque<mpsc::Receiver<Vec<Analysed>>> = VecDeque::new();
        loop {
            while pending.len() < IN_FLIGHT {
                let batch = next_batch();
                if batch.is_empty() {
                    break;
                }
                let (done, receive) = mpsc::sync_channel(1);
                scope.spawn(move |_| {
                    let analysed: Vec<Analysed> = batch
                        .into_par_iter()
                        .map(|rec| {
                            let doc = input::decode(rec, fields)?;
                            let analysis = analyzer.analyze(&doc.text);
                            Ok((doc, analysis))
                        })
                        .collect();
                    // the receiver is gone only when the sink failed
                    let _ = done.send(analysed);
                });
                pending.push_back(receive);
            }
            let Some(receive) = pending.pop_front() else {
                break;
            };
            // an error here means the job panicked: the scope rethrows it
            let Ok(analysed) = receive.recv() else { break };
            if let Err(e) = emit(analyzer, &analysed, &mut stats, &mut sink) {
                outcome = Err(e);
                break;
            }
        }
    });
    outcome?;
    stats.elapsed = started.elapsed();
    Ok(stats)
}
