//! Referat Analyzer: reads a Danish meeting referat and returns its structure, attendance
//! and decisions in the `referat/1` shape (docs/SCHEMA.md).
//!
//! Layers, each knowing only the ones below it (ARCHITECTURE.md):
//! `ingest` (bytes -> text), `text` (clean lines), `parse` (text -> referat), and `app`
//! (the Yew page: built for the web only, except `app::decode`, which the tests run).

pub mod compare;
pub mod export;
pub mod findings;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod parse;
pub mod review;
pub mod series;
pub mod text;
pub mod vocab;

/// The page. Only `app::decode` (the worker's JSON back into the model) builds natively.
pub mod app;

mod repeats;

use crate::text::Lower;
pub use model::Analysis;
use model::{Finding, FindingCode, Meeting, Source};

/// The one entry point: any bytes in, a result out. Never panics on input and never fails:
/// what cannot be read is reported in `findings` (severity `error` when nothing could be read).
pub fn analyze(bytes: &[u8], file_name: &str) -> Analysis {
    let mut analysis = Analysis {
        schema: model::SCHEMA.to_owned(),
        source: Source { name: file_name.to_owned(), format: "text".to_owned(), bytes: bytes.len(), encoding: None },
        meeting: Meeting::default(),
        attendance: Default::default(),
        items: Vec::new(),
        findings: Vec::new(),
    };
    let ingested = match ingest::ingest(bytes, file_name) {
        Ok(i) => i,
        Err(refusal) => {
            analysis.findings.push(refusal);
            return analysis;
        }
    };
    analysis.source.format = ingested.format.to_owned();
    analysis.source.encoding = ingested.encoding.map(str::to_owned);
    let mut findings = ingested.findings;
    if let Some(f) = wrong_extension(file_name, ingested.format) {
        findings.push(f);
    }
    let text = match repeats::single_copy(&ingested.text) {
        Some((copy, count)) => {
            findings.push(findings::duplicated_content(count));
            copy
        }
        None => ingested.text.as_str(),
    };
    if text.len() > MAX_TEXT {
        analysis.findings = findings;
        analysis.findings.push(findings::text_too_large(findings::display_name(file_name), text.len()));
        return analysis;
    }
    // Beyond MAX_PARSED the text is read up to a line end there, and said so: the parser's
    // work grows with the text, and no referat is that long.
    let whole = text.len();
    let text = match text.len() > MAX_PARSED {
        true => {
            let end = crate::text::floor_boundary(text, MAX_PARSED);
            &text[..text[..end].rfind('\n').map_or(end, |i| i + 1)]
        }
        false => text,
    };
    let cut_encoding = findings.iter().any(|f| f.code == FindingCode::InvalidEncoding);
    let parsed = parse::parse(text);
    if text.len() < whole {
        let last = parsed.items.last().map(|i| i.number.as_str());
        findings.push(findings::read_in_part(findings::display_name(file_name), text.len(), whole, last));
    }
    // No date, no agenda, nobody: a letter, a spreadsheet, some other text. Said so plainly
    // instead of an empty referat.
    let nothing = parsed.meeting.date.is_none()
        && parsed.items.is_empty()
        && parsed.attendance.present.is_empty()
        && parsed.attendance.absent.is_empty();
    if nothing {
        findings.push(findings::not_a_referat(findings::display_name(file_name), None));
        analysis.findings = findings;
        return analysis;
    }
    analysis.meeting = parsed.meeting;
    analysis.attendance = parsed.attendance;
    analysis.items = parsed.items;
    let toc_numbers: Vec<String> = parsed.toc.iter().filter_map(|(n, _)| n.clone()).collect();
    findings.extend(parsed.findings);
    findings.extend(review::review(&analysis.meeting, &analysis.attendance, &analysis.items, &toc_numbers, text, cut_encoding));
    analysis.findings = findings;
    analysis
}

/// Decoded text beyond this is refused: a 300-page referat is about 1–2 MB of text.
pub const MAX_TEXT: usize = 24 * 1024 * 1024;

/// Text beyond this (and below `MAX_TEXT`) is read in part: its first megabyte, ten times
/// the longest referat we have seen, with a finding that says where the reading stopped.
/// The parser's work grows with the lines: 200,000 numbered items (8 MB) took 3.3 s whole,
/// 100,000 attendees (2 MB) 1.4 s.
pub const MAX_PARSED: usize = 1024 * 1024;

/// A file named .pdf or .docx whose content is something else: read by its content, and
/// said so.
fn wrong_extension(file_name: &str, format: &str) -> Option<Finding> {
    let ext = file_name.rsplit_once('.')?.1.lower();
    let claimed = match ext.as_str() {
        "pdf" => "pdf",
        "docx" => "docx",
        _ => return None,
    };
    (claimed != format).then(|| findings::wrong_extension(file_name, &ext, format))
}
