//! The gazetteers compiled into the binary, so that `rasid extract` works
//! from any folder.

/// (name used in messages, text) of every bundled entity file.
pub(super) const FILES: [(&str, &str); 4] = [
    (
        "gazetteers/persons.tsv",
        include_str!("../../gazetteers/persons.tsv"),
    ),
    (
        "gazetteers/organizations.tsv",
        include_str!("../../gazetteers/organizations.tsv"),
    ),
    (
        "gazetteers/bases.tsv",
        include_str!("../../gazetteers/bases.tsv"),
    ),
    (
        "gazetteers/places.tsv",
        include_str!("../../gazetteers/places.tsv"),
    ),
];

/// The folded one-word nationality adjectives of `gazetteers/nationalities.tsv`
/// (العراقي، الأمريكية، سوري ...): words that read as a name's last word
/// («محمد العراقي») but mostly describe something else.
pub fn nationality_words() -> rustc_hash::FxHashSet<String> {
    include_str!("../../gazetteers/nationalities.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').nth(1))
        .flat_map(|forms| forms.split('|'))
        .map(crate::normalize::fold)
        .filter(|f| !f.is_empty() && !f.contains(' '))
        .collect()
}

/// The folded one-word forms of the bundled adjectives of groups
/// (`group-adjectives.tsv`: الحوثي، الإخواني، الداعشي), which stand after a
/// title as a nationality does: «القيادي الحوثي، أحمد حسين القوبري».
pub fn group_adjective_words() -> rustc_hash::FxHashSet<String> {
    include_str!("../../gazetteers/group-adjectives.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').nth(1))
        .flat_map(|forms| forms.split('|'))
        .map(crate::normalize::fold)
        .filter(|f| !f.is_empty() && !f.contains(' '))
        .collect()
}
