//! Reading gazetteer files: rasid's entity rows and typed name lists.

use std::collections::HashMap;
use std::path::Path;

use super::{Alias, Entity, EntityType, Gazetteer, Office};
use crate::error::{Error, ErrorKind, Location};
use crate::normalize::fold;

/// What a file's header says it holds.
enum Format {
    /// rasid's entity rows; column indexes by name.
    Entities(Columns),
    /// `surface<TAB>type...`: one name a row.
    TypedList,
    /// Data for other parts of rasid (titles, nationalities, variants):
    /// skipped when a folder is loaded.
    Other,
}

struct Columns {
    id: usize,
    kind: usize,
    canonical: usize,
    aliases: Option<usize>,
    wikidata: Option<usize>,
    cues: Option<usize>,
    note: Option<usize>,
    office: Option<usize>,
    /// A learned list (it has name counts): an imported list.
    imported: bool,
}

fn sniff(header: &str) -> Option<Format> {
    let names: Vec<String> = header
        .split('\t')
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let find = |n: &str| names.iter().position(|h| h == n);
    if let (Some(id), Some(kind), Some(canonical)) = (find("id"), find("type"), find("canonical")) {
        return Some(Format::Entities(Columns {
            id,
            kind,
            canonical,
            aliases: find("aliases"),
            wikidata: find("wikidata"),
            cues: find("cues"),
            note: find("note"),
            office: find("office"),
            imported: false,
        }));
    }
    if names.first().map(String::as_str) == Some("surface") && find("type") == Some(1) {
        return Some(Format::TypedList);
    }
    let other = ["title", "country_id", "form", "org_id"];
    let type_cues = names.first().map(String::as_str) == Some("type")
        && names.get(1).map(String::as_str) == Some("cue");
    if type_cues || names.first().is_some_and(|n| other.contains(&n.as_str())) {
        return Some(Format::Other);
    }
    None
}

/// Reads a file, or every `.tsv` file under a folder (sorted, recursively).
pub(super) fn read_path(gaz: &mut Gazetteer, path: &Path, errors: &mut Vec<Error>) {
    if path.is_dir() {
        let mut files = Vec::new();
        collect_tsv(path, &mut files, errors);
        files.sort();
        for f in files {
            match std::fs::read(&f) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        let first = text
                            .trim_start_matches('\u{feff}')
                            .lines()
                            .next()
                            .unwrap_or("");
                        if matches!(sniff(first), Some(Format::Other)) {
                            continue;
                        }
                        read_into(gaz, &f, &text, errors)
                    }
                    Err(e) => errors.push(not_utf8(&f, &e)),
                },
                Err(e) => errors.push(Error::new(ErrorKind::Io(e.to_string()), Location::file(&f))),
            }
        }
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => read_into(gaz, path, &text, errors),
            Err(e) => errors.push(not_utf8(path, &e)),
        },
        Err(e) => errors.push(Error::new(
            ErrorKind::Io(e.to_string()),
            Location::file(path),
        )),
    }
}

fn not_utf8(path: &Path, e: &std::string::FromUtf8Error) -> Error {
    Error::new(
        ErrorKind::NotUtf8 {
            byte: e.utf8_error().valid_up_to(),
        },
        Location::file(path),
    )
}

fn collect_tsv(dir: &Path, out: &mut Vec<std::path::PathBuf>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(Error::new(
                ErrorKind::Io(e.to_string()),
                Location::file(dir),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect_tsv(&p, out, errors);
        } else if p.extension().is_some_and(|e| e == "tsv") {
            out.push(p);
        }
    }
}

/// Reads gazetteer text whose header tells its format.
pub(super) fn read_into(gaz: &mut Gazetteer, path: &Path, text: &str, errors: &mut Vec<Error>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)));
    let Some((_, header)) = lines.next() else {
        return; // an empty file adds nothing
    };
    match sniff(header) {
        Some(Format::Entities(cols)) => read_entities(gaz, path, &cols, lines, errors),
        Some(Format::TypedList) => read_typed_list(gaz, path, lines, errors),
        Some(Format::Other) | None => errors.push(Error::new(
            ErrorKind::UnknownHeader(header.to_string()),
            Location::line(path, 1),
        )),
    }
}

fn bad(path: &Path, line: usize, column: usize, msg: String) -> Error {
    Error::new(
        ErrorKind::BadRow(msg),
        Location::line(path, line).with_column(column),
    )
}

/// The 1-based character column where cell `index` starts.
fn column_of(cells: &[&str], index: usize) -> usize {
    cells[..index.min(cells.len())]
        .iter()
        .map(|c| c.chars().count() + 1)
        .sum::<usize>()
        + 1
}

fn read_entities<'a>(
    gaz: &mut Gazetteer,
    path: &Path,
    cols: &Columns,
    lines: impl Iterator<Item = (usize, &'a str)>,
    errors: &mut Vec<Error>,
) {
    for (n, line) in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| cells.get(i).map(|c| c.trim()).unwrap_or("");
        let opt = |i: Option<usize>| i.map(cell).unwrap_or("");
        let id = cell(cols.id);
        if id.is_empty() {
            errors.push(bad(
                path,
                n,
                column_of(&cells, cols.id),
                "row has no id".into(),
            ));
            continue;
        }
        if id.chars().any(|c| c.is_whitespace() || c == ',') {
            errors.push(bad(
                path,
                n,
                column_of(&cells, cols.id),
                format!("id {id:?} contains a space or a comma"),
            ));
            continue;
        }
        let Some(kind) = EntityType::parse(cell(cols.kind)) else {
            errors.push(bad(
                path,
                n,
                column_of(&cells, cols.kind),
                format!(
                    "unknown type {:?} for {id}; expected PERSON, ORG, BASE or LOC",
                    cell(cols.kind)
                ),
            ));
            continue;
        };
        let canonical = cell(cols.canonical);
        if fold(canonical).is_empty() {
            errors.push(bad(
                path,
                n,
                column_of(&cells, cols.canonical),
                format!("{id} has no canonical name"),
            ));
            continue;
        }
        let canonical = canonical.trim_start_matches('?').trim();
        let wikidata = opt(cols.wikidata);
        if !wikidata.is_empty()
            && !(wikidata.starts_with('Q')
                && wikidata.len() > 1
                && wikidata[1..].bytes().all(|b| b.is_ascii_digit()))
        {
            errors.push(bad(
                path,
                n,
                column_of(&cells, cols.wikidata.unwrap_or(0)),
                format!("{id}: wikidata id {wikidata:?} is not of the form Q123"),
            ));
            continue;
        }
        let mut names: Vec<(String, bool)> = Vec::new();
        let mut row_ok = true;
        let aliases_cell = opt(cols.aliases);
        if !aliases_cell.is_empty() {
            for raw in aliases_cell.split('|') {
                let ambiguous = raw.trim().starts_with('?');
                let name = raw.trim().trim_start_matches('?').trim();
                if fold(name).is_empty() {
                    errors.push(bad(
                        path,
                        n,
                        column_of(&cells, cols.aliases.unwrap_or(0)),
                        format!("{id}: empty alias in {aliases_cell:?} (two `|` in a row, or one at an end)"),
                    ));
                    row_ok = false;
                    break;
                }
                names.push((name.to_string(), ambiguous));
            }
        }
        if !row_ok {
            continue;
        }
        // The canonical name is an alias too, unless the row marks it ambiguous.
        let canonical_folded = fold(canonical);
        if !names.iter().any(|(a, _)| fold(a) == canonical_folded) {
            names.insert(0, (canonical.to_string(), false));
        }
        let cues: Vec<String> = opt(cols.cues)
            .split('|')
            .map(fold)
            .filter(|c| !c.is_empty())
            .collect();
        let mut offices = Vec::new();
        let office_cell = opt(cols.office);
        for raw in office_cell
            .split('|')
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            let office = raw.split_once(':').and_then(|(kind, of)| {
                let (kind, of) = (kind.trim(), of.trim());
                let word =
                    !kind.is_empty() && kind.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                (word && !of.is_empty()).then(|| Office {
                    kind: kind.to_string(),
                    of: of.to_string(),
                })
            });
            match office {
                Some(o) => offices.push(o),
                None => {
                    errors.push(bad(
                        path,
                        n,
                        column_of(&cells, cols.office.unwrap_or(0)),
                        format!(
                            "{id}: office {raw:?} is not of the form kind:id (president:loc.syria)"
                        ),
                    ));
                    row_ok = false;
                }
            }
        }
        if !row_ok {
            continue;
        }
        let origin = Location::line(path, n);
        let entity = Entity {
            id: id.to_string(),
            kind,
            canonical: canonical.to_string(),
            wikidata: (!wikidata.is_empty()).then(|| wikidata.to_string()),
            cues,
            note: opt(cols.note).to_string(),
            offices,
            origin: origin.clone(),
            imported: cols.imported,
            discovered: false,
        };
        match gaz.add_entity(entity) {
            Ok(e) => {
                for (text, ambiguous) in names {
                    gaz.aliases.push(Alias {
                        text,
                        entity: e,
                        ambiguous,
                        origin: origin.clone(),
                    });
                }
            }
            Err(err) => errors.push(err),
        }
    }
}

/// The id of a listed name: the type and the folded name, spaces as `_`.
pub fn list_entity_id(kind: EntityType, folded: &str) -> String {
    let prefix = match kind {
        EntityType::Person => "per",
        EntityType::Org => "org",
        EntityType::Base => "base",
        EntityType::Loc => "loc",
    };
    format!("list.{prefix}.{}", folded.replace(' ', "_"))
}

fn read_typed_list<'a>(
    gaz: &mut Gazetteer,
    path: &Path,
    lines: impl Iterator<Item = (usize, &'a str)>,
    errors: &mut Vec<Error>,
) {
    let mut seen: HashMap<(EntityType, String), ()> = HashMap::new();
    for (n, line) in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cells = line.split('\t');
        let surface = cells.next().unwrap_or("").trim();
        let kind_cell = cells.next().unwrap_or("").trim();
        let folded = fold(surface);
        if folded.is_empty() {
            errors.push(bad(path, n, 1, "empty name".into()));
            continue;
        }
        let Some(kind) = EntityType::parse(kind_cell) else {
            errors.push(bad(
                path,
                n,
                surface.chars().count() + 2,
                format!("unknown type {kind_cell:?}; expected PER, ORG, LOC or FAC"),
            ));
            continue;
        };
        let origin = Location::line(path, n);
        let id = list_entity_id(kind, &folded);
        let fresh = seen.insert((kind, folded), ()).is_none();
        let entity = Entity {
            id,
            kind,
            canonical: surface.to_string(),
            wikidata: None,
            cues: Vec::new(),
            note: String::new(),
            offices: Vec::new(),
            origin: origin.clone(),
            imported: true,
            discovered: false,
        };
        match gaz.add_entity(entity) {
            Ok(e) if fresh => gaz.aliases.push(Alias {
                text: surface.to_string(),
                entity: e,
                ambiguous: false,
                origin,
            }),
            Ok(_) => {}
            Err(err) => errors.push(err),
        }
    }
}
