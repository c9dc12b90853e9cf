//! Every finding the analysis can report: its code, its severity and its Danish message,
//! in one place (in the manner of typst's `diag.rs`). The rest of the code asks for a
//! finding by name (`findings::numbering_gap(..)`) and never writes a code or a message
//! itself, so the page, the exports and the documentation (docs/SCHEMA.md) agree.

use serde::Serialize;

use crate::model::{Finding, Severity};

/// What a finding is about. Serialised in kebab-case: `missing-decision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingCode {
    // Refusals: the file was not read at all.
    Empty,
    NotText,
    UnsupportedFormat,
    TooLarge,
    Corrupt,
    Encrypted,
    NoTextLayer,
    NotAReferat,
    // Notes on reading.
    InvalidEncoding,
    WrongExtension,
    DuplicatedContent,
    NoPresentList,
    NoAttendance,
    NoItems,
    NumberInferred,
    AbsentFromItems,
    // Review of a draft.
    NumberingGap,
    DuplicateNumber,
    TocMismatch,
    Truncated,
    MissingDecision,
    PresentAndAbsent,
    UnknownPerson,
    AbsentButActing,
    DecisionDiffers,
    DateMismatch,
    VoteCountMismatch,
    VoteNamesCount,
    SubstituteWithoutAfbud,
    AbsentVoter,
}

use FindingCode::*;

impl FindingCode {
    pub const ALL: [FindingCode; 30] = [
        Empty,
        NotText,
        UnsupportedFormat,
        TooLarge,
        Corrupt,
        Encrypted,
        NoTextLayer,
        NotAReferat,
        InvalidEncoding,
        WrongExtension,
        DuplicatedContent,
        NoPresentList,
        NoAttendance,
        NoItems,
        NumberInferred,
        AbsentFromItems,
        NumberingGap,
        DuplicateNumber,
        TocMismatch,
        Truncated,
        MissingDecision,
        PresentAndAbsent,
        UnknownPerson,
        AbsentButActing,
        DecisionDiffers,
        DateMismatch,
        VoteCountMismatch,
        VoteNamesCount,
        SubstituteWithoutAfbud,
        AbsentVoter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Empty => "empty",
            NotText => "not-text",
            UnsupportedFormat => "unsupported-format",
            TooLarge => "too-large",
            Corrupt => "corrupt",
            Encrypted => "encrypted",
            NoTextLayer => "no-text-layer",
            NotAReferat => "not-a-referat",
            InvalidEncoding => "invalid-encoding",
            WrongExtension => "wrong-extension",
            DuplicatedContent => "duplicated-content",
            NoPresentList => "no-present-list",
            NoAttendance => "no-attendance",
            NoItems => "no-items",
            NumberInferred => "number-inferred",
            AbsentFromItems => "absent-from-items",
            NumberingGap => "numbering-gap",
            DuplicateNumber => "duplicate-number",
            TocMismatch => "toc-mismatch",
            Truncated => "truncated",
            MissingDecision => "missing-decision",
            PresentAndAbsent => "present-and-absent",
            UnknownPerson => "unknown-person",
            AbsentButActing => "absent-but-acting",
            DecisionDiffers => "decision-differs",
            DateMismatch => "date-mismatch",
            VoteCountMismatch => "vote-count-mismatch",
            VoteNamesCount => "vote-names-count",
            SubstituteWithoutAfbud => "substitute-without-afbud",
            AbsentVoter => "absent-voter",
        }
    }

    pub fn parse(s: &str) -> Option<FindingCode> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The file was not read at all: nothing else is reported with it.
    pub fn is_refusal(self) -> bool {
        matches!(self, Empty | NotText | UnsupportedFormat | TooLarge | Corrupt | Encrypted | NoTextLayer | NotAReferat)
    }

    pub fn severity(self) -> Severity {
        match self {
            c if c.is_refusal() => Severity::Error,
            NumberInferred | AbsentFromItems | DecisionDiffers | NoAttendance => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn new(code: FindingCode, item: Option<&str>, message: String) -> Finding {
    Finding { code, severity: code.severity(), item: item.map(str::to_owned), line: None, message }
}

impl Finding {
    /// The finding points at this line of the text (1-based).
    pub fn at_line(mut self, line: Option<usize>) -> Finding {
        self.line = line;
        self
    }
}

/// "Filen" when the file has no name (pasted text).
pub fn display_name(file_name: &str) -> &str {
    if file_name.is_empty() {
        "Filen"
    } else {
        file_name
    }
}

// Refusals. `name` is the file's name as the user gave it.

pub fn empty(name: &str) -> Finding {
    new(Empty, None, format!("{name} er tom: der er ingen tekst at læse."))
}

pub fn empty_docx(name: &str) -> Finding {
    new(Empty, None, format!("{name} er et Word-dokument uden tekst."))
}

pub fn no_text_layer(name: &str, pages: usize) -> Finding {
    new(
        NoTextLayer,
        None,
        format!(
            "{name} er en PDF uden tekstlag ({pages} sider): den ser ud til at være scannet. Kør tekstgenkendelse (OCR) på den først, eller brug en tekstudgave."
        ),
    )
}

pub fn encrypted(name: &str) -> Finding {
    new(Encrypted, None, format!("{name} er en krypteret PDF og kan ikke læses. Gem en ukrypteret udgave og prøv igen."))
}

pub fn corrupt_pdf(name: &str) -> Finding {
    new(Corrupt, None, format!("{name} er en beskadiget PDF: der er ingen sider at læse."))
}

pub fn corrupt_zip(name: &str) -> Finding {
    new(Corrupt, None, format!("{name} er en beskadiget Word- eller zip-fil og kan ikke åbnes."))
}

pub fn docx_too_large(name: &str, declared: u64) -> Finding {
    new(
        TooLarge,
        None,
        format!(
            "{name} fylder {} MB udpakket og afvises: så meget tekst er ikke et referat, og filen kan være en zip-bombe.",
            declared / 1_000_000
        ),
    )
}

pub fn text_too_large(name: &str, bytes: usize) -> Finding {
    new(
        TooLarge,
        None,
        format!(
            "{name} indeholder {} MB tekst og afvises: et referat fylder sjældent over 5 MB, og så meget tekst kan ikke vises.",
            bytes / 1_000_000
        ),
    )
}

/// A file that would take more work to read than any referat does (a PDF whose streams,
/// fonts or pages expand to hundreds of megabytes): refused rather than left to hang.
pub fn too_complex(name: &str) -> Finding {
    new(
        TooLarge,
        None,
        format!(
            "{name} kræver mere arbejde at læse, end et referat nogensinde gør (dens indhold udfolder sig til hundreder af megabyte), og afvises. Filen kan være beskadiget eller lavet for at lægge programmet ned."
        ),
    )
}

/// The same, when enough was read before the limit to show: the rest is left out.
pub fn cut_short(name: &str) -> Finding {
    new(
        Truncated,
        None,
        format!(
            "{name} er kun læst delvist: resten ville kræve mere arbejde, end et referat nogensinde gør (indhold, der udfolder sig til hundreder af megabyte). Det viste er teksten indtil grænsen; resten er udeladt."
        ),
    )
}

/// "52,4 MB", "30 kB": a size as the page and the findings write it (integers only: float
/// formatting would cost the page some 15 KB).
pub fn human_size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}

/// A text longer than any referat, read up to `read` bytes of `whole`.
pub fn read_in_part(name: &str, read: usize, whole: usize, last_item: Option<&str>) -> Finding {
    let upto = last_item.map(|n| format!(" (til og med punkt {n})")).unwrap_or_default();
    new(
        Truncated,
        None,
        format!(
            "{name} er længere end noget referat: kun de første {} af {} tekst er læst{upto}. Resten er udeladt; del dokumentet, hvis det hele skal med.",
            human_size(read),
            human_size(whole)
        ),
    )
}

/// A file of a kind that holds no referat as text: an image, a spreadsheet, a presentation.
pub fn other_kind(name: &str, what: &str) -> Finding {
    let scanned = if what.starts_with("et billede") { " Et indscannet referat skal først have tekst (OCR)." } else { "" };
    new(
        UnsupportedFormat,
        None,
        format!("{name} er {what}, ikke et referat som tekst.{scanned} Vælg et referat som PDF med tekst, Word (.docx), tekst, Markdown eller HTML."),
    )
}

pub fn zip_not_docx(name: &str) -> Finding {
    new(UnsupportedFormat, None, format!("{name} er en zip-fil, men ikke et Word-dokument (der er ingen word/document.xml)."))
}

pub fn binary(name: &str) -> Finding {
    new(
        NotText,
        None,
        format!("{name} ligner ikke et tekstdokument (binære data). Vælg et referat som tekst, Markdown, HTML, Word (.docx) eller PDF."),
    )
}

pub fn no_letters(name: &str) -> Finding {
    new(NotText, None, format!("{name} indeholder ingen læsbar tekst."))
}

/// A file that reads as text but holds no referat: no date, no agenda, no attendance.
pub fn not_a_referat(name: &str, what: Option<&str>) -> Finding {
    let what = what.map(|w| format!(" Det er {w}.")).unwrap_or_default();
    new(
        NotAReferat,
        None,
        format!(
            "{name} ligner ikke et referat: der er ingen mødedato, ingen nummererede dagsordenspunkter og ingen deltagere.{what} Vælg et referat fra et byråd, en kommunalbestyrelse, et regionsråd, et udvalg eller et KKR."
        ),
    )
}

// Notes on reading.

pub fn invalid_encoding(replaced: usize, encoding: &str) -> Finding {
    new(InvalidEncoding, None, format!("{replaced} tegn kunne ikke afkodes som {encoding} og er erstattet med �."))
}

pub fn wrong_extension(file_name: &str, ext: &str, format: &str) -> Finding {
    new(WrongExtension, None, format!("{file_name} hedder .{ext}, men er ikke en {}-fil; den er læst som {format}.", ext.to_uppercase()))
}

pub fn duplicated_content(count: usize) -> Finding {
    new(DuplicatedContent, None, format!("Dokumentet består af den samme tekst gentaget {count} gange; kun den første kopi er vist."))
}

pub fn no_present_list() -> Finding {
    new(NoPresentList, None, "Referatet har ingen liste over deltagere; kun afbud er angivet.".into())
}

pub fn no_attendance() -> Finding {
    new(NoAttendance, None, "Referatet angiver ikke, hvem der deltog i mødet, eller hvem der havde afbud.".into())
}

pub fn no_items() -> Finding {
    new(NoItems, None, "Der blev ikke fundet nogen nummererede dagsordenspunkter.".into())
}

pub fn number_inferred(number: &str) -> Finding {
    new(NumberInferred, Some(number), format!("Punktets nummer ({number}) står ikke i dokumentet og er udledt af rækkefølgen."))
}

pub fn absent_from_items(name: &str) -> Finding {
    new(AbsentFromItems, None, format!("{name} står som deltager, men er angivet som fraværende på alle punkter og tælles som fraværende."))
}

// Review of a draft.

pub fn duplicate_number(number: &str) -> Finding {
    new(DuplicateNumber, Some(number), format!("Punktnummeret {number} bruges to gange."))
}

/// `missing` are the numbers left out between `a` and `b`.
pub fn numbering_gap(missing: &[String], a: &str, b: &str) -> Finding {
    new(NumberingGap, Some(&missing[0]), format!("Punkt {} mangler: {a} efterfølges af {b}.", missing.join(", ")))
}

pub fn numbering_jump(a: &str, b: &str) -> Finding {
    new(NumberingGap, Some(b), format!("Punkt {b} følger efter {a}; nummereringen springer."))
}

pub fn toc_lists_missing(numbers: &[&str]) -> Finding {
    new(TocMismatch, Some(numbers[0]), format!("Indholdsfortegnelsen nævner punkt {}, som ikke findes i referatet.", numbers.join(", ")))
}

pub fn toc_lacks(numbers: &[&str]) -> Finding {
    new(TocMismatch, Some(numbers[0]), format!("Punkt {} står ikke i indholdsfortegnelsen.", numbers.join(", ")))
}

/// `also` names the items the table of contents announces after the last one ("3.4–7").
pub fn truncated(last: &str, also: Option<&str>) -> Finding {
    let mut message = format!("Dokumentet slutter inde i punkt {last}: det ser ud til at være afkortet.");
    if let Some(span) = also {
        message.push_str(&format!(" Indholdsfortegnelsen nævner også {span}."));
    }
    new(Truncated, Some(last), message)
}

pub fn missing_decision(number: &str) -> Finding {
    new(MissingDecision, Some(number), format!("Punkt {number} har en indstilling men ingen beslutning."))
}

pub fn present_and_absent(name: &str) -> Finding {
    new(PresentAndAbsent, None, format!("{name} står både som deltager og med afbud."))
}

pub fn unknown_person(name: &str, number: &str) -> Finding {
    new(
        UnknownPerson,
        Some(number),
        format!("{name} nævnes i beslutningen under punkt {number}, men står hverken som deltager eller med afbud."),
    )
}

pub fn absent_but_acting(name: &str, number: &str) -> Finding {
    new(AbsentButActing, Some(number), format!("{name} har meldt afbud, men skal ifølge punkt {number} give en orientering eller handle."))
}

pub fn decision_differs(number: &str, asked: &str, outcome: &str) -> Finding {
    new(DecisionDiffers, Some(number), format!("Indstillingen under punkt {number} beder om: {asked}; beslutningen lyder: {outcome}."))
}

pub fn date_mismatch(number: &str, date: &str, header: &str) -> Finding {
    new(DateMismatch, Some(number), format!("Punkt {number} omtaler mødet den {date}, men referatet er dateret {header}."))
}

pub fn vote_count_mismatch(number: &str, votes: u32, present: usize) -> Finding {
    new(VoteCountMismatch, Some(number), format!("Punkt {number}: stemmerne tæller {votes}, men kun {present} er noteret som til stede."))
}

pub fn vote_names_count(number: &str, position: &str, count: u32, names: usize) -> Finding {
    new(VoteNamesCount, Some(number), format!("Punkt {number}: «{position}» står med {count} stemmer, men {names} navne."))
}

pub fn substitute_without_afbud(name: &str, member: &str) -> Finding {
    new(SubstituteWithoutAfbud, None, format!("{name} mødte for {member}, men {member} er ikke noteret med afbud."))
}

pub fn absent_voter(name: &str, number: &str) -> Finding {
    new(AbsentVoter, Some(number), format!("{name} er noteret fraværende, men står som stemmende under punkt {number}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_in_kebab_case() {
        for code in FindingCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(FindingCode::parse(code.as_str()), Some(code));
        }
        assert_eq!(FindingCode::parse("no-such-code"), None);
    }

    #[test]
    fn refusals_are_errors_and_review_notes_are_not() {
        assert_eq!(Empty.severity(), Severity::Error);
        assert_eq!(NotAReferat.severity(), Severity::Error);
        assert_eq!(MissingDecision.severity(), Severity::Warning);
        assert_eq!(DecisionDiffers.severity(), Severity::Info);
        assert!(!MissingDecision.is_refusal());
    }
}
