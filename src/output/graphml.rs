//! `graph.graphml`: entities as nodes, merged edges as edges, for Gephi,
//! Cytoscape, networkx.

use std::io::{self, Write};
use std::path::Path;

use super::AtomicFile;
use super::graph::Graph;

/// Text as XML character data or attribute value; characters XML 1.0
/// forbids are left out.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn write(path: &Path, graph: &Graph) -> io::Result<()> {
    let mut f = AtomicFile::create(path)?;
    writeln!(f, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        f,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, domain, name, ty) in [
        ("label", "node", "label", "string"),
        ("type", "node", "type", "string"),
        ("wikidata", "node", "wikidata", "string"),
        ("n_mentions", "node", "mentions", "int"),
        ("n_documents", "node", "documents", "int"),
        ("predicate", "edge", "predicate", "string"),
        ("e_documents", "edge", "documents", "int"),
        ("e_mentions", "edge", "mentions", "int"),
        ("confidence", "edge", "confidence", "double"),
        ("evidence", "edge", "evidence", "string"),
    ] {
        writeln!(
            f,
            r#"  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(f, r#"  <graph id="rasid" edgedefault="directed">"#)?;
    for (e, stat) in graph.entities() {
        writeln!(f, r#"    <node id="{}">"#, xml(&e.id))?;
        writeln!(f, r#"      <data key="label">{}</data>"#, xml(&e.canonical))?;
        writeln!(f, r#"      <data key="type">{}</data>"#, e.kind.as_str())?;
        if let Some(q) = &e.wikidata {
            writeln!(f, r#"      <data key="wikidata">{}</data>"#, xml(q))?;
        }
        writeln!(
            f,
            r#"      <data key="n_mentions">{}</data>"#,
            stat.mentions
        )?;
        writeln!(
            f,
            r#"      <data key="n_documents">{}</data>"#,
            stat.documents
        )?;
        writeln!(f, "    </node>")?;
    }
    for (k, (s, predicate, o, edge)) in graph.edges().into_iter().enumerate() {
        writeln!(
            f,
            r#"    <edge id="e{k}" source="{}" target="{}">"#,
            xml(&s.id),
            xml(&o.id)
        )?;
        writeln!(f, r#"      <data key="predicate">{predicate}</data>"#)?;
        writeln!(
            f,
            r#"      <data key="e_documents">{}</data>"#,
            edge.documents
        )?;
        writeln!(
            f,
            r#"      <data key="e_mentions">{}</data>"#,
            edge.mentions
        )?;
        writeln!(
            f,
            r#"      <data key="confidence">{:.2}</data>"#,
            edge.best.confidence
        )?;
        writeln!(
            f,
            r#"      <data key="evidence">{}</data>"#,
            xml(&edge.best.text)
        )?;
        writeln!(f, "    </edge>")?;
    }
    writeln!(f, "  </graph>\n</graphml>")?;
    f.commit()
}
