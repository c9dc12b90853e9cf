//! Bytes -> text. Sniffs the format from the content (never from the name alone),
//! decodes the encoding, and refuses what cannot be a referat with a Danish reason.

pub mod decode;
pub mod docx;
mod firstagenda;
mod html;
pub mod pdf;

use crate::findings;
use crate::model::Finding;

/// Text ready for the text layer, plus what was learned on the way.
#[derive(Debug)]
pub struct Ingested {
    pub text: String,
    /// text | markdown | html | pdf | docx
    pub format: &'static str,
    pub encoding: Option<&'static str>,
    pub findings: Vec<Finding>,
}

/// Why a file is not read at all: a finding of a refusal code, naming the file.
pub type Refusal = Finding;

pub fn ingest(bytes: &[u8], file_name: &str) -> Result<Ingested, Refusal> {
    let name = findings::display_name(file_name);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(findings::empty(name));
    }
    if bytes.starts_with(b"%PDF-") {
        return match pdf::text(bytes) {
            Ok(x) => {
                let notes = if x.cut { vec![findings::cut_short(name)] } else { Vec::new() };
                Ok(Ingested { text: x.text, format: "pdf", encoding: None, findings: notes })
            }
            Err(pdf::PdfError::NoText { pages }) => Err(findings::no_text_layer(name, pages)),
            Err(pdf::PdfError::TooComplex) => Err(findings::too_complex(name)),
            Err(pdf::PdfError::Encrypted) => Err(findings::encrypted(name)),
            Err(_) => Err(findings::corrupt_pdf(name)),
        };
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match docx::text(bytes) {
            Ok(text) if has_enough_letters(&text) => Ok(Ingested { text, format: "docx", encoding: None, findings: Vec::new() }),
            Ok(_) => Err(findings::empty_docx(name)),
            Err(docx::DocxError::TooLarge { declared }) => Err(findings::docx_too_large(name, declared)),
            Err(docx::DocxError::NoDocument) => match docx::office_kind(bytes) {
                Some(what) => Err(findings::other_kind(name, what)),
                None => Err(findings::zip_not_docx(name)),
            },
            Err(_) => Err(findings::corrupt_zip(name)),
        };
    }
    if let Some(what) = image_kind(bytes) {
        return Err(findings::other_kind(name, what));
    }
    let decoded = decode::decode(bytes).ok_or_else(|| findings::binary(name))?;
    let mut notes = Vec::new();
    if decoded.replaced > 0 {
        notes.push(findings::invalid_encoding(decoded.replaced, decoded.encoding));
    }
    // JSON: a FirstAgenda/Prepare export is read as the referat it holds; other JSON is data.
    let trimmed = decoded.text.trim_start();
    if trimmed.starts_with(['{', '[']) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(trimmed) {
            if firstagenda::is_export(&v) {
                return Ok(Ingested { text: firstagenda::to_text(&v), format: "json", encoding: Some(decoded.encoding), findings: notes });
            }
            return Err(findings::not_a_referat(name, Some("en JSON-fil med data, ikke et referat")));
        }
    }
    let (text, format) = if html::looks_like_html(&decoded.text) {
        (html::to_text(&decoded.text), "html")
    } else if looks_like_markdown(&decoded.text) {
        (decoded.text, "markdown")
    } else {
        (decoded.text, "text")
    };
    if !has_enough_letters(&text) {
        return Err(findings::no_letters(name));
    }
    Ok(Ingested { text, format, encoding: Some(decoded.encoding), findings: notes })
}

/// Markdown as PDF converters write it: `#` headings or `**bold**` at line starts.
fn looks_like_markdown(text: &str) -> bool {
    text.lines()
        .take(400)
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ") || l.starts_with("**")
        })
        .count()
        >= 2
}

/// Random bytes decoded as cp1252 still give "text"; a referat is mostly letters and spaces.
fn has_enough_letters(text: &str) -> bool {
    let (mut good, mut all) = (0usize, 0usize);
    for c in text.chars().take(200_000) {
        all += 1;
        if c.is_alphanumeric() || c.is_whitespace() || ".,:;-–—()/'\"%§".contains(c) {
            good += 1;
        }
    }
    all > 0 && good * 100 >= all * 85
}

/// An image, by the bytes it begins with.
fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    let at = |i: usize, magic: &[u8]| bytes.get(i..i + magic.len()) == Some(magic);
    Some(match () {
        _ if at(0, b"\x89PNG\r\n\x1a\n") => "et billede (PNG)",
        _ if at(0, b"\xff\xd8\xff") => "et billede (JPEG)",
        _ if at(0, b"GIF87a") || at(0, b"GIF89a") => "et billede (GIF)",
        _ if at(0, b"RIFF") && at(8, b"WEBP") => "et billede (WebP)",
        _ if at(0, b"II*\0") || at(0, b"MM\0*") => "et billede (TIFF)",
        _ if at(4, b"ftypheic") || at(4, b"ftypmif1") => "et billede (HEIC)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_named_as_images() {
        let png = [b"\x89PNG\r\n\x1a\n".as_slice(), &[0u8; 64]].concat();
        let Err(refusal) = ingest(&png, "scan.png") else { panic!("read as a document") };
        assert_eq!(refusal.code, crate::model::FindingCode::UnsupportedFormat);
        assert!(refusal.message.starts_with("scan.png er et billede (PNG)"), "{}", refusal.message);
        let jpeg = [b"\xff\xd8\xff\xe0".as_slice(), &[7u8; 64]].concat();
        let Err(refusal) = ingest(&jpeg, "foto.jpg") else { panic!("read as a document") };
        assert!(refusal.message.contains("(JPEG)"));
        // Text that happens to begin like no image is read.
        assert!(ingest(b"GIF-sagen: Referat", "x.txt").is_ok());
    }
}
