//! Table-driven matching tests on hand-written Arabic sentences: every
//! folding, every proclitic form, and the cases that must not match.

use rasid::{Gazetteer, Matcher};

const GAZ: &str = "id\ttype\tcanonical\taliases\twikidata\tcues\tnote
per.mustafa_al_kadhimi\tPERSON\tمصطفى الكاظمي\tالكاظمي\t\t\t
per.kenneth_mckenzie\tPERSON\tكينيث ماكنزي\tماكينزي|ماكنزي\t\t\t
per.abu_mahdi_al_muhandis\tPERSON\tأبو مهدي المهندس\t\t\t\t
per.mohammed_al_halbousi\tPERSON\tمحمد ريكان الحلبوسي\t\t\t\t
per.hassan_nasrallah\tPERSON\tحسن نصر الله\t\t\t\t
per.ahmed_al_iraqi\tPERSON\tأحمد العراقي\t\t\t\t
per.yahya_rasool\tPERSON\tيحيى رسول\t?رسول\t\tاللواء|الناطق\t
loc.iraq\tLOC\tالعراق\t\t\t\t
loc.baghdad\tLOC\tبغداد\t\t\t\t
loc.washington\tLOC\tواشنطن\t\t\t\t
loc.united_states\tLOC\tالولايات المتحدة\tالولايات المتحدة الأمريكية|أمريكا\t\t\t
loc.kermanshah\tLOC\tكرمانشاه\t\t\t\t
org.us_armed_forces\tORG\tالقوات الأمريكية\t\t\t\t
org.popular_mobilization_forces\tORG\tهيئة الحشد الشعبي\tالحشد الشعبي\t\t\t
org.baghdad_today\tORG\tبغداد اليوم\t\t\t\t
org.al_modon\tORG\tالمدن\t?المدن\t\tصحيفة|موقع|المصدر:\t
org.al_jazeera\tORG\tقناة الجزيرة\t?الجزيرة\t\tقناة|شبكة|المصدر:\t
base.ain_al_asad\tBASE\tقاعدة عين الأسد\tعين الأسد\t\t\t
base.harir\tBASE\tقاعدة الحرير\t?الحرير\t\tقاعدة|معسكر\t
";

fn matcher() -> Matcher {
    let gaz = Gazetteer::builder()
        .bundled(false)
        .text("test.tsv", GAZ)
        .build()
        .expect("test gazetteer");
    Matcher::new(&gaz).expect("matcher")
}

/// (sentence, expected mentions as (text, entity id), in order)
type Case = (&'static str, &'static [(&'static str, &'static str)]);

fn check(cases: &[Case]) {
    let m = matcher();
    for (text, want) in cases {
        let got: Vec<(String, String)> = m
            .find(text)
            .iter()
            .map(|x| {
                // the reported code point span is exactly the text
                let by_cp: String = text.chars().skip(x.start).take(x.end - x.start).collect();
                assert_eq!(
                    by_cp,
                    x.text(text),
                    "code point span of {:?} in {text:?}",
                    x.text(text)
                );
                (x.text(text).to_string(), m.entity(x).id.clone())
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn spelling_variants_fold_together() {
    check(&[
        ("وصل إلى العِرَاقِ أمس", &[("العِرَاقِ", "loc.iraq")]),
        ("انفجار في بغـــداد", &[("بغـــداد", "loc.baghdad")]),
        (
            "قالت القوات الامريكيه",
            &[("القوات الامريكيه", "org.us_armed_forces")],
        ),
        (
            "قالت القوات الأميركية",
            &[("القوات الأميركية", "org.us_armed_forces")],
        ),
        (
            "قالت القوات الأمريكية",
            &[("القوات الأمريكية", "org.us_armed_forces")],
        ),
        (
            "زار ماكينزي ثم ماكنزي",
            &[
                ("ماكينزي", "per.kenneth_mckenzie"),
                ("ماكنزي", "per.kenneth_mckenzie"),
            ],
        ),
        ("هجوم في کرمانشاه", &[("کرمانشاه", "loc.kermanshah")]),
        (
            "تصريح مصطفی الکاظمی",
            &[("مصطفی الکاظمی", "per.mustafa_al_kadhimi")],
        ),
        ("في \u{200F}بغداد\u{200F} أمس", &[("بغداد", "loc.baghdad")]),
        // an invisible mark does not split a name
        (
            "في بغداد\u{200F} اليوم",
            &[("بغداد\u{200F} اليوم", "org.baghdad_today")],
        ),
        ("ﺑﻐﺪﺍﺩ العاصمة", &[("ﺑﻐﺪﺍﺩ", "loc.baghdad")]),
    ]);
}

#[test]
fn names_behind_proclitics() {
    check(&[
        ("التقى والكاظمي", &[("الكاظمي", "per.mustafa_al_kadhimi")]),
        ("عقدت بواشنطن", &[("واشنطن", "loc.washington")]),
        ("فالعراق بلد", &[("العراق", "loc.iraq")]),
        ("وبالعراق", &[("العراق", "loc.iraq")]),
        ("كبغداد", &[("بغداد", "loc.baghdad")]),
        (
            "تسليم المهام للقوات الأمريكية",
            &[("لقوات الأمريكية", "org.us_armed_forces")],
        ),
        (
            "وللقوات الأمريكية",
            &[("لقوات الأمريكية", "org.us_armed_forces")],
        ),
        (
            "المناصرة للحشد الشعبي",
            &[("لحشد الشعبي", "org.popular_mobilization_forces")],
        ),
        (
            "وأبو مهدي المهندس",
            &[("أبو مهدي المهندس", "per.abu_mahdi_al_muhandis")],
        ),
        ("ولأمريكا مصالح", &[("أمريكا", "loc.united_states")]),
    ]);
}

#[test]
fn never_inside_a_word() {
    check(&[
        ("الحكومة العراقية والقوات العراقيين", &[]),
        ("مطعم بغدادي شهير", &[]),
        ("لقوات الأمريكية", &[]), // li + al needs the lam proclitic
        ("واشنطنية", &[]),
        ("البغداديون", &[]),
    ]);
}

#[test]
fn names_across_spaces_and_line_breaks() {
    check(&[
        (
            "قاعدة عين\nالأسد",
            &[("قاعدة عين\nالأسد", "base.ain_al_asad")],
        ),
        (
            "الولايات   المتحدة",
            &[("الولايات   المتحدة", "loc.united_states")],
        ),
    ]);
}

#[test]
fn the_longest_name_wins() {
    check(&[
        (
            "في قاعدة عين الأسد غربي العراق",
            &[
                ("قاعدة عين الأسد", "base.ain_al_asad"),
                ("العراق", "loc.iraq"),
            ],
        ),
        ("ذكرت بغداد اليوم", &[("بغداد اليوم", "org.baghdad_today")]),
        (
            "الولايات المتحدة الأمريكية",
            &[("الولايات المتحدة الأمريكية", "loc.united_states")],
        ),
        ("وصل بغداد اليومية", &[("بغداد", "loc.baghdad")]),
    ]);
}

#[test]
fn ambiguous_names_need_a_cue_or_an_earlier_mention() {
    check(&[
        ("سوق الحرير في المدينة", &[]),
        ("هجوم على قاعدة الحرير", &[("قاعدة الحرير", "base.harir")]),
        ("هجوم على معسكر الحرير", &[("الحرير", "base.harir")]),
        ("المدن الكبرى تعاني", &[]),
        ("نقلت صحيفة \"المدن\"", &[("المدن", "org.al_modon")]),
        ("المصدر: المدن", &[("المدن", "org.al_modon")]),
        ("رسول السلام", &[]),
        (
            "قال اللواء يحيى رسول إن الانسحاب بدأ. وأوضح رسول أن",
            &[
                ("يحيى رسول", "per.yahya_rasool"),
                ("رسول", "per.yahya_rasool"),
            ],
        ),
        (
            "وأوضح رسول أن يحيى رسول قال",
            &[("يحيى رسول", "per.yahya_rasool")],
        ),
        // (the mention covers the name, not the kind of the body)
        (
            "بثت قناة الجزيرة ثم الجزيرة",
            &[("الجزيرة", "org.al_jazeera"), ("الجزيرة", "org.al_jazeera")],
        ),
        ("في الجزيرة العربية", &[]),
    ]);
}

#[test]
fn a_person_named_in_full_is_then_named_by_surname_or_first_and_last() {
    check(&[
        (
            "استقبل محمد ريكان الحلبوسي الوفد، وقال الحلبوسي إن محمد الحلبوسي سيزور بغداد، وأكد للحلبوسي",
            &[
                ("محمد ريكان الحلبوسي", "per.mohammed_al_halbousi"),
                ("الحلبوسي", "per.mohammed_al_halbousi"),
                ("محمد الحلبوسي", "per.mohammed_al_halbousi"),
                ("بغداد", "loc.baghdad"),
                ("لحلبوسي", "per.mohammed_al_halbousi"),
            ],
        ),
        // not before the full name
        (
            "قال الحلبوسي إن محمد ريكان الحلبوسي",
            &[("محمد ريكان الحلبوسي", "per.mohammed_al_halbousi")],
        ),
        // not the end of a compound name, nor a nationality adjective
        (
            "خطب حسن نصر الله وقال: الله أكبر",
            &[("حسن نصر الله", "per.hassan_nasrallah")],
        ),
        (
            "قال أحمد العراقي إن الجيش العراقي تقدم",
            &[("أحمد العراقي", "per.ahmed_al_iraqi")],
        ),
    ]);
}

#[test]
fn a_hyphen_between_the_words_of_a_name_is_a_space() {
    check(&[
        (
            "قصفت الطائرات عين-الأسد",
            &[("عين-الأسد", "base.ain_al_asad")],
        ),
        // but not a dash set off by spaces: two names side by side
        (
            "طريق بغداد - واشنطن",
            &[("بغداد", "loc.baghdad"), ("واشنطن", "loc.washington")],
        ),
    ]);
}

/// A cue written `+…` stands after the name: one bare name two entities
/// share is told apart by who leads it.
#[test]
fn a_cue_after_the_name_tells_two_coalitions_apart() {
    let gaz = "id\ttype\tcanonical\taliases\twikidata\tcues\tnote
org.arab_coalition\tORG\tالتحالف العربي\t?التحالف\t\t+بقيادة السعودية\t
org.global_coalition\tORG\tالتحالف الدولي\t?التحالف\t\t+بقيادة الولايات المتحدة\t
loc.saudi_arabia\tLOC\tالسعودية\t\t\t\t
loc.united_states\tLOC\tالولايات المتحدة\t\t\t\t
";
    let gaz = Gazetteer::builder()
        .bundled(false)
        .text("test.tsv", gaz)
        .build()
        .unwrap();
    let matcher = Matcher::new(&gaz).unwrap();
    let ids = |text: &str| -> Vec<String> {
        matcher
            .find(text)
            .iter()
            .map(|m| matcher.entity(m).id.clone())
            .collect()
    };
    assert_eq!(
        ids("وأعلن التحالف بقيادة السعودية أن"),
        ["org.arab_coalition", "loc.saudi_arabia"]
    );
    assert_eq!(
        ids("وقال التحالف بقيادة الولايات المتحدة إن"),
        ["org.global_coalition", "loc.united_states"]
    );
    // with neither cue nor an earlier mention, a bare «التحالف» is no name
    assert_eq!(ids("وقال التحالف إن الحزب سيشارك"), [] as [&str; 0]);
}

/// With the bundled lists: words that fold to a listed name but are not
/// that name here, and one bare name two entities share, told apart by
/// what stands before it.
#[test]
fn bundled_lists_tell_names_from_words_and_from_each_other() {
    let matcher = Matcher::new(&Gazetteer::bundled().expect("bundled lists")).expect("matcher");
    let ids = |text: &str| -> Vec<(String, String)> {
        matcher
            .find(text)
            .iter()
            .map(|m| (m.text(text).to_string(), matcher.entity(m).id.clone()))
            .collect()
    };
    // «أودى بحياة» folds to the carmaker's name
    assert_eq!(ids("انفجار أودى بحياة ثلاثة أشخاص"), []);
    assert_eq!(
        ids("أعلنت شركة أودي"),
        [("شركة أودي".to_string(), "org.audi".to_string())]
    );
    // الفاو: the Iraqi town, or the UN's FAO
    assert_eq!(
        ids("وصل الوفد إلى الفاو جنوب البصرة"),
        [
            ("الفاو".to_string(), "loc.faw".to_string()),
            ("البصرة".to_string(), "loc.basra".to_string())
        ]
    );
    assert_eq!(
        ids("وتوقع تقرير الفاو تراجع الإنتاج"),
        [("الفاو".to_string(), "org.fao".to_string())]
    );
    // «العراق بلد»: a country, not Balad air base
    assert_eq!(
        ids("قاعدة بلد الجوية. والعراق بلد ذو سيادة"),
        [
            ("قاعدة بلد الجوية".to_string(), "base.balad".to_string()),
            ("العراق".to_string(), "loc.iraq".to_string())
        ]
    );
    // السعودية after a definite noun is the adjective, and so are الداخلية
    // and الخارجية opening a ministry's short name
    let names = |text: &str| -> Vec<String> { ids(text).into_iter().map(|(t, _)| t).collect() };
    assert_eq!(
        names("قرب الحدود السعودية، في العاصمة السعودية الرياض"),
        ["الرياض"]
    );
    assert_eq!(
        names("بعد تدخلها بالشؤون الداخلية السعودية"),
        [] as [&str; 0]
    );
    assert_eq!(
        names("ووصل إلى السعودية، وأعلنت الداخلية السعودية والمملكة السعودية"),
        ["السعودية", "الداخلية السعودية", "السعودية"]
    );
}

#[test]
fn a_mention_covers_the_name_not_its_kind_or_title() {
    let gaz = "id\ttype\tcanonical\taliases\twikidata\tcues\tnote
org.al_qaeda\tORG\tتنظيم القاعدة\t?القاعدة\t\t\t
org.isis\tORG\tداعش\tتنظيم الدولة الإسلامية|الدولة الإسلامية|تنظيم داعش\t\t\t
org.afp\tORG\tوكالة فرانس برس\tفرانس برس\t\t\t
per.mohammed_bin_salman\tPERSON\tمحمد بن سلمان\tالأمير محمد بن سلمان\t\t\t
loc.kuwait\tLOC\tالكويت\tدولة الكويت\t\t\t
loc.kurdistan_region\tLOC\tإقليم كردستان\tكردستان\t\t\t
loc.anbar\tLOC\tالأنبار\t\t\t\t
org.defence_ministry_unspecified\tORG\tوزارة الدفاع\t\t\t\t
loc.anbar_governorate\tLOC\tمحافظة الأنبار\t\t\t\t
loc.sadr_city\tLOC\tمدينة الصدر\t\t\t\t
base.ain_al_asad\tBASE\tقاعدة عين الأسد\tعين الأسد\t\t\t
";
    let gaz = Gazetteer::builder()
        .bundled(false)
        .text("kinds.tsv", gaz)
        .build()
        .unwrap();
    let m = Matcher::new(&gaz).unwrap();
    let texts = |text: &str| -> Vec<String> {
        m.find(text)
            .iter()
            .map(|x| x.text(text).to_string())
            .collect()
    };
    assert_eq!(
        texts("وقالت وكالة فرانس برس إن تنظيم القاعدة ولتنظيم داعش خلايا في دولة الكويت"),
        ["فرانس برس", "القاعدة", "داعش", "الكويت"]
    );
    assert_eq!(
        texts("واستقبل الأمير محمد بن سلمان وللأمير محمد بن سلمان"),
        ["محمد بن سلمان", "محمد بن سلمان"]
    );
    // the kind of an area before a place's name (the governorate keeps
    // its own entity)
    let found = m.find("وصلت القوات إلى محافظة الأنبار ثم إلى مدينة الصدر");
    let text = "وصلت القوات إلى محافظة الأنبار ثم إلى مدينة الصدر";
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|x| (x.text(text), m.entity(x).id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("الأنبار", "loc.anbar_governorate"),
            ("مدينة الصدر", "loc.sadr_city")
        ]
    );
    // a body named without its country, and its country's adjective
    assert_eq!(
        texts("وقالت وزارة الدفاع الفرنسية إن وزارة الدفاع لم تعلق"),
        ["وزارة الدفاع الفرنسية", "وزارة الدفاع"]
    );
    // a kind word that is part of the name in common use stays
    assert_eq!(
        texts("وأعلن تنظيم الدولة الإسلامية في إقليم كردستان قرب قاعدة عين الأسد"),
        ["تنظيم الدولة الإسلامية", "إقليم كردستان", "قاعدة عين الأسد"]
    );
}
