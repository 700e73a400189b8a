//! The Spark driver (examples/spark) in local[2] mode gives the same
//! mentions, triples and edges as one plain `rasid extract` on the same
//! input: the seeds and 3,000 articles of the ANT corpus. Needs PySpark and
//! Java, which `.ci/run` installs (RASID_REQUIRE_TOOLS makes their absence a
//! failure there).

mod common;

use std::path::Path;
use std::process::Command;

#[test]
fn spark_local_gives_the_same_rows_as_one_process() {
    let Some(shared) = common::shared() else {
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spark_check.py");
    let o = Command::new("python3")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_rasid"))
        .arg(&shared)
        .arg("3000")
        .output()
        .expect("python3 runs");
    let out = String::from_utf8_lossy(&o.stdout);
    match o.status.code() {
        Some(0) => eprintln!("{out}"),
        Some(3) if std::env::var_os("RASID_REQUIRE_TOOLS").is_none() => eprintln!("skipped: {out}"),
        _ => panic!("{out}{}", String::from_utf8_lossy(&o.stderr)),
    }
}
