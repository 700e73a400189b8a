//! `rasid gazetteer learn` and `check`, the defences for noisy lists, and
//! discovery: on hand-written sentences, and scored on ANERcorp as issue 5
//! measures it.

mod common;

use std::fs;

use rasid::analysis::Analyzer;
use rasid::{Gazetteer, Matcher};

/// (text, entity id) of the mentions of `text` with a typed name list.
fn with_list(list: &str, text: &str, discovery: bool) -> Vec<(String, String)> {
    let gaz = Gazetteer::builder()
        .bundled(false)
        .text("list.tsv", list)
        .build()
        .unwrap();
    let matcher = Matcher::new(&gaz).unwrap();
    let a = Analyzer::new(matcher, None);
    let a = if discovery {
        a.with_discovery(&gaz, rasid::discover::Scope::All)
    } else {
        a
    };
    let found = a.analyze(text);
    let table = found.table(&a.matcher);
    found
        .mentions
        .iter()
        .map(|m| (m.text(text).to_string(), table.of(m).id.clone()))
        .collect()
}

const LIST: &str = "surface\ttype\tsubtype\tsource
من\tPER\tPER\tnoise
على\tPER\tPER\tnoise
أن\tLOC\tcity\tnoise
ها\tLOC\tcity\tnoise
الشيخ\tPER\tPER\tnoise
كريم\tPER\tPER\tgiven names
كريم الحمداني\tPER\tPER\ttest
الحمداني\tPER\tPER\ttest
بغداد\tLOC\tcity\ttest
";

#[test]
fn noisy_lists_need_evidence_for_one_word_and_common_names() {
    // common words, titles and one- or two-letter names never count alone
    assert_eq!(
        with_list(LIST, "خرج من البيت على عجل وقال أن الشيخ وصل لها", false),
        []
    );
    // a preposition spelled like a name is never one, even after a cue:
    // «أكد على» is على, not علي
    assert_eq!(with_list(LIST, "وأكد على ضرورة الحوار", false), []);
    // nor is a nationality adjective, or a word that opens a title, though
    // a cue stands before it: «الرئيس المصري»، «المتحدث باسم»
    let list = "surface\ttype\nالمصري\tPER\nباسم\tPER\nلبناني\tLOC\n";
    assert_eq!(
        with_list(
            list,
            "وقال الرئيس المصري إن المتحدث باسم الحكومة غادر",
            false
        ),
        []
    );
    assert_eq!(with_list(list, "قتل مواطن لبناني", false), []);
    // a one-word person name needs a title before it...
    assert_eq!(
        with_list(LIST, "وصل كريم إلى بغداد", false),
        [("بغداد".into(), "list.loc.بغداد".into())]
    );
    assert_eq!(
        with_list(LIST, "قال اللواء كريم", false),
        [("كريم".into(), "list.per.كريم".into())]
    );
    // ...or an earlier full name of which it is the last word
    assert_eq!(
        with_list(
            LIST,
            "قال كريم الحمداني إن الوضع هادئ. وأضاف الحمداني أن",
            false
        ),
        [
            ("كريم الحمداني".into(), "list.per.كريم_الحمداني".into()),
            ("الحمداني".into(), "list.per.كريم_الحمداني".into())
        ]
    );
}

#[test]
fn discovery_finds_names_after_titles_and_heads() {
    let list = "surface\ttype\nسليم الحسني\tPER\n";
    let got = with_list(
        list,
        "وقال اللواء سليم العبيدي إن حركة الوفاق الوطني وقاعدة الصقر الجوية بخير. وأكد العبيدي أن سوق الحرير مفتوح.",
        true,
    );
    let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "disc.per.سليم_العبيدي",
            "disc.org.حركه_الوفاق_الوطني",
            "disc.base.قاعده_الصقر_الجويه",
            "disc.per.سليم_العبيدي"
        ],
        "{got:?}"
    );
    // ل before a noun the lists know, or with the article, is no part of the name
    let ids = |text: &str| -> Vec<String> {
        with_list(list, text, true)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    };
    assert_eq!(
        ids("وقال اللواء سليم العبيدي لصحيفة محلية إن الوضع هادئ"),
        ["سليم العبيدي"]
    );
    assert_eq!(
        ids("وقال اللواء سليم العبيدي للصحفيين إن الوضع هادئ"),
        ["سليم العبيدي"]
    );
    // a nationality used as a noun, then a known given name
    assert_eq!(
        ids("وتفوق على الإسباني سليم العبيدي في النهائي"),
        ["سليم العبيدي"]
    );
    // nor is و with a common word: the next clause
    assert_eq!(
        ids("وقال اللواء سليم العبيدي وهو يتفقد القوات إن الوضع هادئ"),
        ["سليم العبيدي"]
    );
    // a title followed by a verb or an unknown word discovers nothing
    assert_eq!(
        with_list(list, "وقال الرئيس يتحدث عن الوزير الجديد", true),
        []
    );
}

/// A title, the body it is of (a listed organization or place), then the
/// person: a known given name opens the name there.
#[test]
fn discovery_finds_the_person_after_the_body_of_a_title() {
    let list = "surface\ttype
جعفر الصادق\tPER
بدر شاكر السياب\tPER
كتائب حزب الله\tORG
لجنة الأمن والدفاع النيابية\tORG
البيت الأبيض\tORG
الأمم المتحدة\tORG
";
    let ids = |text: &str| -> Vec<String> {
        with_list(list, text, true)
            .into_iter()
            .map(|(_, id)| id)
            .collect()
    };
    assert_eq!(
        ids("وقال الناطق العسكري باسم كتائب حزب الله جعفر الحسيني إن الكتائب لن تتوقف."),
        ["list.org.كتايب_حزب_الله", "disc.per.جعفر_الحسيني"]
    );
    assert_eq!(
        ids("وقال عضو لجنة الأمن والدفاع النيابية بدر الزيادي لوكالة الأنباء إن القرار ملزم."),
        [
            "list.org.لجنه_الامن_والدفاع_النيابيه",
            "disc.per.بدر_الزيادي"
        ]
    );
    // a common given name opens the name though no listed person has it
    // (gazetteers/given-names.txt)
    assert_eq!(
        ids("وقال القيادي في كتائب حزب الله فراس الياسر إن الفصائل لن تتراجع."),
        ["list.org.كتايب_حزب_الله", "disc.per.فراس_الياسر"]
    );
    // the office of the body between the title and the body
    assert_eq!(
        ids("وقال مدير إعلام كتائب حزب الله مهند العقابي إن الهجوم فشل."),
        ["list.org.كتايب_حزب_الله", "disc.per.مهند_العقابي"]
    );
    // علي is a name where it is written with ya, and على a preposition
    assert_eq!(
        ids("وقال عضو لجنة الأمن والدفاع النيابية علي البنداوي إن القرار ملزم."),
        [
            "list.org.لجنه_الامن_والدفاع_النيابيه",
            "disc.per.علي_البنداوي"
        ]
    );
    assert_eq!(
        ids("وأكد عضو لجنة الأمن والدفاع النيابية على ضرورة الحوار."),
        ["list.org.لجنه_الامن_والدفاع_النيابيه"]
    );
    // a tie with no body after it is not skipped: «عن نجاح» opens no name
    assert_eq!(
        ids("وأعلن المتحدث باسم البيت الأبيض عن جعفر الصادق."),
        ["list.org.البيت_الابيض", "list.per.جعفر_الصادق"]
    );
    // a person's own name is no body: the words after it are not a new person
    assert_eq!(
        ids("وقال المبعوث جعفر الصادق بدر الدين إن الأمم المتحدة تدعم الحوار."),
        ["list.per.جعفر_الصادق", "list.org.الامم_المتحده"]
    );
}

#[test]
fn discovery_takes_unknown_names_after_definite_titles() {
    let list = "surface\ttype\nفرنسا\tLOC\n";
    let got = with_list(
        list,
        "وقال المدرب الفرنسي أرسين فينغر إن فريقه جاهز. وأكد فينغر أن رئيس الوزراء المخلوع تاكسين شيناواترا لم يحضر.",
        true,
    );
    let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "disc.per.ارسين_فينغر",
            "disc.per.ارسين_فينغر",
            "disc.per.تاكسين_شيناواترا"
        ],
        "{got:?}"
    );
    // an accusative, a verb or a definite word after the title is no name
    assert_eq!(
        with_list(
            list,
            "وعقد رئيس الوزراء اجتماعا أمس، وقال إن المتسابق الفرنسي يحتاج إلى نقاط، واستطرد النجم قائلا إن الفريق الأول جاهز",
            true
        ),
        []
    );
    // the preposition ل before a noun is no name, a name that starts with ل is
    assert_eq!(
        with_list(
            list,
            "وقال المفوض الأممي لحقوق الإنسان إن المبعوث الخاص لشؤون اللاجئين والمنسق العام لمكافحة التهريب وصلوا.",
            true
        ),
        []
    );
    let got = with_list(list, "وقال المدرب الفرنسي لوران بلان إن فريقه جاهز.", true);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "disc.per.لوران_بلان", "{got:?}");
}

#[test]
fn places_that_read_as_sports_clubs_are_organizations() {
    let list = "surface\ttype\nبرشلونة\tLOC\nإسبانيا\tLOC\nليون\tLOC\nفرنسا\tLOC\nكييف\tLOC\nمانشستر\tLOC\n";
    let got = with_list(
        list,
        "تغلب برشلونة الإسباني على ضيفه ليون، ويقيم اللاعب في برشلونة منذ عامين. وتعادل دينامو كييف مع مانشستر يونايتد.\n         ليون ( فرنسا ) - برشلونة ( إسبانيا )\nوزار الوزير مدينة ليون الفرنسية.",
        true,
    );
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(t, id)| (t.as_str(), id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("برشلونة", "disc.org.برشلونه"),
            ("ليون", "disc.org.ليون"),
            ("برشلونة", "list.loc.برشلونه"),
            ("دينامو كييف", "disc.org.دينامو_كييف"),
            ("مانشستر يونايتد", "disc.org.مانشستر_يونايتد"),
            ("ليون", "disc.org.ليون"),
            ("فرنسا", "list.loc.فرنسا"),
            ("برشلونة", "disc.org.برشلونه"),
            ("إسبانيا", "list.loc.اسبانيا"),
            ("ليون", "list.loc.ليون"),
        ]
    );
}

#[test]
fn bundled_clubs_are_organizations() {
    let gaz = Gazetteer::builder().build().unwrap();
    let a = Analyzer::new(Matcher::new(&gaz).unwrap(), None);
    let text = "فاز ريال مدريد على أرسنال، وتعادل نادي السد مع الوكرة. وقال مدرب السد إن الوكرة مدينة جميلة.";
    let found = a.analyze(text);
    let table = found.table(&a.matcher);
    let got: Vec<(&str, &str)> = found
        .mentions
        .iter()
        .map(|m| (m.text(text), table.of(m).id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("ريال مدريد", "org.real_madrid"),
            ("أرسنال", "org.arsenal"),
            ("نادي السد", "org.al_sadd_sc"),
            ("الوكرة", "loc.al_wakrah"),
            ("السد", "org.al_sadd_sc"),
            ("الوكرة", "loc.al_wakrah"),
        ]
    );
}

#[test]
fn learn_and_check_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let conll = dir.path().join("c.txt");
    fs::write(&conll, "زار O\nللعراق B-LOC\nوفد O\n\nقال O\nجورج B-PERS\nبوش I-PERS\nفي O\nالعراق B-LOC\n\nالأمل B-ORG\nالأمل O\nالأمل O\nالأمل O\nسطر\n").unwrap();
    let out = dir.path().join("learned.tsv");
    let o = common::rasid(&[
        "gazetteer",
        "learn",
        "--conll",
        conll.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a bad line is reported: {}",
        common::stderr(&o)
    );
    assert!(
        common::stderr(&o).contains("c.txt:15: expected `token TAG`"),
        "{}",
        common::stderr(&o)
    );
    let learned = fs::read_to_string(&out).unwrap();
    assert!(
        learned.contains("learned.loc.العراق\tLOC\tالعراق\t"),
        "{learned}"
    );
    assert!(
        learned.contains("learned.per.جورج_بوش\tPERSON\tجورج بوش\t"),
        "{learned}"
    );
    assert!(
        !learned.contains("الامل"),
        "a name a quarter of the time is dropped: {learned}"
    );

    // the learned file is a gazetteer extract reads
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("a.txt"), "التقى جورج بوش وفداً للعراق").unwrap();
    let res = dir.path().join("res");
    let o = common::rasid(&[
        "extract",
        input.to_str().unwrap(),
        "--out",
        res.to_str().unwrap(),
        "--no-default-gazetteer",
        "-g",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let m = fs::read_to_string(res.join("mentions.csv")).unwrap();
    assert!(
        m.contains("جورج بوش,PERSON,learned.per.جورج_بوش")
            && m.contains("لعراق,LOC,learned.loc.العراق"),
        "{m}"
    );

    let gaz = dir.path().join("g.tsv");
    fs::write(
        &gaz,
        "id\ttype\tcanonical\taliases\nloc.basra\tLOC\tالبصرة\tالبصره|بصرة\norg.x\tORG\tالبصرة الرياضي\tالبصرة\nper.y\tPERSON\tمن\t\nloc.z\tLOC\tقم\t\n",
    )
    .unwrap();
    let o = common::rasid(&["gazetteer", "check", gaz.to_str().unwrap()]);
    assert!(o.status.success());
    let report = String::from_utf8_lossy(&o.stdout);
    for want in [
        "g.tsv:2: loc.basra: alias \"البصره\" folds to the same \"البصره\" as the canonical name \"البصرة\"",
        "is shared by 2 types: loc.basra (LOC), org.x (ORG)",
        "alias \"من\" of per.y is very short",
        "fix:",
    ] {
        assert!(report.contains(want), "{want:?} not in {report}");
    }
    fs::write(&gaz, "id\ttype\tcanonical\n\tLOC\tx\n").unwrap();
    let o = common::rasid(&["gazetteer", "check", gaz.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "errors make check fail");
}

#[test]
fn anercorp_scores_as_issue_5_measures_them() {
    let Some(shared) = common::shared() else {
        return;
    };
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/anercorp_eval.py");
    let o = std::process::Command::new("python3")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_rasid"))
        .arg(&shared)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    eprintln!("ANERcorp, last 20%, lenient F1: {r}");
    let f1 = |run: &str| r[run]["ALL"].as_f64().unwrap();
    assert!(
        f1("external") >= 0.77,
        "external list alone: {}",
        f1("external")
    );
    // the issue's target for learned + bundled is 0.75; this guards what is reached
    assert!(
        f1("learned+bundled") >= 0.79,
        "learned + bundled: {}",
        f1("learned+bundled")
    );
    assert!(f1("learned") >= 0.74, "learned alone: {}", f1("learned"));
}

#[test]
fn discovery_reads_lists_of_people_and_stops_at_tanwin() {
    let list = "surface\ttype\nأحمد رزق\tPER\nغادة عادل\tPER\nمحمد صلاح\tPER\n";
    // «، وX Y» after a person: the next person of the list, without the و
    let got = with_list(
        list,
        "وشارك في الفيلم أحمد رزق، وغادة عادل، ومحمد هنيدي.",
        true,
    );
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["أحمد رزق", "غادة عادل", "محمد هنيدي"], "{got:?}");
    // not ولي العهد after a name, nor a word with tanwin after a name
    let got = with_list(
        list,
        "والتقى أحمد رزق ولي العهد. ودخل المدرب الفرنسي ريمي غارد بديلاً.",
        true,
    );
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["أحمد رزق", "ريمي غارد"], "{got:?}");
    // a name does not run on into the next person of a list (و + a given
    // name), and a compound's first half takes its second
    let got = with_list(
        list,
        "ويضم الفريق البرازيلي كارلوس إدواردو ونواف العابد. وقالت الأميرة هيفاء بنت عبد الله إن المعرض ناجح.",
        true,
    );
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert!(texts.contains(&"كارلوس إدواردو"), "{got:?}");
    assert!(texts.contains(&"هيفاء بنت عبد الله"), "{got:?}");
}

#[test]
fn discovery_reads_names_set_off_by_commas_after_their_titles() {
    let list = "surface\ttype\nواشنطن\tLOC\nمعهد بروكينغز\tORG\n";
    let got = with_list(
        list,
        "وقال الخبير العسكري والاستراتيجي اليمني، خالد النسي، إن القوات تتجه إلى الالتفاف. وذكر النسي أن المعركة طويلة. \
         وقال المحلل السياسي البحريني، عبد الله الجنيد، إن تحرير الميناء قريب.",
        true,
    );
    let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "disc.per.خالد_النسي",
            "disc.per.خالد_النسي",
            "disc.per.عبد_الله_الجنيد"
        ],
        "{got:?}"
    );
    // after a body and a comma too
    let got = with_list(
        list,
        "وأكد الخبير العسكري في معهد بروكينغز بواشنطن، مايكل أوهانلون، أن توسيع العمليات ممكن.",
        true,
    );
    assert!(
        got.iter().any(|(_, id)| id == "disc.per.مايكل_اوهانلون"),
        "{got:?}"
    );
    // a given name alone between commas, or a name that runs on past the
    // comma's clause, is not taken
    let got = with_list(list, "وقال الرئيس الروسي، فلاديمير، إن بلاده جاهزة.", true);
    assert!(
        got.iter().all(|(_, id)| !id.starts_with("disc.")),
        "{got:?}"
    );
}

#[test]
fn discovery_takes_no_verb_or_verbal_noun_for_a_name() {
    let list = "surface\ttype\nسوريا\tLOC\n";
    let got = with_list(
        list,
        "وكان الرئيس الأميركي هدد بتوجيه ضربة عسكرية إلى النظام. ويمكن تحرير الميناء دون الحاجة لاستقدام تعزيزات من الخطوط الخلفية.",
        true,
    );
    assert_eq!(got, [], "{got:?}");
    // verbal nouns of the تفعيل form and present verbs of the افتعل form
    // after a title, and a preposition with a pronoun after a verb of saying
    let got = with_list(
        list,
        "اقترح الرئيس التونسي تغيير ما يعرف بالمجلس. وبدأت رئيسة الوزراء بتحديد خمسة اختبارات. \
         وسئلت إن كانت النائبة الروسية تعتزم مراقبة الأطفال. وقالت لي إنها لا تمانع.",
        true,
    );
    assert_eq!(got, [], "{got:?}");
    // a given name of the same shape still opens a name
    let got = with_list(
        list,
        "وقال المتحدث باسم العمليات اللواء تحسين الخفاجي إن القوات تقدمت.",
        true,
    );
    assert!(got.iter().any(|(t, _)| t == "تحسين الخفاجي"), "{got:?}");
}

#[test]
fn discovered_names_end_where_the_clause_goes_on() {
    let list = "surface\ttype\nإيطاليا\tLOC\n";
    let people = |text: &str| -> Vec<String> {
        with_list(list, text, true)
            .into_iter()
            .filter(|(_, id)| id.starts_with("disc.per."))
            .map(|(t, _)| t)
            .collect()
    };
    // a verb with its object behind و, a verbal noun with the article
    assert_eq!(
        people("وأفرجت القوات عن الزعيم الإيطالي بينيتو موسوليني وأعلنته زعيما."),
        ["بينيتو موسوليني"]
    );
    assert_eq!(
        people("وطلب من المدعي العام جيف سيسيز التحقيق في التسريب."),
        ["جيف سيسيز"]
    );
    // (a surname of that shape with its long vowel stays: ألتماير)
    assert_eq!(
        people("وقال الوزير الألماني بيتر التماير إن الاتفاق قريب."),
        ["بيتر التماير"]
    );
    // a verbal noun behind و, and a preposition behind ب, start what
    // follows the name; such a preposition is no name after a title either
    assert_eq!(
        people("وانتقد الجمهور المدرب الإسباني دياز وتدوير اللاعبين."),
        ["دياز"]
    );
    assert!(people("وغاب عن المباراة اللاعب بسبب الإصابة.").is_empty());
    // a discovered person is named again by the last word of the name, not
    // when it is the second half of a compound or a word of the language
    assert_eq!(
        people(
            "وقال الناشط المصري حازم عبد العظيم إن العظيم هو الله. وأضاف الناشط المصري حازم عبد العظيم أن عبد العظيم سيعود."
        ),
        ["حازم عبد العظيم", "حازم عبد العظيم"]
    );
    // a verb in the present after a given name and a surname ends the
    // name; as a second word it is mostly a surname
    assert_eq!(
        people(
            "وقال رجل الأعمال الأمريكي إيلون ماسك يقوم بجولة. وقال الشيخ اللبناني محمد يزبك إن الأمر انتهى."
        ),
        ["إيلون ماسك", "محمد يزبك"]
    );
    // a preposition behind ب starts what follows the name
    assert_eq!(
        people("واعتقلت الشرطة الممثل الأمريكي بيل كوسبي بتهمة الاعتداء."),
        ["بيل كوسبي"]
    );
    // «آل» opens a family name and takes the word after it, whatever it is;
    // «الـ» before a number does not
    assert_eq!(
        people("واستقبل الأمير القطري حمد آل ثاني الوفد."),
        ["حمد آل ثاني"]
    );
    assert_eq!(
        people("وسجل اللاعب المغربي أشرف الـ 11 هدفا."),
        Vec::<String>::new()
    );
}

#[test]
fn a_hashtag_inside_a_name_is_read_as_a_space() {
    let list = "surface\ttype\nدونالد ترمب\tPER\nترمب\tPER\nمحمود عباس\tPER\n";
    let got = with_list(
        list,
        "وأثنى على الرئيس الأميركي دونالد #ترمب، وقال إن #محمود_عباس وافق.",
        true,
    );
    let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(names, ["دونالد #ترمب", "محمود_عباس"], "{got:?}");
}

#[test]
fn discovery_finds_news_outlets_named_in_quotes() {
    let list = "surface\ttype\nقناة الجزيرة\tORG\n";
    let got = with_list(
        list,
        "وحسب صحيفة \"تايمز\" البريطانية، فإن الفتاة روت القصة. وأضافت \"تايمز\" أن خمسة من إخوتها مفقودون. \
         وروت لوكالة \"باس نيوز\" الكردية قصتها، وقال للشبكة الإخبارية \"أل سي آي\" إن الأمر خطير.",
        true,
    );
    let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(names, ["تايمز", "تايمز", "باس نيوز", "أل سي آي"], "{got:?}");
    // a one-word name that is also a word is the outlet again only in quotes
    let got = with_list(
        list,
        "ونقلت صحيفة \"الحياة\" عن مصدر أن الحياة عادت إلى طبيعتها، كما أكدت \"الحياة\" ذلك.",
        true,
    );
    assert_eq!(got.len(), 2, "{got:?}");
    // other organizations named in quotes after their kind, not a quoted
    // adjective
    let got = with_list(
        list,
        "بالتعاون مع مجموعة \"سيريان أركايف\" الحقوقية. وقال مدير شركة \"دانمار\" اللوجيستية إن \
         الحكومة صنفت منظمة \"إرهابية\" جديدة.",
        true,
    );
    let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(names, ["سيريان أركايف", "دانمار"], "{got:?}");
}

#[test]
fn discovery_reads_people_listed_or_named() {
    let list = "surface\ttype\nالموصل\tLOC\n";
    let got = with_list(
        list,
        "وكانت الفتاة واسمها أشواق تعيش مع رجل يدعى أبو همام في الموصل. وقالت أشواق إنها هربت. \
         ولقيت قيادات أخرى مصرعها، بينها محمد علي حادر، وعدنان العزي. وقتل ثلاثة بينهم طفلان.",
        true,
    );
    let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        names,
        [
            "أشواق",
            "أبو همام",
            "الموصل",
            "أشواق",
            "محمد علي حادر",
            "عدنان العزي"
        ],
        "{got:?}"
    );
}

#[test]
fn discovery_reads_a_person_set_off_after_the_body_of_a_title() {
    let list = "surface\ttype\nالاتحاد الوطني الكردستاني\tORG\nوزارة البيشمركة\tORG\n";
    let got = with_list(
        list,
        "وقال المتحدث الرسمي باسم حزب الاتحاد الوطني الكردستاني، أحمد بيرة، إن النتائج مزورة. \
         وقال أمين عام وزارة البيشمركة، الفريق جبار ياور، إن القوات جاهزة.",
        true,
    );
    let people: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id.starts_with("disc.per."))
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(people, ["أحمد بيرة", "جبار ياور"], "{got:?}");
}

#[test]
fn discovery_reads_a_speaker_before_his_title() {
    let list = "surface\ttype\nالصليب الأحمر\tORG\n";
    let got = with_list(
        list,
        "وقالت إنجي صدقي المتحدثة باسم الصليب الأحمر إن الوضع صعب. وأضاف آلان بوزويل، \
         الباحث في شؤون المنطقة، أن الاتفاق هش. وقال مروان حداد، رئيس البلدية، إن المياه \
         مقطوعة. وقال الآن الرئيس إن شيئا لم يتغير. وأعلن افتتاح جادة الملك في المدينة. \
         ونقلت الوكالة عن طريق برنامج المواطنة أن الطلبات زادت.",
        true,
    );
    let people: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id.starts_with("disc.per."))
        .map(|(t, _)| t.as_str())
        .collect();
    // (a verb of saying, a name shaped like one, a title: not «الآن»,
    // not the nouns before «الملك» or «المواطنة»)
    assert_eq!(people, ["إنجي صدقي", "آلان بوزويل", "مروان حداد"], "{got:?}");
}

#[test]
fn discovery_reads_a_known_first_name_set_off_before_a_title() {
    let list = "surface\ttype\nالشرطة\tORG\n";
    let got = with_list(
        list,
        "وأكد محمد الأحمد، المتحدث باسم الشرطة، أن الطريق مغلق. وكان محمد، \
         الذي يسكن قرب المكان، قد غادر قبل الحادث.",
        true,
    );
    let people: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id.starts_with("disc.per."))
        .map(|(t, _)| t.as_str())
        .collect();
    // (a given name alone before a comma is too little)
    assert_eq!(people, ["محمد الأحمد"], "{got:?}");
}

#[test]
fn discovery_reads_a_body_of_a_state_named_by_its_adjective() {
    let list = "surface\ttype\nالسعودية\tLOC\nإسطنبول\tLOC\n";
    let text = "دخل الصحفي القنصلية السعودية في إسطنبول. وأعلنت وزارة العمل السعودية أن الحملة \
         مستمرة، فيما خسر المنتخب المغربي أمام إيران، وفاز للمنتخب البلجيكي لاعبه الأول. \
         ونقلا عن المنتخب المغربية، وهي صحيفة، فإن المباراة صعبة. وقالت السعودية إنها ترحب.";
    // without discovery, the adjective after a definite noun is no country
    // either («القنصلية السعودية»), while the country opening a clause is
    let got = with_list(list, text, false);
    assert_eq!(got[0].0, "إسطنبول", "{got:?}");
    assert_eq!(
        got.last().map(|(t, _)| t.as_str()),
        Some("السعودية"),
        "{got:?}"
    );
    // with people discovery, the default, the bodies are organizations; a
    // body behind للـ is named with its article; the adjective agrees with
    // the body («المنتخب المغربية» is a newspaper)
    let gaz = Gazetteer::builder()
        .bundled(false)
        .text("list.tsv", list)
        .build()
        .unwrap();
    let a = Analyzer::new(Matcher::new(&gaz).unwrap(), None)
        .with_discovery(&gaz, rasid::discover::Scope::People);
    let found = a.analyze(text);
    let table = found.table(&a.matcher);
    let got: Vec<(&str, &str)> = found
        .mentions
        .iter()
        .map(|m| (m.text(text), table.of(m).id.as_str()))
        .collect();
    let orgs: Vec<(&str, &str)> = got
        .iter()
        .copied()
        .filter(|(_, id)| id.starts_with("disc.org."))
        .collect();
    assert_eq!(
        orgs,
        [
            ("القنصلية السعودية", "disc.org.القنصليه_السعوديه"),
            ("وزارة العمل السعودية", "disc.org.وزاره_العمل_السعوديه"),
            ("المنتخب المغربي", "disc.org.المنتخب_المغربي"),
            ("لمنتخب البلجيكي", "disc.org.المنتخب_البلجيكي"),
        ],
        "{got:?}"
    );
    // the country is still named where it stands alone
    let places: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id.contains("loc."))
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(places, ["إسطنبول", "السعودية"], "{got:?}");
}

#[test]
fn discovery_reads_titles_with_adjectives_inside_them() {
    let list = "surface\ttype\nتنظيم القاعدة\tORG\n";
    let got = with_list(
        list,
        "وسلم السفير رسالة إلى القيادي الليبي السابق في تنظيم القاعدة، عبد الحكيم بلحاج، \
         الذي قال إن بلحاج لن يعود. وتعهد رئيس الوزراء الأردني الجديد بسحب مشروع القانون، \
         وقال رئيس الوزراء المكلف بتشكيل الحكومة إنه متفائل.",
        true,
    );
    let people: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id.starts_with("disc.per."))
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(people, ["عبد الحكيم بلحاج", "بلحاج"], "{got:?}");
}

#[test]
fn the_checker_reports_an_id_given_on_two_rows_of_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("people.tsv");
    fs::write(
        &list,
        "id\ttype\tcanonical\taliases\twikidata\tcues\tnote\n\
         per.fuat_oktay\tPERSON\tفؤاد أوقطاي\t\t\t\tVice President of Turkey\n\
         per.ibrahim_kalin\tPERSON\tإبراهيم قالن\tإبراهيم كالن\t\t\t\n\
         per.fuat_oktay\tPERSON\tفؤاد أقطاي\t\t\t\t\n",
    )
    .unwrap();
    let o = common::rasid(&["gazetteer", "check", list.to_str().unwrap()]);
    let found = String::from_utf8_lossy(&o.stdout);
    assert!(
        found.contains("people.tsv:4: id per.fuat_oktay is given again (first on line 2)"),
        "{found}"
    );
    assert_eq!(found.matches("is given again").count(), 1, "{found}");
}

#[test]
fn the_checker_reports_an_office_of_no_listed_place_and_the_reader_a_malformed_one() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("people.tsv");
    fs::write(
        &list,
        "id\ttype\tcanonical\taliases\twikidata\tcues\tnote\toffice\n\
         loc.turkey\tLOC\tتركيا\t\t\t\t\t\n\
         per.recep_tayyip_erdogan\tPERSON\tرجب طيب أردوغان\t\t\t\t\tpresident:loc.turkey|pm:loc.turkiye\n",
    )
    .unwrap();
    let o = common::rasid(&["gazetteer", "check", list.to_str().unwrap()]);
    let found = String::from_utf8_lossy(&o.stdout);
    assert!(
        found.contains(
            "people.tsv:3: per.recep_tayyip_erdogan: office pm:loc.turkiye names no listed entity"
        ),
        "{found}"
    );
    assert!(!found.contains("president:loc.turkey"), "{found}");

    fs::write(
        &list,
        "id\ttype\tcanonical\taliases\twikidata\tcues\tnote\toffice\n\
         per.recep_tayyip_erdogan\tPERSON\tرجب طيب أردوغان\t\t\t\t\tرئيس تركيا\n",
    )
    .unwrap();
    let o = common::rasid(&["gazetteer", "check", list.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        said.contains("people.tsv:2:") && said.contains("is not of the form kind:id"),
        "{said}"
    );
}

/// Mentions (text, id) with the bundled lists and discovery.
fn bundled_found(text: &str) -> Vec<(String, String)> {
    use std::sync::OnceLock;
    static A: OnceLock<(Analyzer, Gazetteer)> = OnceLock::new();
    let (a, _) = A.get_or_init(|| {
        let gaz = Gazetteer::bundled().unwrap();
        let a = Analyzer::new(Matcher::new(&gaz).unwrap(), None)
            .with_discovery(&gaz, rasid::discover::Scope::All);
        (a, gaz)
    });
    let found = a.analyze(text);
    let table = found.table(&a.matcher);
    found
        .mentions
        .iter()
        .map(|m| (m.text(text).to_string(), table.of(m).id.clone()))
        .collect()
}

#[test]
fn a_kunya_with_a_known_given_name_is_a_person() {
    let got = bundled_found(
        "وقالت إنها بيعت إلى أبو همام مقابل 100 دولار. وشملت الأسماء وأبو عمر التعزي وأبو زيد العراقي.",
    );
    let people: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id.starts_with("disc.per."))
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(
        people,
        ["أبو همام", "أبو عمر التعزي", "أبو زيد العراقي"],
        "{got:?}"
    );
    // a family name in أبو goes with the given name before it
    let got = bundled_found("واعتقلت الشرطة المصور محمد أبو زيد أمس.");
    assert!(got.iter().any(|(t, _)| t == "محمد أبو زيد"), "{got:?}");
    // nor a fish, a prison or a listed place
    for text in [
        "ويحتوي سمك أبو سيف على الزئبق.",
        "ونقل إلى سجن أبو سليم في طرابلس.",
        "ووصل الوفد إلى أبو ظبي.",
    ] {
        let got = bundled_found(text);
        assert!(
            !got.iter().any(|(_, id)| id.starts_with("disc.per.")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn behind_the_preposition_lam_a_short_word_reads_with_the_article() {
    // «للحج» is "for the hajj", not "to Lahij"; Lahij itself is found
    let got = bundled_found("وافتتح تخصص للحج والعمرة، ووصلت القوات إلى محافظة لحج وإلى لحج.");
    let lahij: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id == "loc.lahij")
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(lahij.len(), 2, "{got:?}");
    // a longer name in ل behind ل stays a name: «للبنان»
    let got = bundled_found("وقدمت الدول مساعدات للبنان.");
    assert!(got.iter().any(|(_, id)| id == "loc.lebanon"), "{got:?}");
}

#[test]
fn a_word_behind_ba_that_the_lists_know_opens_no_name() {
    for text in [
        "وأيدت المحكمة حكم القاضي بوقف نشاط شركتي أوبر وكريم.",
        "وقامت إدارة الرئيس الأميركي بفرض رسوم جمركية على الصلب.",
        "ونفذ القرار بمفعول فوري.",
    ] {
        let got = bundled_found(text);
        assert!(
            !got.iter().any(|(_, id)| id.starts_with("disc.per.")),
            "{text}: {got:?}"
        );
    }
    // a known given name in ب after a title is one: «الرئيس السوري بشار الأسد»
    let got = bundled_found("وقال الرئيس السوري بشار حافظ الأسد إن الحرب طويلة.");
    assert!(got.iter().any(|(t, _)| t.starts_with("بشار")), "{got:?}");
}

#[test]
fn a_minister_of_two_portfolios_and_names_behind_titles() {
    let got = bundled_found("وقال وزير المالية والتخطيط شكري بشارة إن العجز تراجع.");
    assert!(got.iter().any(|(t, _)| t == "شكري بشارة"), "{got:?}");
    let got = bundled_found("وقال خبير التجارة الدولية الدكتور، فواز العلمي، إن الحرب طويلة.");
    assert!(got.iter().any(|(t, _)| t == "فواز العلمي"), "{got:?}");
    // the name ends where what the person did begins
    let got = bundled_found("واتهمت الصحفية المصرية ياسمين شعبان عملت في القناة زميلها.");
    assert!(got.iter().any(|(t, _)| t == "ياسمين شعبان"), "{got:?}");
    let got = bundled_found("واتهم الإعلامي المصري يسري فودة بالتحرش.");
    assert!(got.iter().any(|(t, _)| t == "يسري فودة"), "{got:?}");
}

#[test]
fn a_body_named_by_its_head_word_and_a_place() {
    for (text, name) in [
        (
            "من جانبه، أكد مركز إدلب الإعلامي أن القصف مستمر.",
            "مركز إدلب الإعلامي",
        ),
        (
            "وقال مجلس منبج العسكري إن المدينة آمنة.",
            "مجلس منبج العسكري",
        ),
        (
            "وقالت لمحطة إذاعة موسكو إنها ليست ذات نزعة وطنية.",
            "إذاعة موسكو",
        ),
        ("وأعلنت شرطة دبي القبض على المتهمين.", "شرطة دبي"),
        ("وتخرج في جامعة الحديدة عام 1990.", "جامعة الحديدة"),
    ] {
        let got = bundled_found(text);
        assert!(
            got.iter()
                .any(|(t, id)| t == name && id.starts_with("disc.org.")),
            "{text}: {got:?}"
        );
    }
    // a head word that needs an adjective after the place: «مركز بغداد» is
    // the centre of the city
    let got = bundled_found("وانفجرت عبوة في مركز بغداد صباح اليوم.");
    assert!(
        got.iter()
            .any(|(t, id)| t == "بغداد" && id == "loc.baghdad"),
        "{got:?}"
    );
}

#[test]
fn an_airport_named_by_its_city() {
    let got = bundled_found("وهبطت الطائرة في مطار صنعاء الدولي ثم أقلعت إلى مطار حماة العسكري.");
    assert!(
        got.iter()
            .any(|(t, id)| t == "مطار صنعاء الدولي" && id.starts_with("disc.loc.")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(t, id)| t.starts_with("مطار حماة") && id.starts_with("base.")),
        "{got:?}"
    );
}

#[test]
fn a_country_read_as_its_nationality_after_a_number_or_an_accusative_noun() {
    let got = bundled_found(
        "وطردت بريطانيا 23 دبلوماسيا روسيا، واتهمت واشنطن 13 روسيا. وزار الرئيس روسيا.",
    );
    let russia: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id == "loc.russia")
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(russia, ["روسيا"], "{got:?}");
    let got = bundled_found(
        "وشنت إسرائيل غارات على مواقع سورية وإيرانية، وقالت وسائل إعلام حكومية سورية إن الدفاعات تصدت لها في سورية.",
    );
    let syria: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id == "loc.syria")
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(syria, ["سورية"], "{got:?}");
    let got = bundled_found("وحجز منتخبا روسيا والأوروغواي بطاقتي التأهل.");
    assert!(got.iter().any(|(_, id)| id == "loc.russia"), "{got:?}");
}

#[test]
fn a_given_name_is_not_a_conjunction_and_a_place_nor_a_birthplace_muscat() {
    let got = bundled_found("ووجهت الرسالة إلى بلحاج وزوجته فاطمة قبل أيام.");
    assert!(!got.iter().any(|(_, id)| id == "loc.atmeh"), "{got:?}");
    let got = bundled_found("وعاد إلى مديرية سنحان، مسقط رأس صالح، جنوب صنعاء.");
    assert!(!got.iter().any(|(_, id)| id == "loc.muscat"), "{got:?}");
    let got = bundled_found("ووصل الوزير إلى مسقط في زيارة رسمية.");
    assert!(got.iter().any(|(_, id)| id == "loc.muscat"), "{got:?}");
}

#[test]
fn an_operation_named_after_a_river_is_no_river() {
    let got = bundled_found("وشنت تركيا عملية درع الفرات عام 2016، ثم عبرت قواتها نهر الفرات.");
    let river: Vec<&str> = got
        .iter()
        .filter(|(_, id)| id == "loc.euphrates")
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(river, ["نهر الفرات"], "{got:?}");
}

#[test]
fn a_verb_in_the_future_opens_no_name() {
    let got = bundled_found("وسئلت إن كانت النائبة ستقول مثلما قال زميلها.");
    assert!(
        !got.iter().any(|(_, id)| id.starts_with("disc.per.")),
        "{got:?}"
    );
    // a foreign name that opens so is one
    let got = bundled_found("وقال الأمين العام لحلف الأطلسي ينس ستولتنبرغ إن الحلف موحد.");
    assert!(got.iter().any(|(t, _)| t.contains("ستولتنبرغ")), "{got:?}");
}
