//! Quality on the seed articles of `../shared`, scored by its own scorer.

mod common;

/// The scores of a plain run on the seeds, when `../shared` is there.
fn seed_scores() -> Option<serde_json::Value> {
    let shared = common::shared()?;
    let out = tempfile::tempdir().unwrap();
    let seeds = shared.join("corpus/seeds");
    let o = common::rasid(&[
        "extract",
        seeds.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    Some(common::score(&shared, out.path()))
}

#[test]
fn seed_mentions_meet_the_bar() {
    let Some(s) = seed_scores() else { return };
    let f1 = |mode: &str, t: &str| s["mentions"][mode][t]["f1"].as_f64().unwrap();
    eprintln!("seeds: {}", s["mentions"]);
    assert!(
        f1("lenient", "ALL") >= 0.95,
        "lenient F1 {}",
        f1("lenient", "ALL")
    );
    assert!(
        f1("strict", "ALL") >= 0.90,
        "strict F1 {}",
        f1("strict", "ALL")
    );
    for t in ["PERSON", "ORG", "BASE", "LOC"] {
        assert!(
            f1("lenient", t) >= 0.90,
            "lenient F1 of {t}: {}",
            f1("lenient", t)
        );
    }
}

#[test]
fn seed_triples_meet_the_bar() {
    let Some(s) = seed_scores() else { return };
    let all = &s["triples"]["ALL"];
    eprintln!("seed triples: {}", s["triples"]);
    assert!(
        all["f1"].as_f64().unwrap() >= 0.85,
        "triple F1 {}",
        all["f1"]
    );
    assert!(
        all["p"].as_f64().unwrap() >= 0.90,
        "triple precision {}",
        all["p"]
    );
}
