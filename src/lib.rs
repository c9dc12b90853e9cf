//! Referat Analyzer: reads a Danish meeting referat and returns its structure, attendance
//! and decisions in the `referat/1` shape (docs/SCHEMA.md).
//!
//! Layers, each knowing only the ones below it (ARCHITECTURE.md):
//! `ingest` (bytes -> text), `text` (clean lines), `parse` (text -> referat), and on the
//! web only, `app` (the Yew page).

pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod parse;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use model::Analysis;
use model::{Finding, Meeting, Severity, Source};

/// The one entry point: any bytes in, a result out. Never panics on input and never fails:
/// what cannot be read is reported in `findings` (severity `error` when nothing could be read).
pub fn analyze(bytes: &[u8], file_name: &str) -> Analysis {
    let mut analysis = Analysis {
        schema: model::SCHEMA,
        source: Source { name: file_name.to_owned(), format: "text", bytes: bytes.len(), encoding: None },
        meeting: Meeting::default(),
        attendance: Default::default(),
        items: Vec::new(),
        findings: Vec::new(),
    };
    let ingested = match ingest::ingest(bytes, file_name) {
        Ok(i) => i,
        Err(refusal) => {
            analysis.findings.push(Finding { code: refusal.code, severity: Severity::Error, item: None, message: refusal.message });
            return analysis;
        }
    };
    analysis.source.format = ingested.format;
    analysis.source.encoding = ingested.encoding;
    let parsed = parse::parse(&ingested.text);
    analysis.meeting = parsed.meeting;
    analysis.attendance = parsed.attendance;
    analysis.items = parsed.items;
    analysis.findings = ingested.findings;
    analysis.findings.extend(parsed.findings);
    analysis
}
