//! RDF: `graph.nt` (N-Triples) and `graph.ttl` (Turtle), the same graph.
//!
//! Entities are `<BASE>entity/<id>` with `rdf:type <BASE>ontology/<Type>`,
//! `rdfs:label "..."@ar`, `owl:sameAs` the Wikidata entity where the
//! gazetteer knows it, and mention and document counts; each merged edge is
//! one triple `<subject> <BASE>ontology/<predicate> <object>`.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use super::AtomicFile;
use super::graph::Graph;
use crate::gazetteer::EntityType;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";

/// The default base IRI: a reserved name that resolves nowhere.
pub const DEFAULT_BASE: &str = "https://rasid.invalid/";

/// An id as an IRI path segment: unreserved characters as they are, every
/// other byte percent-encoded.
fn segment(id: &str) -> String {
    let mut s = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            s.push(b as char);
        } else {
            let _ = write!(s, "%{b:02X}");
        }
    }
    s
}

/// A string as an N-Triples / Turtle literal body.
fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn class(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "Person",
        EntityType::Org => "Organization",
        EntityType::Base => "MilitaryBase",
        EntityType::Loc => "Place",
    }
}

/// Every statement as (subject IRI, predicate IRI, object term as written).
fn statements(base: &str, graph: &Graph) -> Vec<(String, String, String)> {
    let entity = |id: &str| format!("{base}entity/{}", segment(id));
    let onto = |name: &str| format!("{base}ontology/{name}");
    let mut out = Vec::new();
    for (e, stat) in graph.entities() {
        let s = entity(&e.id);
        out.push((
            s.clone(),
            RDF_TYPE.to_string(),
            format!("<{}>", onto(class(e.kind))),
        ));
        out.push((
            s.clone(),
            RDFS_LABEL.to_string(),
            format!("\"{}\"@ar", literal(&e.canonical)),
        ));
        if let Some(q) = &e.wikidata {
            out.push((
                s.clone(),
                OWL_SAME_AS.to_string(),
                format!("<http://www.wikidata.org/entity/{q}>"),
            ));
        }
        out.push((
            s.clone(),
            onto("mentions"),
            format!("\"{}\"^^<{XSD_INTEGER}>", stat.mentions),
        ));
        out.push((
            s,
            onto("documents"),
            format!("\"{}\"^^<{XSD_INTEGER}>", stat.documents),
        ));
    }
    for (s, predicate, o, _) in graph.edges() {
        out.push((
            entity(&s.id),
            onto(predicate),
            format!("<{}>", entity(&o.id)),
        ));
    }
    out
}

/// Writes `graph.nt`.
pub fn write_ntriples(path: &Path, base: &str, graph: &Graph) -> io::Result<()> {
    let mut f = AtomicFile::create(path)?;
    for (s, p, o) in statements(base, graph) {
        writeln!(f, "<{s}> <{p}> {o} .")?;
    }
    f.commit()
}

/// Writes `graph.ttl`: the same statements, grouped by subject.
pub fn write_turtle(path: &Path, base: &str, graph: &Graph) -> io::Result<()> {
    let mut f = AtomicFile::create(path)?;
    writeln!(f, "# rasid: entities and the relations between them")?;
    writeln!(
        f,
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ."
    )?;
    writeln!(f, "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .")?;
    writeln!(f, "@prefix owl: <http://www.w3.org/2002/07/owl#> .")?;
    writeln!(f, "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .")?;
    writeln!(f, "@prefix rasid: <{base}ontology/> .")?;
    let short = |p: &str| -> String {
        for (iri, pre) in [
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
            ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
            ("http://www.w3.org/2002/07/owl#", "owl:"),
        ] {
            if let Some(rest) = p.strip_prefix(iri) {
                return format!("{pre}{rest}");
            }
        }
        match p.strip_prefix(&format!("{base}ontology/")) {
            Some(rest) => format!("rasid:{rest}"),
            None => format!("<{p}>"),
        }
    };
    let mut current: Option<String> = None;
    for (s, p, o) in statements(base, graph) {
        let o = o.replace(&format!("^^<{XSD_INTEGER}>"), "^^xsd:integer");
        if current.as_deref() == Some(s.as_str()) {
            write!(f, " ;\n    {} {}", short(&p), o)?;
        } else {
            if current.is_some() {
                writeln!(f, " .")?;
            }
            write!(f, "\n<{s}>\n    {} {}", short(&p), o)?;
            current = Some(s);
        }
    }
    if current.is_some() {
        writeln!(f, " .")?;
    }
    f.commit()
}
