//! Bulk input: every kind of bad record gives its reject, the rest of the
//! run is intact; gzip, CSV, nested fields, titles, and the stdin filter.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn rejects(out: &Path) -> Vec<serde_json::Value> {
    fs::read_to_string(out.join("rejects.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const GOOD: &str = "وصل الكاظمي إلى بغداد";

#[test]
fn each_bad_record_gives_its_reject_and_the_rest_is_intact() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let mut lines = Vec::new();
    lines.extend_from_slice(format!("{{\"id\": \"ok1\", \"text\": \"{GOOD}\"}}\n").as_bytes());
    lines.extend_from_slice(b"{\"id\": \"broken\", \"text\": \n"); // invalid JSON
    lines.extend_from_slice("{\"id\": \"notext\", \"body\": \"في بغداد\"}\n".as_bytes()); // missing field
    lines.extend_from_slice(b"{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe\"}\n"); // invalid UTF-8 in a line
    lines.extend_from_slice(format!("{{\"id\": \"crlf\", \"text\": \"{GOOD}\"}}\r\n").as_bytes()); // CRLF
    lines.extend_from_slice(
        format!(
            "{{\"id\": \"huge\", \"text\": \"{}\"}}\n",
            "بغداد ".repeat(400)
        )
        .as_bytes(),
    );
    lines.extend_from_slice(format!("{{\"id\": \"ok2\", \"text\": \"{GOOD}\"}}\n").as_bytes());
    fs::write(input.join("a.jsonl"), &lines).unwrap();
    fs::write(input.join("b.txt"), b"\xd8\xa8\xff broken").unwrap(); // invalid UTF-8 in a file
    fs::write(input.join("c.txt"), b"").unwrap(); // empty file
    fs::write(input.join("d.txt"), format!("\u{feff}{GOOD}")).unwrap(); // BOM
    let full = gzip(
        format!(
            "{{\"id\": \"gz1\", \"text\": \"{GOOD}\"}}\n{{\"id\": \"gz2\", \"text\": \"{GOOD}\"}}\n"
        )
        .as_bytes(),
    );
    let mut cut = gzip(
        format!("{{\"id\": \"t1\", \"text\": \"{GOOD}\"}}\n")
            .repeat(200)
            .as_bytes(),
    );
    cut.truncate(cut.len() - 30); // a truncated .gz
    fs::write(input.join("e.jsonl.gz"), full).unwrap();
    fs::write(input.join("f.jsonl.gz"), cut).unwrap();

    let out = dir.path().join("out");
    let o = common::rasid(&[
        "extract",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--max-doc-bytes",
        "2000",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", common::stderr(&o));

    let rej = rejects(&out);
    let reason = |pred: &dyn Fn(&serde_json::Value) -> bool| {
        rej.iter()
            .find(|r| pred(r))
            .map(|r| r["reason"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let at = |file: &str, line: u64| {
        reason(&|r: &serde_json::Value| {
            r["source"].as_str().unwrap().ends_with(file) && r["line"] == line
        })
    };
    assert!(at("a.jsonl", 2).starts_with("invalid JSON"), "{rej:?}");
    assert!(
        at("a.jsonl", 3).starts_with("no text field \"text\""),
        "{rej:?}"
    );
    assert!(at("a.jsonl", 4).starts_with("not valid UTF-8"), "{rej:?}");
    assert!(at("a.jsonl", 6).contains("--max-doc-bytes"), "{rej:?}");
    let file =
        |f: &str| reason(&|r: &serde_json::Value| r["source"].as_str().unwrap().ends_with(f));
    assert!(file("b.txt").starts_with("not valid UTF-8"), "{rej:?}");
    assert_eq!(file("c.txt"), "empty file");
    assert!(
        file("f.jsonl.gz").contains("truncated or corrupt gzip"),
        "{rej:?}"
    );
    assert_eq!(rej.len(), 7, "{rej:?}");
    // the id of the record is kept where it could be read
    assert!(rej.iter().any(|r| r["id"] == "notext"));

    let docs: Vec<String> = read_csv(&out.join("mentions.csv"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let mut seen: Vec<String> = docs.clone();
    seen.dedup();
    let t_count = seen.iter().filter(|d| d.as_str() == "t1").count();
    seen.retain(|d| d != "t1");
    assert_eq!(seen, ["ok1", "crlf", "ok2", "d", "gz1", "gz2"]);
    // what was read of the truncated file before the break is kept
    assert!(
        docs.iter().filter(|d| d.as_str() == "t1").count() > 100,
        "{t_count}"
    );
    // the BOM is not part of the text
    let d = read_csv(&out.join("mentions.csv"))
        .into_iter()
        .find(|r| r[0] == "d")
        .unwrap();
    assert_eq!(
        d[1..4],
        ["4".to_string(), "11".to_string(), "الكاظمي".to_string()]
    );
    let summary: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["rejected"], 7);
    assert!(summary["mentions_by_type"]["PERSON"].as_u64().unwrap() > 100);
}

#[test]
fn csv_nested_fields_and_titles() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(
        input.join("a.csv"),
        "docid,headline,body\nx1,بغداد,\"زار الكاظمي, واشنطن\"\nx2,,في العراق\n",
    )
    .unwrap();
    fs::write(
        input.join("b.jsonl"),
        "{\"meta\": {\"no\": 5}, \"art\": {\"t\": \"رويترز\", \"b\": \"في طهران\"}}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = common::rasid(&[
        "extract",
        input.join("a.csv").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--id-field",
        "docid",
        "--text-field",
        "body",
        "--title-field",
        "headline",
        "-q",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let rows = read_csv(&out.join("mentions.csv"));
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[3].as_str()))
        .collect();
    // the title comes first, then a blank line: offsets count from the title
    assert_eq!(
        got,
        [
            ("x1", "0", "بغداد"),
            ("x1", "11", "الكاظمي"),
            ("x1", "20", "واشنطن"),
            ("x2", "3", "العراق")
        ]
    );
    let o = common::rasid(&[
        "extract",
        input.join("b.jsonl").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--id-field",
        "meta.no",
        "--text-field",
        "art.b",
        "--title-field",
        "art.t",
        "-q",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let rows = read_csv(&out.join("mentions.csv"));
    assert_eq!(
        rows.iter()
            .map(|r| (r[0].as_str(), r[3].as_str()))
            .collect::<Vec<_>>(),
        [("5", "رويترز"), ("5", "طهران")]
    );
}

#[test]
fn the_stdin_filter_writes_one_line_a_document_in_order() {
    let mut input = String::new();
    for i in 0..500 {
        let text = if i % 3 == 0 {
            "التقى الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي محمد شياع السوداني"
        } else {
            "في بغداد اليوم"
        };
        input.push_str(&format!("{{\"id\": \"d{i}\", \"text\": \"{text}\"}}\n"));
        if i == 7 {
            input.push_str("not json\n");
        }
    }
    let run = |threads: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rasid"))
            .args([
                "extract",
                "-",
                "--format",
                "jsonl",
                "--threads",
                threads,
                "-q",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let data = input.clone();
        let writer = std::thread::spawn(move || stdin.write_all(data.as_bytes()).unwrap());
        let o = child.wait_with_output().unwrap();
        writer.join().unwrap();
        o
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = String::from_utf8(one.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 501);
    assert_eq!(lines[0]["id"], "d0");
    assert_eq!(lines[8]["rejected"]["line"], 9);
    assert_eq!(lines[9]["id"], "d8");
    assert_eq!(
        lines[0]["triples"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["predicate"] == "met_with")
            .count(),
        1
    );
    assert_eq!(
        run("3").stdout,
        one.stdout,
        "the same bytes for any thread count"
    );
}
