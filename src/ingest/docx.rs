//! DOCX: the text of `word/document.xml`, as lines. Runs are joined within a paragraph;
//! paragraphs, `<w:br/>` and table rows become lines, table cells are separated by tabs;
//! heading styles become Markdown `#` marks so the parser sees them as headings.
//!
//! A zip bomb is refused before it is inflated: the declared size is checked first, and
//! inflating stops at the cap whatever the header claimed.

use crate::text::Lower;
use std::io::Read;

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

/// A zip of another Office kind, by the part it must hold.
pub fn office_kind(bytes: &[u8]) -> Option<&'static str> {
    [("xl/workbook.xml", "et Excel-regneark"), ("ppt/presentation.xml", "en PowerPoint-præsentation")]
        .into_iter()
        .find(|(part, _)| zip::find(bytes, part).is_ok())
        .map(|(_, what)| what)
}

pub fn text(bytes: &[u8]) -> Result<String, DocxError> {
    let entry = zip::find(bytes, "word/document.xml")?;
    if entry.size > MAX_XML {
        return Err(DocxError::TooLarge { declared: entry.size });
    }
    let data = bytes.get(entry.data..).ok_or(DocxError::Corrupt)?;
    let data = &data[..data.len().min(entry.packed as usize)];
    let mut xml = Vec::with_capacity(entry.size.min(MAX_XML) as usize);
    // `take` caps what is inflated even when the header lies about the size.
    match entry.method {
        0 => xml.extend_from_slice(&data[..data.len().min(MAX_XML as usize + 1)]),
        8 => {
            flate2::read::DeflateDecoder::new(data).take(MAX_XML + 1).read_to_end(&mut xml).map_err(|_| DocxError::Corrupt)?;
        }
        _ => return Err(DocxError::Corrupt),
    }
    if xml.len() as u64 > MAX_XML {
        return Err(DocxError::TooLarge { declared: xml.len() as u64 });
    }
    Ok(document_text(&String::from_utf8_lossy(&xml)))
}

/// The few parts of the ZIP format a DOCX needs: the central directory, one entry's sizes
/// and where its data starts (APPNOTE 6.3, with ZIP64 sizes). A crate for this cost the
/// page 12 KB gzip.
mod zip {
    use super::DocxError;

    pub struct Entry {
        pub method: u16,
        /// Declared uncompressed size.
        pub size: u64,
        /// Compressed size.
        pub packed: u64,
        /// Offset of the compressed data.
        pub data: usize,
    }

    fn u16_at(b: &[u8], at: usize) -> Option<u16> {
        Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
    }

    fn u32_at(b: &[u8], at: usize) -> Option<u32> {
        Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
    }

    fn u64_at(b: &[u8], at: usize) -> Option<u64> {
        Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
    }

    /// The entry called `name`: `NotZip` without a readable central directory,
    /// `NoDocument` when the archive has no such entry.
    pub fn find(b: &[u8], name: &str) -> Result<Entry, DocxError> {
        // The end record is in the last 64 KB + 22 bytes (its comment is at most 64 KB).
        let from = b.len().saturating_sub(0xFFFF + 22);
        let end = (from..b.len().saturating_sub(21)).rev().find(|&i| b[i..].starts_with(b"PK\x05\x06")).ok_or(DocxError::NotZip)?;
        let count = u16_at(b, end + 10).ok_or(DocxError::NotZip)? as usize;
        let mut at = u32_at(b, end + 16).ok_or(DocxError::NotZip)? as usize;
        // ZIP64: the locator just before the end record points at the real directory.
        if at == 0xFFFF_FFFF && end >= 20 && b[end - 20..].starts_with(b"PK\x06\x07") {
            let record = u64_at(b, end - 12).ok_or(DocxError::NotZip)? as usize;
            at = u64_at(b, record + 48).ok_or(DocxError::NotZip)? as usize;
        }
        let mut seen = 0;
        while b.get(at..).is_some_and(|r| r.starts_with(b"PK\x01\x02")) {
            let field = |o| u16_at(b, at + o).map(usize::from).ok_or(DocxError::NotZip);
            let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
            let entry_name = b.get(at + 46..at + 46 + name_len).ok_or(DocxError::NotZip)?;
            if entry_name == name.as_bytes() {
                let extra = b.get(at + 46 + name_len..at + 46 + name_len + extra_len).unwrap_or(&[]);
                return entry(b, at, extra);
            }
            at += 46 + name_len + extra_len + comment_len;
            seen += 1;
        }
        // A directory that ends before it said it would is a damaged archive.
        Err(if seen < count && count != 0xFFFF { DocxError::NotZip } else { DocxError::NoDocument })
    }

    fn entry(b: &[u8], at: usize, extra: &[u8]) -> Result<Entry, DocxError> {
        let bad = DocxError::Corrupt;
        let method = u16_at(b, at + 10).ok_or(DocxError::Corrupt)?;
        let mut packed = u64::from(u32_at(b, at + 20).ok_or(DocxError::Corrupt)?);
        let mut size = u64::from(u32_at(b, at + 24).ok_or(DocxError::Corrupt)?);
        let mut local = u64::from(u32_at(b, at + 42).ok_or(DocxError::Corrupt)?);
        // ZIP64 extra field (id 1): the 64-bit values of the fields that read 0xFFFFFFFF, in order.
        let mut i = 0;
        while let (Some(id), Some(len)) = (u16_at(extra, i), u16_at(extra, i + 2)) {
            if id == 1 {
                let mut o = i + 4;
                for field in [&mut size, &mut packed, &mut local] {
                    if *field == 0xFFFF_FFFF {
                        *field = u64_at(extra, o).ok_or(DocxError::Corrupt)?;
                        o += 8;
                    }
                }
            }
            i += 4 + usize::from(len);
        }
        let local = usize::try_from(local).map_err(|_| DocxError::Corrupt)?;
        if !b.get(local..).is_some_and(|r| r.starts_with(b"PK\x03\x04")) {
            return Err(bad);
        }
        let name_len = usize::from(u16_at(b, local + 26).ok_or(DocxError::Corrupt)?);
        let extra_len = usize::from(u16_at(b, local + 28).ok_or(DocxError::Corrupt)?);
        Ok(Entry { method, size, packed, data: local + 30 + name_len + extra_len })
    }
}

/// The visible text of a WordprocessingML body. A scan of its tags, not an XML parser:
/// the body needs only element names, one attribute and the text of `w:t`.
fn document_text(xml: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut cell_in_row = 0usize;
    let mut heading: Option<u8> = None;
    // Byte offsets: '<', '>', '/' and ':' are ASCII, so every cut is a character boundary.
    // (A DOCX of millions of tiny runs is millions of tags: this loop is all its time.)
    let b = xml.as_bytes();
    let mut at = 0;
    while let Some(open) = b[at..].iter().position(|&c| c == b'<').map(|k| at + k) {
        if in_text {
            unescape(&xml[at..open], &mut para);
        }
        at = open + 1;
        // Comments, CDATA and processing instructions carry no body text.
        if b[at..].starts_with(b"!--") {
            at = xml[at + 3..].find("-->").map_or(b.len(), |e| at + 3 + e + 3);
            continue;
        }
        let Some(close) = b[at..].iter().position(|&c| c == b'>').map(|k| at + k) else { break };
        let (end, tag) = match b[at] {
            b'/' => (true, &xml[at + 1..close]),
            _ => (false, &xml[at..close]),
        };
        at = close + 1;
        let t = tag.as_bytes();
        let qname = &t[..t.iter().position(|&c| c.is_ascii_whitespace() || c == b'/').unwrap_or(t.len())];
        let local = qname.iter().rposition(|&c| c == b':').map_or(qname, |k| &qname[k + 1..]);
        if end {
            match local {
                b"t" => in_text = false,
                // Inside a table a paragraph ends a cell's line only at the row's end.
                b"p" if cell_in_row == 0 => flush(&mut out, &mut para, heading.take()),
                b"p" => para.push(' '),
                b"tr" => {
                    flush(&mut out, &mut para, None);
                    cell_in_row = 0;
                }
                _ => {}
            }
            continue;
        }
        let empty = tag.ends_with('/');
        match local {
            b"t" => in_text = !empty,
            b"tab" => para.push('\t'),
            b"br" | b"cr" => para.push('\n'),
            b"pStyle" => heading = attribute(tag, "val").and_then(|v| heading_level(&v)),
            b"tc" => {
                if cell_in_row > 0 {
                    para.truncate(para.trim_end_matches(' ').len());
                    para.push('\t');
                }
                cell_in_row += 1;
            }
            b"tr" => cell_in_row = 0,
            _ => {}
        }
    }
    flush(&mut out, &mut para, None);
    // A document made from plain text has a paragraph for every line, and empty ones for
    // its blank lines: its lines are the text's lines. Otherwise each paragraph is a
    // paragraph, and a blank line separates them.
    let empty = out.iter().filter(|p| p.trim().is_empty()).count();
    let separator = if empty * 10 >= out.len() { "\n" } else { "\n\n" };
    out.join(separator)
}

/// The value of the attribute whose local name is `name` (`w:val="Heading2"`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().rsplit(|c: char| c.is_whitespace() || c == ':').next().unwrap_or("");
        let value = rest[eq + 1..].trim_start();
        // A value is quoted with " or '; anything else (a fuzzed "w:val=�x") ends the tag.
        let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let value = &value[1..];
        let close = value.find(quote)?;
        if key == name {
            let mut v = String::new();
            unescape(&value[..close], &mut v);
            return Some(v);
        }
        rest = &value[close + 1..];
    }
    None
}

/// XML text with its five named entities and character references resolved; an unknown
/// entity is dropped.
fn unescape(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let Some(semi) = rest.find(';').filter(|&s| s <= 10) else {
            out.push('&');
            continue;
        };
        let name = &rest[..semi];
        let number = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
        };
        match (number.and_then(char::from_u32), name) {
            (Some(c), _) => out.push(c),
            (None, "amp") => out.push('&'),
            (None, "lt") => out.push('<'),
            (None, "gt") => out.push('>'),
            (None, "quot") => out.push('"'),
            (None, "apos") => out.push('\''),
            _ => {}
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
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
    let s = style.lower();
    if s == "title" {
        return Some(1);
    }
    let digits = s.strip_prefix("heading").or_else(|| s.strip_prefix("overskrift"))?;
    digits.parse::<u8>().ok().filter(|l| (1..=6).contains(l))
}

/// A ZIP archive of one entry as a ZIP writer makes it: `packed` stored (`method` 0) or
/// deflated (8), `size` the unpacked size its headers declare, the CRC left zero (the
/// reader does not check it). For the tests and the fuzz targets, which build Word files
/// from XML; the page never calls it, so it is not in the wasm.
#[doc(hidden)]
pub fn one_entry_zip(name: &str, packed: &[u8], method: u16, size: u32) -> Vec<u8> {
    let (n, packed_len) = (name.len() as u16, packed.len() as u32);
    let mut z = b"PK\x03\x04\x14\0\0\0".to_vec();
    z.extend(method.to_le_bytes());
    z.extend([0; 8]); // time, date, crc
    z.extend(packed_len.to_le_bytes());
    z.extend(size.to_le_bytes());
    z.extend(n.to_le_bytes());
    z.extend([0, 0]);
    z.extend(name.as_bytes());
    z.extend(packed);
    let dir = z.len() as u32;
    z.extend(b"PK\x01\x02\x14\0\x14\0\0\0");
    z.extend(method.to_le_bytes());
    z.extend([0; 8]);
    z.extend(packed_len.to_le_bytes());
    z.extend(size.to_le_bytes());
    z.extend(n.to_le_bytes());
    z.extend([0; 12]); // extra, comment, disk, attributes
    z.extend(0u32.to_le_bytes()); // the local header's offset
    z.extend(name.as_bytes());
    let dir_len = z.len() as u32 - dir;
    z.extend(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    z.extend(dir_len.to_le_bytes());
    z.extend(dir.to_le_bytes());
    z.extend([0, 0]);
    z
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the docx fuzz target: an attribute value opened by a character other than a
    /// quote, and a multi-byte one ("w:val=\u{FFFD}…"), was sliced inside that character.
    #[test]
    fn an_unquoted_attribute_value_is_no_panic() {
        assert_eq!(attribute("w:pStyle w:val=\u{FFFD}Heading2", "val"), None);
        assert_eq!(attribute("w:pStyle w:val='Heading2'", "val").as_deref(), Some("Heading2"));
        let xml = "<w:document><w:body><w:p><w:pPr><w:pStyle w:val=\u{FFFD}Heading2/></w:pPr><w:r><w:t>1. Sag</w:t></w:r></w:p></w:body></w:document>";
        let docx = one_entry_zip("word/document.xml", xml.as_bytes(), 0, xml.len() as u32);
        let a = crate::analyze(&docx, "fuzz.docx");
        assert_eq!(a.source.format, "docx");
    }

    #[test]
    fn paragraphs_runs_breaks_tables() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>1. Godkendelse</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Skal </w:t></w:r><w:r><w:t>godkendes &amp; drøftes</w:t></w:r><w:r><w:br/><w:t>ny linje</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Læsø</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        </w:body></w:document>"#;
        let lines: Vec<String> = document_text(xml).lines().filter(|l| !l.trim().is_empty()).map(|l| l.trim().to_owned()).collect();
        assert_eq!(lines, ["## 1. Godkendelse", "Skal godkendes & drøftes", "ny linje", "Læsø\t0"]);
    }

    #[test]
    fn other_office_files_are_named() {
        let xlsx = archive("xl/workbook.xml", b"<workbook/>", 0, 11);
        assert_eq!(text(&xlsx).err(), Some(DocxError::NoDocument));
        assert_eq!(office_kind(&xlsx), Some("et Excel-regneark"));
        let Err(refusal) = crate::ingest::ingest(&xlsx, "budget.xlsx") else { panic!("read as a document") };
        assert!(refusal.message.starts_with("budget.xlsx er et Excel-regneark"), "{}", refusal.message);
        assert_eq!(office_kind(&archive("word/document.xml", b"<w/>", 0, 4)), None);
    }

    /// A one-entry archive as a ZIP writer makes it; `declared` is the size its headers claim.
    fn archive(name: &str, data: &[u8], method: u16, declared: u32) -> Vec<u8> {
        let packed = match method {
            8 => {
                use std::io::Write;
                let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
                e.write_all(data).unwrap();
                e.finish().unwrap()
            }
            _ => data.to_vec(),
        };
        one_entry_zip(name, &packed, method, declared)
    }

    const BODY: &str = r#"<w:document><w:body><w:p><w:r><w:t>Dato: 1. maj 2024</w:t></w:r></w:p></w:body></w:document>"#;

    #[test]
    fn stored_and_deflated_entries() {
        for method in [0, 8] {
            let z = archive("word/document.xml", BODY.as_bytes(), method, BODY.len() as u32);
            assert_eq!(text(&z).as_deref().map(str::trim_end), Ok("Dato: 1. maj 2024"));
        }
    }

    #[test]
    fn not_a_docx() {
        assert_eq!(text(b"PK\x03\x04 not really a zip"), Err(DocxError::NotZip));
        let z = archive("xl/workbook.xml", BODY.as_bytes(), 8, BODY.len() as u32);
        assert_eq!(text(&z), Err(DocxError::NoDocument));
        // A directory that is not where the end record says is a damaged archive, not a
        // missing document.
        let mut moved = archive("word/document.xml", BODY.as_bytes(), 8, BODY.len() as u32);
        let end = moved.len() - 22;
        moved[end + 16] ^= 1;
        assert_eq!(text(&moved), Err(DocxError::NotZip));
    }

    #[test]
    fn sizes_are_capped_whatever_the_header_says() {
        let z = archive("word/document.xml", b"x", 0, (MAX_XML + 1) as u32);
        assert_eq!(text(&z), Err(DocxError::TooLarge { declared: MAX_XML + 1 }));
        // A header that understates the size is caught while inflating.
        let big = vec![b' '; MAX_XML as usize + 10];
        let z = archive("word/document.xml", &big, 8, 100);
        assert!(matches!(text(&z), Err(DocxError::TooLarge { .. })));
    }

    #[test]
    fn entities_attributes_and_comments() {
        let xml = r#"<w:p><w:pPr><w:pStyle w:val='Overskrift1'/></w:pPr><!-- <w:t>ikke</w:t> --><w:r><w:t>A &amp; B &#248; &#xE6; &foo;</w:t></w:r></w:p>"#;
        assert_eq!(document_text(xml).trim_end(), "# A & B ø æ");
    }
}
