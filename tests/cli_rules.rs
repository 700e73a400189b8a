//! `rasid rules check` and `--rules`: errors with line and column, and rules
//! an analyst adds without recompiling.

mod common;

use std::fs;

#[test]
fn check_reports_every_error_with_line_column_and_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.rules");
    fs::write(
        &bad,
        "good: attacked(a, b) 0.8\n    ORG:a @attack_verb ORG:b\n\
         bad1: attacked(a, b)\n    ORG:a @nosuch ORG:b\n\
         bad2: leader_of(a, b) 1.5\n    PERSON:a ORG:b\n\
         bad3: leader_of(a, b)\n    PERSON:a [ORG:b\n\
         bad4: leader_of(a, b)\n    PERSON:a ORG:c\n",
    )
    .unwrap();
    let o = common::rasid(&["rules", "check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = common::stderr(&o);
    for want in [
        "bad.rules:4:11: unknown class @nosuch",
        "bad.rules:5:",
        "expected a confidence in (0, 1]",
        "bad.rules:8:",
        "expected `]`",
        "bad.rules:9:1: slot `b` of the header is not bound",
        "4 errors",
    ] {
        assert!(err.contains(want), "{want:?} not in {err}");
    }
    let o = common::rasid(&["rules", "check", "gazetteers/relations.rules"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
}

#[test]
fn rules_added_with_a_flag_fire_with_their_own_id() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(
        input.join("a.txt"),
        "وأكد هادي العامري زعامته لمنظمة بدر منذ سنوات.",
    )
    .unwrap();
    let rules = dir.path().join("mine.rules");
    fs::write(
        &rules,
        "mine.zaama: leader_of(p, o) 0.7\n    PERSON:p (زعامته | قيادته) ORG:o\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = common::rasid(&[
        "extract",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let triples = fs::read_to_string(out.join("triples.csv")).unwrap();
    assert!(triples.starts_with("doc_id,subject_id,subject,subject_type,predicate,object_id,object,object_type,rule,confidence,evidence_start,evidence_end,evidence\n"));
    assert!(
        triples.contains("per.hadi_al_amiri")
            && triples.contains(",leader_of,org.badr_organization,")
            && triples.contains(",mine.zaama,0.70,"),
        "{triples}"
    );
}
