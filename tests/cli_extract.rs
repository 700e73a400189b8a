//! The `extract` command on real files: outputs, ids, bad input, bad
//! gazetteers, and the same bytes whatever the thread count.

mod common;

use std::fs;
use std::path::Path;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

fn extract(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "extract",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    common::rasid(&args)
}

fn rows(out: &Path) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(out.join("mentions.csv")).unwrap();
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn writes_the_contract_columns_with_ids_from_paths() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(
        input.path(),
        "2021/09/a.txt",
        "\u{feff}وصل الكاظمي إلى واشنطن".as_bytes(),
    );
    write(input.path(), "notes.md", b"not an article");
    let o = extract(input.path(), out.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let header = fs::read_to_string(out.path().join("mentions.csv")).unwrap();
    assert!(header.starts_with("doc_id,start,end,text,type,entity_id,canonical,"));
    let r = rows(out.path());
    assert_eq!(r.len(), 2, "{r:?}");
    // the BOM is not part of the text: offsets count from the first letter
    assert_eq!(r[0][..5], ["2021/09/a", "4", "11", "الكاظمي", "PERSON"]);
    assert_eq!(r[1][..5], ["2021/09/a", "16", "22", "واشنطن", "LOC"]);
}

#[test]
fn a_file_that_is_not_utf8_is_reported_counted_and_skipped() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(input.path(), "a.txt", "زار الكاظمي بغداد".as_bytes());
    write(input.path(), "b.txt", b"\xd8\xa8\xff\xfe broken");
    write(input.path(), "c.txt", "في العراق".as_bytes());
    let o = extract(input.path(), out.path(), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", common::stderr(&o));
    let err = common::stderr(&o);
    assert!(
        err.contains("b.txt") && err.contains("not valid UTF-8"),
        "{err}"
    );
    assert!(err.contains("1 rejected"), "{err}");
    let docs: Vec<String> = rows(out.path()).into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(docs, ["a", "a", "c"]);
}

#[test]
fn bad_gazetteer_rows_are_reported_with_file_and_line() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(input.path(), "a.txt", "نص".as_bytes());
    let gaz = input.path().join("bad.tsv");
    fs::write(
        &gaz,
        "id\ttype\tcanonical\taliases\n\
         \tLOC\tبغداد\t\n\
         loc.x\tCITY\tالموصل\t\n\
         loc.y\tLOC\tالبصرة\tالبصره||بصرة\n\
         loc.iraq\tORG\tالعراق\t\n",
    )
    .unwrap();
    let o = extract(
        input.path(),
        out.path(),
        &["--gazetteer", gaz.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = common::stderr(&o);
    for want in [
        "bad.tsv:2:1: row has no id",
        "bad.tsv:3:7: unknown type \"CITY\"",
        "bad.tsv:4",
        "empty alias",
        "bad.tsv:5",
        "loc.iraq",
    ] {
        assert!(err.contains(want), "{want:?} not in {err}");
    }
    assert!(
        !out.path().join("mentions.csv").exists(),
        "no output from a failed run"
    );
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let input = tempfile::tempdir().unwrap();
    let sentences = [
        "قال رئيس الوزراء مصطفى الكاظمي في بغداد إن القوات الأمريكية ستغادر العراق",
        "استهدفت طائرة مسيرة قاعدة عين الأسد في الأنبار، وقالت قناة الجزيرة إن الهجوم فشل",
        "وأكد المتحدث باسم القوات المسلحة اللواء يحيى رسول أن وللحشد الشعبي دوراً. وأضاف رسول",
    ];
    for i in 0..300 {
        write(
            input.path(),
            &format!("d{i:03}.txt"),
            sentences[i % 3].repeat(1 + i % 7).as_bytes(),
        );
    }
    let one = tempfile::tempdir().unwrap();
    let many = tempfile::tempdir().unwrap();
    assert!(
        extract(input.path(), one.path(), &["--threads", "1", "--quiet"])
            .status
            .success()
    );
    assert!(
        extract(input.path(), many.path(), &["--threads", "4", "--quiet"])
            .status
            .success()
    );
    let a = fs::read(one.path().join("mentions.csv")).unwrap();
    let b = fs::read(many.path().join("mentions.csv")).unwrap();
    assert!(a.len() > 10_000);
    assert_eq!(a, b);
}

#[test]
fn no_default_gazetteer_needs_another_one() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(input.path(), "a.txt", "في بغداد".as_bytes());
    let o = extract(input.path(), out.path(), &["--no-default-gazetteer"]);
    assert_eq!(o.status.code(), Some(1));
    let gaz = input.path().join("g.tsv");
    fs::write(
        &gaz,
        "surface\ttype\tsubtype\tsource\nبغداد\tLOC\tcity\ttest\n",
    )
    .unwrap();
    let o = extract(
        input.path(),
        out.path(),
        &[
            "--no-default-gazetteer",
            "--gazetteer",
            gaz.to_str().unwrap(),
            "-q",
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let r = rows(out.path());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0][5], "list.loc.بغداد");
}

#[test]
fn an_alias_shared_by_two_entities_is_reported_as_ambiguous() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write(input.path(), "a.txt", "وصل إلى الحلة".as_bytes());
    let gaz = input.path().join("mine.tsv");
    fs::write(&gaz, "id\ttype\tcanonical\taliases\nloc.x_one\tLOC\tالحلة\t\norg.x_two\tORG\tنادي الحلة\tالحله\n").unwrap();
    let o = extract(
        input.path(),
        out.path(),
        &[
            "--no-default-gazetteer",
            "--gazetteer",
            gaz.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let err = common::stderr(&o);
    assert!(
        err.contains("alias \"الحله\" names 2 entities (loc.x_one, org.x_two)"),
        "{err}"
    );
}

#[test]
fn people_the_lists_lack_are_discovered_by_default_and_the_rest_on_request() {
    let input = tempfile::tempdir().unwrap();
    write(
        input.path(),
        "a.txt",
        "وقال وزير الخارجية الأيرلندي سايمون كوفني إن قوة أمنية وصلت إلى مدينة كفرسجنة، فيما أعلنت حركة الوفاق الوطني تأييدها."
            .as_bytes(),
    );
    let found = |mode: &[&str]| {
        let out = tempfile::tempdir().unwrap();
        let mut args = vec!["--quiet"];
        args.extend_from_slice(mode);
        let o = extract(input.path(), out.path(), &args);
        assert!(o.status.success(), "{}", common::stderr(&o));
        rows(out.path())
            .into_iter()
            .filter(|r| r[7] == "discovered")
            .map(|r| format!("{} {}", r[4], r[3]))
            .collect::<Vec<_>>()
    };
    // an unlisted minister after his title: found by default, flagged
    assert_eq!(found(&[]), ["PERSON سايمون كوفني"]);
    assert_eq!(found(&["--discover=people"]), ["PERSON سايمون كوفني"]);
    assert!(found(&["--discover=off"]).is_empty());
    // organizations and places after their head words need `all`
    let all = found(&["--discover"]);
    assert_eq!(all, found(&["--discover=all"]));
    assert!(all.contains(&"PERSON سايمون كوفني".to_string()), "{all:?}");
    assert!(all.contains(&"LOC كفرسجنة".to_string()), "{all:?}");
    assert!(
        all.contains(&"ORG حركة الوفاق الوطني".to_string()),
        "{all:?}"
    );
}

#[test]
fn a_relative_named_by_a_known_given_name_is_a_person() {
    let input = tempfile::tempdir().unwrap();
    write(
        input.path(),
        "a.txt",
        "ووصل ترامب وقرينته ميلانيا إلى باريس، واتهم الادعاء الرجل وزوجته السورية بارتكاب جريمة قتل."
            .as_bytes(),
    );
    let out = tempfile::tempdir().unwrap();
    let o = extract(input.path(), out.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let people: Vec<String> = rows(out.path())
        .into_iter()
        .filter(|r| r[4] == "PERSON")
        .map(|r| r[3].clone())
        .collect();
    // after «قرينته» a known given name; after «زوجته السورية» no name
    assert_eq!(people, ["ترامب", "ميلانيا"]);
}
