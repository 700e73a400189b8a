//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `../shared` beside the repository (or `$RASID_SHARED`), when present.
pub fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("RASID_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if p.join("eval/score.py").exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent (CI always has it)", p.display());
        None
    }
}

/// Runs the real `rasid` binary.
pub fn rasid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rasid"))
        .args(args)
        .output()
        .expect("rasid runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Scores an output folder on the seeds with `../shared/eval/score.py --json`.
pub fn score(shared: &Path, out: &Path) -> serde_json::Value {
    score_against(shared, &shared.join("eval/seeds.gold.jsonl"), out)
}

/// Scores an output folder against a gold file with `../shared/eval/score.py --json`.
pub fn score_against(shared: &Path, gold: &Path, out: &Path) -> serde_json::Value {
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("eval/score.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--mentions")
        .arg(out.join("mentions.csv"))
        .arg("--json");
    if out.join("triples.csv").exists() {
        cmd.arg("--triples").arg(out.join("triples.csv"));
    }
    let o = cmd.output().expect("python3 runs the scorer");
    assert!(
        o.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("scorer prints JSON")
}
