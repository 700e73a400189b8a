//! Every output format read back by an independent reader (rdflib,
//! networkx, Python's csv, headless Chromium), on the sample articles and
//! on the seeds. `.ci/run` installs the readers and sets
//! RASID_REQUIRE_TOOLS=1, so that a missing reader fails there instead of
//! skipping.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn required() -> bool {
    std::env::var_os("RASID_REQUIRE_TOOLS").is_some()
}

fn all_formats(input: &Path, out: &Path) {
    let o = common::rasid(&[
        "extract",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "csv,jsonl,neo4j,ntriples,turtle,graphml,html",
        "-q",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
}

fn python_check(out: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_formats.py");
    let o = Command::new("python3")
        .arg(script)
        .arg(out)
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&o.stdout);
    match o.status.code() {
        Some(0) => eprintln!("{text}"),
        Some(3) if !required() => eprintln!("skipped: {text}"),
        _ => panic!("{text}{}", String::from_utf8_lossy(&o.stderr)),
    }
}

#[test]
fn graph_formats_read_back_on_the_sample_articles() {
    let out = tempfile::tempdir().unwrap();
    all_formats(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        out.path(),
    );
    python_check(out.path());
}

#[test]
fn jsonl_with_an_out_folder_is_written_whole() {
    // regression: documents.jsonl was dropped before its rename
    let out = tempfile::tempdir().unwrap();
    all_formats(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        out.path(),
    );
    let text =
        std::fs::read_to_string(out.path().join("documents.jsonl")).expect("documents.jsonl");
    let docs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 16);
    assert_eq!(docs[0]["id"], "articles/01_ain_al_asad_missile_strike");
    let mut r = csv::Reader::from_path(out.path().join("mentions.csv")).unwrap();
    let rows = r.records().count();
    let in_json: usize = docs
        .iter()
        .map(|d| d["mentions"].as_array().unwrap().len())
        .sum();
    assert_eq!(in_json, rows);
}

#[test]
fn graph_formats_read_back_on_the_seeds_and_no_cell_is_a_formula() {
    let Some(shared) = common::shared() else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    all_formats(&shared.join("corpus/seeds"), out.path());
    python_check(out.path());
}

#[test]
fn excel_csv_starts_with_a_bom() {
    let out = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let o = common::rasid(&[
        "extract",
        data.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--excel",
        "-q",
    ]);
    assert!(o.status.success());
    for f in ["mentions.csv", "triples.csv", "entities.csv", "edges.csv"] {
        let bytes = std::fs::read(out.path().join(f)).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "{f}");
    }
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let o = Command::new("sh")
                .arg("-c")
                .arg(format!("command -v {name}"))
                .output()
                .ok()?;
            let p = String::from_utf8_lossy(&o.stdout).trim().to_string();
            (!p.is_empty()).then(|| PathBuf::from(p))
        })
}

#[test]
fn the_review_page_highlights_every_mention_in_a_browser() {
    let Some(browser) = chromium() else {
        assert!(!required(), "no Chromium found");
        eprintln!("skipped: no Chromium");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    all_formats(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        out.path(),
    );
    let profile = tempfile::tempdir().unwrap();
    let page = out.path().join("review.html");
    let o = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(
        dom.contains("</main>"),
        "no page rendered: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let highlighted = dom.matches("<mark class=\"m ").count();
    let mut r = csv::Reader::from_path(out.path().join("mentions.csv")).unwrap();
    let rows = r.records().count();
    assert!(rows > 300);
    assert_eq!(
        highlighted, rows,
        "highlighted mentions on the page vs rows of mentions.csv"
    );
    // the predicate filter was filled in by the page's script
    assert!(
        dom.contains("<option value=\"leader_of\">"),
        "the filters' script did not run"
    );
}
