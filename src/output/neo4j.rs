//! Node and relationship files for `neo4j-admin database import`:
//! `DIR/neo4j/nodes.csv` (`:ID`, `:LABEL`) and
//! `DIR/neo4j/relationships.csv` (`:START_ID`, `:END_ID`, `:TYPE`).

use std::io;
use std::path::Path;

use super::graph::Graph;
use super::{CsvRows, safe_cell};
use crate::gazetteer::EntityType;
use crate::relation::Relations;

fn label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "Entity;Person",
        EntityType::Org => "Entity;Organization",
        EntityType::Base => "Entity;Base",
        EntityType::Loc => "Entity;Place",
    }
}

/// Writes both files into `dir` (created if missing).
pub fn write(
    dir: &Path,
    excel: bool,
    relations: Option<&Relations>,
    graph: &Graph,
) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut nodes = CsvRows::create(dir.join("nodes.csv"), excel)?;
    nodes.row([
        "entityId:ID",
        "name",
        "type",
        "wikidata",
        "mentions:int",
        "documents:int",
        ":LABEL",
    ])?;
    for (e, stat) in graph.entities() {
        nodes.row([
            &*safe_cell(&e.id),
            &safe_cell(&e.canonical),
            e.kind.as_str(),
            e.wikidata.as_deref().unwrap_or(""),
            &stat.mentions.to_string(),
            &stat.documents.to_string(),
            label(e.kind),
        ])?;
    }
    nodes.commit()?;
    let mut rels = CsvRows::create(dir.join("relationships.csv"), excel)?;
    rels.row([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "documents:int",
        "mentions:int",
        "confidence:float",
        "rule",
        "evidence",
    ])?;
    for (s, predicate, o, edge) in graph.edges() {
        let rule = relations
            .map(|r| r.rules()[edge.best.rule].id.as_str())
            .unwrap_or("");
        rels.row([
            &*safe_cell(&s.id),
            &safe_cell(&o.id),
            &predicate.to_ascii_uppercase(),
            &edge.documents.to_string(),
            &edge.mentions.to_string(),
            &format!("{:.2}", edge.best.confidence),
            &safe_cell(rule),
            &safe_cell(&edge.best.text),
        ])?;
    }
    rels.commit()
}
