//! DOCX: the text of `word/document.xml`, as lines. Runs are joined within a paragraph;
//! paragraphs, `<w:br/>` and table rows become lines, table cells are separated by tabs;
//! heading styles become Markdown `#` marks so the parser sees them as headings.
//!
//! A zip bomb is refused before it is inflated: the declared size is checked first, and
//! inflating stops at the cap whatever the header claimed.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

/// Larger than any real referat's document.xml (a 300-page one is ~10 MB), far below
/// what would hurt a browser tab.
pub const MAX_XML: u64 = 64 * 1024 * 1024;

#[derive(Debug, PartialEq)]
pub enum DocxError {
    NotZip,
    NoDocument,
    TooLarge { declared: u64 },
    Corrupt,
}

pub fn text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let file = archive.by_name("word/document.xml").map_err(|_| DocxError::NoDocument)?;
    if file.size() > MAX_XML {
        return Err(DocxError::TooLarge { declared: file.size() });
    }
    let mut xml = Vec::with_capacity(file.size() as usize);
    // `take` caps what is inflated even when the header lies about the size.
    file.take(MAX_XML + 1).read_to_end(&mut xml).map_err(|_| DocxError::Corrupt)?;
    if xml.len() as u64 > MAX_XML {
        return Err(DocxError::TooLarge { declared: xml.len() as u64 });
    }
    Ok(document_text(&xml))
}

/// The visible text of a WordprocessingML body.
fn document_text(xml: &[u8]) -> String {
    let mut reader = Reader::from_reader(xml);
    let mut out: Vec<String> = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut cell_in_row = 0usize;
    let mut heading: Option<u8> = None;
    let mut buf = Vec::new();
    // An error ends the reading: what was read is kept, a damaged tail loses only itself.
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().into_inner() {
                "t" => in_text = true,
                "tab" => para.push('\t'),
                "br" | "cr" => para.push('\n'),
                "pStyle" => {
                    heading =
                        e.attributes().flatten().find(|a| a.key.local_name().into_inner() == "val").and_then(|a| heading_level(&a.value))
                }
                "tc" => {
                    if cell_in_row > 0 {
                        para.truncate(para.trim_end_matches(' ').len());
                        para.push('\t');
                    }
                    cell_in_row += 1;
                }
                "tr" => cell_in_row = 0,
                _ => {}
            },
            // Text comes without its entities; they arrive as references of their own.
            Event::Text(t) if in_text => para.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else {
                    para.push_str(match r.into_inner().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                // Inside a table a paragraph ends a cell's line only at the row's end.
                "p" if cell_in_row == 0 => {
                    flush(&mut out, &mut para, heading.take());
                }
                "p" => para.push(' '),
                "tr" => {
                    flush(&mut out, &mut para, None);
                    cell_in_row = 0;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    flush(&mut out, &mut para, None);
    // A document made from plain text has a paragraph for every line, and empty ones for
    // its blank lines: its lines are the text's lines. Otherwise each paragraph is a
    // paragraph, and a blank line separates them.
    let empty = out.iter().filter(|p| p.trim().is_empty()).count();
    let separator = if empty * 10 >= out.len() { "\n" } else { "\n\n" };
    out.join(separator)
}

fn flush(out: &mut Vec<String>, para: &mut String, heading: Option<u8>) {
    let line = para.trim_end();
    let mut p = String::with_capacity(line.len() + 4);
    if let Some(level) = heading.filter(|_| !line.trim().is_empty()) {
        p.extend(std::iter::repeat_n('#', level as usize));
        p.push(' ');
    }
    p.push_str(line);
    out.push(p);
    para.clear();
}

/// "Heading2" / "Overskrift2" -> 2; "Title" -> 1.
fn heading_level(style: &str) -> Option<u8> {
    let s = style.to_lowercase();
    if s == "title" {
        return Some(1);
    }
    let digits = s.strip_prefix("heading").or_else(|| s.strip_prefix("overskrift"))?;
    digits.parse::<u8>().ok().filter(|l| (1..=6).contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_breaks_tables() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>1. Godkendelse</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Skal </w:t></w:r><w:r><w:t>godkendes &amp; drøftes</w:t></w:r><w:r><w:br/><w:t>ny linje</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Læsø</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        </w:body></w:document>"#.as_bytes();
        let lines: Vec<String> = document_text(xml).lines().filter(|l| !l.trim().is_empty()).map(|l| l.trim().to_owned()).collect();
        assert_eq!(lines, ["## 1. Godkendelse", "Skal godkendes & drøftes", "ny linje", "Læsø\t0"]);
    }
}
