//! `review.html`: a self-contained page (no network) to check the results:
//! each document right to left with its mentions highlighted by type and
//! its triples below with their evidence; filters by type and predicate.
//! Written document by document as the run goes.

use std::io::{self, Write};
use std::path::Path;

use super::AtomicFile;
use super::graphml::xml;
use crate::analysis::{Analysis, Analyzer};
use crate::input::Document;
use crate::relation::SYMMETRIC;

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rasid review</title>
<style>
body { font-family: "Noto Naskh Arabic", "Amiri", "Geeza Pro", Tahoma, sans-serif; margin: 0; background: #fafafa; color: #222; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccc; padding: .5em 1em; z-index: 1; }
header label { margin-inline-end: 1em; white-space: nowrap; }
main { padding: 1em; }
article { background: #fff; border: 1px solid #ddd; border-radius: 6px; margin: 0 0 1em; padding: .5em 1em; }
article h2 { font-size: .9em; font-family: monospace; direction: ltr; text-align: left; color: #555; }
.text { white-space: pre-wrap; line-height: 1.9; }
mark.m { border-radius: 3px; padding: 0 2px; }
mark.PERSON { background: #ffd8a8; } mark.ORG { background: #a5d8ff; } mark.BASE { background: #ffc9c9; } mark.LOC { background: #b2f2bb; }
body.hide-PERSON mark.PERSON, body.hide-ORG mark.ORG, body.hide-BASE mark.BASE, body.hide-LOC mark.LOC { background: none; }
table { border-collapse: collapse; width: 100%; margin-top: .5em; font-size: .9em; }
td, th { border-top: 1px solid #eee; padding: .2em .4em; text-align: right; vertical-align: top; }
tr.hidden { display: none; }
.note { color: #666; font-size: .9em; }
</style>
</head>
<body>
<header>
<strong>rasid</strong> &nbsp;
<span>الأنواع:</span>
<label><input type="checkbox" data-type="PERSON" checked> <mark class="PERSON">PERSON</mark></label>
<label><input type="checkbox" data-type="ORG" checked> <mark class="ORG">ORG</mark></label>
<label><input type="checkbox" data-type="BASE" checked> <mark class="BASE">BASE</mark></label>
<label><input type="checkbox" data-type="LOC" checked> <mark class="LOC">LOC</mark></label>
&nbsp; <span>العلاقات:</span> <select id="predicate"><option value="">كلها</option></select>
</header>
<main>
"#;

const TAIL: &str = r#"</main>
<script>
(function () {
  for (const box of document.querySelectorAll('header input[data-type]')) {
    box.addEventListener('change', () => document.body.classList.toggle('hide-' + box.dataset.type, !box.checked));
  }
  const select = document.getElementById('predicate');
  const seen = new Set();
  for (const row of document.querySelectorAll('tr[data-predicate]')) seen.add(row.dataset.predicate);
  for (const p of [...seen].sort()) { const o = document.createElement('option'); o.value = p; o.textContent = p; select.appendChild(o); }
  select.addEventListener('change', () => {
    for (const row of document.querySelectorAll('tr[data-predicate]')) row.classList.toggle('hidden', !!select.value && row.dataset.predicate !== select.value);
  });
})();
</script>
</body>
</html>
"#;

/// The review page, written as the run goes.
pub struct Review {
    out: AtomicFile,
    max_docs: usize,
    written: usize,
    skipped: usize,
}

impl Review {
    /// A page with at most `max_docs` documents (the rest are counted).
    pub fn create(path: &Path, max_docs: usize) -> io::Result<Review> {
        let mut out = AtomicFile::create(path)?;
        out.write_all(HEAD.as_bytes())?;
        Ok(Review {
            out,
            max_docs,
            written: 0,
            skipped: 0,
        })
    }

    pub fn document(
        &mut self,
        analyzer: &Analyzer,
        doc: &Document,
        found: &Analysis,
    ) -> io::Result<()> {
        if self.written >= self.max_docs {
            self.skipped += 1;
            return Ok(());
        }
        self.written += 1;
        let f = &mut self.out;
        let table = found.table(&analyzer.matcher);
        writeln!(f, "<article><h2>{}</h2>", xml(&doc.id))?;
        write!(f, r#"<div class="text">"#)?;
        let mut at = 0;
        for m in &found.mentions {
            let e = table.of(m);
            f.write_all(xml(&doc.text[at..m.byte_start]).as_bytes())?;
            write!(
                f,
                r#"<mark class="m {}" data-type="{}" title="{} ({})">{}</mark>"#,
                e.kind.as_str(),
                e.kind.as_str(),
                xml(&e.canonical),
                xml(&e.id),
                xml(m.text(&doc.text))
            )?;
            at = m.byte_end;
        }
        f.write_all(xml(&doc.text[at..]).as_bytes())?;
        writeln!(f, "</div>")?;
        if let (Some(rel), false) = (&analyzer.relations, found.triples.is_empty()) {
            writeln!(
                f,
                "<table><tr><th>الفاعل</th><th>العلاقة</th><th>المفعول</th><th>الدليل</th><th>القاعدة</th></tr>"
            )?;
            for t in &found.triples {
                let (s, o) = (table.get(t.subject), table.get(t.object));
                let rule = &rel.rules()[t.rule];
                let arrow = if SYMMETRIC.contains(&rule.predicate.as_str()) {
                    "↔"
                } else {
                    "←"
                };
                writeln!(
                    f,
                    r#"<tr data-predicate="{p}"><td>{}</td><td dir="ltr">{p} {arrow}</td><td>{}</td><td>«{}»</td><td dir="ltr">{} ({:.2})</td></tr>"#,
                    xml(&s.canonical),
                    xml(&o.canonical),
                    xml(&doc.text[t.byte_start..t.byte_end]),
                    xml(&rule.id),
                    t.confidence,
                    p = xml(&rule.predicate),
                )?;
            }
            writeln!(f, "</table>")?;
        }
        writeln!(f, "</article>")
    }

    pub fn commit(mut self) -> io::Result<()> {
        if self.skipped > 0 {
            writeln!(
                self.out,
                r#"<p class="note">{} more documents are not shown here (the page holds the first {}); every one is in the CSV files.</p>"#,
                self.skipped, self.max_docs
            )?;
        }
        self.out.write_all(TAIL.as_bytes())?;
        self.out.commit()
    }
}
