//! Bytes -> text. Sniffs the format from the content (never from the name alone),
//! decodes the encoding, and refuses what cannot be a referat with a Danish reason.

pub mod decode;
pub mod docx;
mod html;
pub mod pdf;

use crate::model::{Finding, Severity};

/// Text ready for the text layer, plus what was learned on the way.
#[derive(Debug)]
pub struct Ingested {
    pub text: String,
    /// text | markdown | html | pdf | docx
    pub format: &'static str,
    pub encoding: Option<&'static str>,
    pub findings: Vec<Finding>,
}

/// Why a file is not read at all. The message names the file and the reason, in Danish.
#[derive(Debug)]
pub struct Refusal {
    pub code: &'static str,
    pub message: String,
}

pub fn ingest(bytes: &[u8], file_name: &str) -> Result<Ingested, Refusal> {
    let name = if file_name.is_empty() { "Filen" } else { file_name };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Refusal { code: "empty", message: format!("{name} er tom: der er ingen tekst at læse.") });
    }
    if bytes.starts_with(b"%PDF-") {
        return match pdf::text(bytes) {
            Ok(x) => Ok(Ingested { text: x.text, format: "pdf", encoding: None, findings: Vec::new() }),
            Err(pdf::PdfError::NoText { pages }) => Err(Refusal {
                code: "no-text-layer",
                message: format!(
                    "{name} er en PDF uden tekstlag ({pages} sider): den ser ud til at være scannet. Kør tekstgenkendelse (OCR) på den først, eller brug en tekstudgave."
                ),
            }),
            Err(pdf::PdfError::Encrypted) => Err(Refusal {
                code: "encrypted",
                message: format!("{name} er en krypteret PDF og kan ikke læses. Gem en ukrypteret udgave og prøv igen."),
            }),
            Err(_) => Err(Refusal { code: "corrupt", message: format!("{name} er en beskadiget PDF: der er ingen sider at læse.") }),
        };
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match docx::text(bytes) {
            Ok(text) if has_enough_letters(&text) => Ok(Ingested { text, format: "docx", encoding: None, findings: Vec::new() }),
            Ok(_) => Err(Refusal { code: "empty", message: format!("{name} er et Word-dokument uden tekst.") }),
            Err(docx::DocxError::TooLarge { declared }) => Err(Refusal {
                code: "too-large",
                message: format!(
                    "{name} fylder {} MB udpakket og afvises: så meget tekst er ikke et referat, og filen kan være en zip-bombe.",
                    declared / 1_000_000
                ),
            }),
            Err(docx::DocxError::NoDocument) => Err(Refusal {
                code: "unsupported-format",
                message: format!("{name} er en zip-fil, men ikke et Word-dokument (der er ingen word/document.xml)."),
            }),
            Err(_) => Err(Refusal { code: "corrupt", message: format!("{name} er en beskadiget Word- eller zip-fil og kan ikke åbnes.") }),
        };
    }
    let decoded = decode::decode(bytes).ok_or_else(|| Refusal {
        code: "not-text",
        message: format!("{name} ligner ikke et tekstdokument (binære data). Vælg et referat som tekst, Markdown eller HTML."),
    })?;
    let mut findings = Vec::new();
    if decoded.replaced > 0 {
        findings.push(Finding {
            code: "invalid-encoding".into(),
            severity: Severity::Warning,
            item: None,
            message: format!("{} tegn kunne ikke afkodes som {} og er erstattet med �.", decoded.replaced, decoded.encoding),
        });
    }
    let (text, format) = if html::looks_like_html(&decoded.text) {
        (html::to_text(&decoded.text), "html")
    } else if looks_like_markdown(&decoded.text) {
        (decoded.text, "markdown")
    } else {
        (decoded.text, "text")
    };
    if !has_enough_letters(&text) {
        return Err(Refusal { code: "not-text", message: format!("{name} indeholder ingen læsbar tekst.") });
    }
    Ok(Ingested { text, format, encoding: Some(decoded.encoding), findings })
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
