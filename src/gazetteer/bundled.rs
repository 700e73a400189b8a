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
