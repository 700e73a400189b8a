//! Gazetteers: the entities rasid knows, their names, and the spelling
//! variants that folding alone cannot reach.
//!
//! Two file formats are read (see `gazetteers/README.md`):
//! - rasid's own, one entity a row: `id, type, canonical, aliases, wikidata,
//!   cues, note`, edited in a spreadsheet;
//! - typed name lists, one name a row: `surface, type, ...` (types PER, LOC,
//!   ORG, FAC), such as merged public lists; each distinct folded name of a
//!   type becomes one entity with an id made from that name.
//!
//! The bundled gazetteers are compiled into the binary ([`bundled`]).

pub mod bundled;
pub mod check;
mod defences;
pub mod learn;
mod read;
mod variants;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::normalize::fold;

pub use defences::Defences;
pub use variants::Variants;

/// The four kinds of entity rasid reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Org,
    Base,
    Loc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Base,
        EntityType::Loc,
    ];

    /// The name used in output: `PERSON`, `ORG`, `BASE`, `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Base => "BASE",
            EntityType::Loc => "LOC",
        }
    }

    /// Reads a type name: rasid's own, or the tags of common name lists
    /// (PER, PERS, GPE, FAC).
    pub fn parse(s: &str) -> Option<EntityType> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" | "PERS" => Some(EntityType::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Org),
            "BASE" | "FAC" | "FACILITY" => Some(EntityType::Base),
            "LOC" | "LOCATION" | "GPE" | "PLACE" => Some(EntityType::Loc),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entity: what every mention of it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable id, the same in every document and every run.
    pub id: String,
    pub kind: EntityType,
    /// The name written in output.
    pub canonical: String,
    pub wikidata: Option<String>,
    /// Folded words that, right before an ambiguous alias, confirm it.
    pub cues: Vec<String>,
    pub note: String,
    /// The offices a person holds or held, from the `office` column: what a
    /// bare title before the name stands for («الرئيس بشار الأسد»).
    pub offices: Vec<Office>,
    /// Where the entity was first defined.
    pub origin: Location,
    /// From an imported name list (typed list, learned list): the defences
    /// for noisy lists apply to its one-word aliases.
    pub imported: bool,
    /// Found in a document (after a title, an organization's head word...)
    /// rather than listed in a gazetteer.
    pub discovered: bool,
}

/// An office a person holds or held: `president:loc.syria` in the
/// `office` column is kind `president` of the entity `loc.syria`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// A lowercase word the rules name: `president`, `pm`, `king`...
    pub kind: String,
    /// The id of the place or organization.
    pub of: String,
}

/// A name of an entity, as written in the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub text: String,
    /// Index into [`Gazetteer::entities`].
    pub entity: usize,
    /// Fires only with a cue right before it or after an unambiguous
    /// mention of the same entity earlier in the document.
    pub ambiguous: bool,
    pub origin: Location,
}

/// A folded alias that names more than one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAlias {
    pub folded: String,
    /// Entity ids, in gazetteer order.
    pub ids: Vec<String>,
}

/// Entities and their aliases, ready to compile into a matcher.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    aliases: Vec<Alias>,
    variants: Variants,
    defences: Defences,
    by_id: HashMap<String, usize>,
}

impl Gazetteer {
    /// The bundled gazetteers alone.
    pub fn bundled() -> Result<Gazetteer, Errors> {
        Gazetteer::builder().build()
    }

    /// A builder: bundled gazetteers on by default, more files or text added.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder {
            bundled: true,
            defences: true,
            sources: Vec::new(),
        }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn aliases(&self) -> &[Alias] {
        &self.aliases
    }

    pub fn variants(&self) -> &Variants {
        &self.variants
    }

    /// The defences for imported name lists (off: [`Defences::off`]).
    pub fn defences(&self) -> &Defences {
        &self.defences
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// Folded aliases shared by several entities; the matcher then picks by
    /// context (a cue, an earlier mention) or, failing that, gazetteer order.
    pub fn shared_aliases(&self) -> Vec<SharedAlias> {
        let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
        for a in &self.aliases {
            let ids = owners.entry(fold(&a.text)).or_default();
            if !ids.contains(&a.entity) {
                ids.push(a.entity);
            }
        }
        let mut shared: Vec<SharedAlias> = owners
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(folded, ids)| SharedAlias {
                folded,
                ids: ids.iter().map(|&i| self.entities[i].id.clone()).collect(),
            })
            .collect();
        shared.sort_by(|a, b| a.folded.cmp(&b.folded));
        shared
    }

    /// Adds an entity, or merges it into the one with the same id: aliases
    /// and cues add up, the first canonical name stays. An id given two
    /// types is an error.
    fn add_entity(&mut self, entity: Entity) -> Result<usize, Error> {
        if let Some(&i) = self.by_id.get(&entity.id) {
            let known = &mut self.entities[i];
            if known.kind != entity.kind {
                return Err(Error::new(
                    ErrorKind::ConflictingType {
                        id: entity.id,
                        first: format!("{} ({})", known.kind, known.origin),
                        second: entity.kind.to_string(),
                    },
                    entity.origin,
                ));
            }
            for c in entity.cues {
                if !known.cues.contains(&c) {
                    known.cues.push(c);
                }
            }
            if known.wikidata.is_none() {
                known.wikidata = entity.wikidata;
            }
            return Ok(i);
        }
        let i = self.entities.len();
        self.by_id.insert(entity.id.clone(), i);
        self.entities.push(entity);
        Ok(i)
    }
}

/// Where a gazetteer source comes from.
enum Source {
    Path(PathBuf),
    Text { name: String, text: String },
}

/// Chooses the gazetteers to load; [`GazetteerBuilder::build`] reads them all
/// and reports every bad row at once.
pub struct GazetteerBuilder {
    bundled: bool,
    defences: bool,
    sources: Vec<Source>,
}

impl GazetteerBuilder {
    /// Whether the bundled gazetteers are loaded (default: yes).
    pub fn bundled(mut self, yes: bool) -> Self {
        self.bundled = yes;
        self
    }

    /// Whether one-word names from imported lists need evidence (default:
    /// yes; see [`Defences`]).
    pub fn list_defences(mut self, yes: bool) -> Self {
        self.defences = yes;
        self
    }

    /// Adds a gazetteer file, or every `.tsv` file of a folder.
    pub fn path(mut self, path: impl Into<PathBuf>) -> Self {
        self.sources.push(Source::Path(path.into()));
        self
    }

    /// Adds gazetteer text under a name used in messages.
    pub fn text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.sources.push(Source::Text {
            name: name.into(),
            text: text.into(),
        });
        self
    }

    pub fn build(self) -> Result<Gazetteer, Errors> {
        let defences = if self.defences {
            Defences::bundled()
        } else {
            Defences::off()
        };
        let mut gaz = Gazetteer {
            variants: Variants::bundled(),
            defences,
            ..Gazetteer::default()
        };
        let mut errors = Vec::new();
        if self.bundled {
            for (name, text) in bundled::FILES {
                read::read_into(&mut gaz, Path::new(name), text, &mut errors);
            }
        }
        for source in self.sources {
            match source {
                Source::Text { name, text } => {
                    read::read_into(&mut gaz, Path::new(&name), &text, &mut errors)
                }
                Source::Path(p) => read::read_path(&mut gaz, &p, &mut errors),
            }
        }
        if errors.is_empty() {
            Ok(gaz)
        } else {
            Err(Errors(errors))
        }
    }
}
