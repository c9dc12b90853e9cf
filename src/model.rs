//! The `referat/1` result types (see docs/SCHEMA.md). Data only: no parsing here.

use serde::Serialize;

pub use crate::findings::FindingCode;

pub const SCHEMA: &str = "referat/1";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Analysis {
    pub schema: String,
    pub source: Source,
    pub meeting: Meeting,
    pub attendance: Attendance,
    pub items: Vec<Item>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Source {
    pub name: String,
    /// text | markdown | html | pdf | docx
    pub format: String,
    pub bytes: usize,
    /// What the bytes were decoded as; `None` for pdf/docx.
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Meeting {
    /// referat | dagsorden
    pub kind: Option<String>,
    pub body: Option<String>,
    /// ISO 8601 date.
    pub date: Option<String>,
    /// HH:MM
    pub start_time: Option<String>,
    pub location: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Attendance {
    pub present: Vec<Person>,
    pub absent: Vec<Person>,
    pub stats: Stats,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Person {
    pub name: String,
    pub party: Option<String>,
    pub municipality: Option<String>,
    pub raw: String,
    /// "formand", "næstformand", "borgmester" … printed with the name; left out when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For a substitute who sat in: the member they replaced, as the document names them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute_for: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Stats {
    pub present: usize,
    pub absent: usize,
    /// present / (present + absent); `None` when nobody is listed.
    pub rate: Option<f64>,
    pub by_party: Vec<PartyCount>,
    pub by_municipality: Vec<MunicipalityCount>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PartyCount {
    pub party: String,
    pub present: usize,
    pub absent: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MunicipalityCount {
    pub municipality: String,
    pub present: usize,
    pub absent: usize,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Item {
    /// As printed, without the trailing dot: "3.2".
    pub number: String,
    pub level: usize,
    pub title: String,
    pub case: Option<String>,
    /// Text before the item's first part heading (metadata, a closed item's one-line
    /// decision); an addition to referat/1, left out when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub intro: String,
    pub sections: Vec<Section>,
    pub decision: Option<Decision>,
    /// Names the item's own text says were absent for it ("Fraværende: ..."); an addition
    /// to referat/1, left out when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// The case's earlier treatment printed in the item (other bodies' decisions), oldest
    /// first; left out when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trail: Vec<Step>,
    /// The line of the text where the item starts (1-based): findings about the item
    /// point there. An addition to referat/1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Baggrund,
    Indstilling,
    Sagsfremstilling,
    Beslutning,
    Other,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    // Ordered weakest first, so `max` picks the strongest (SCHEMA.md).
    #[default]
    Other,
    Noted,
    Discussed,
    Referred,
    Postponed,
    Rejected,
    Endorsed,
    Approved,
}

impl Outcome {
    pub const ALL: [Outcome; 8] = [
        Outcome::Approved,
        Outcome::Endorsed,
        Outcome::Rejected,
        Outcome::Postponed,
        Outcome::Referred,
        Outcome::Discussed,
        Outcome::Noted,
        Outcome::Other,
    ];

    /// The label the page shows.
    pub fn label_da(self) -> &'static str {
        match self {
            Outcome::Approved => "Godkendt",
            Outcome::Noted => "Taget til efterretning",
            Outcome::Discussed => "Drøftet",
            Outcome::Endorsed => "Tiltrådt",
            Outcome::Postponed => "Udsat",
            Outcome::Referred => "Oversendt",
            Outcome::Rejected => "Afvist",
            Outcome::Other => "Andet",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Noted => "noted",
            Outcome::Discussed => "discussed",
            Outcome::Endorsed => "endorsed",
            Outcome::Postponed => "postponed",
            Outcome::Referred => "referred",
            Outcome::Rejected => "rejected",
            Outcome::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Decision {
    pub text: String,
    pub outcome: Outcome,
    /// One entry per position taken, in document order; left out when none is printed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Vote>,
    /// Minority statements, protokoltilførsler, forbehold; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    For,
    Against,
    Abstain,
    /// "tager forbehold"
    Reservation,
}

impl Position {
    pub const ALL: [Position; 4] = [Position::For, Position::Against, Position::Abstain, Position::Reservation];

    pub fn label_da(self) -> &'static str {
        match self {
            Position::For => "For",
            Position::Against => "Imod",
            Position::Abstain => "Undlod",
            Position::Reservation => "Forbehold",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Position::For => "for",
            Position::Against => "against",
            Position::Abstain => "abstain",
            Position::Reservation => "reservation",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Vote {
    pub position: Position,
    /// The number printed for the position, if any.
    pub count: Option<u32>,
    /// List letters named for the position, in order, each once.
    pub parties: Vec<String>,
    /// People named for the position, in order.
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Statement {
    /// Party letters, or the names as given, of who made the statement.
    pub by: Vec<String>,
    pub text: String,
}

/// One earlier treatment of the case ("Økonomiudvalget, 10. maj 2023, pkt. 88: Anbefales.").
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Step {
    pub body: String,
    pub date: Option<String>,
    pub item: Option<String>,
    pub text: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The Danish word the page and the Markdown export use.
    pub fn label_da(self) -> &'static str {
        match self {
            Severity::Error => "Fejl",
            Severity::Warning => "Advarsel",
            Severity::Info => "Note",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Made only by the functions of `crate::findings`, which hold every code and message.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    pub item: Option<String>,
    /// The line of the text the finding points at (1-based), where it is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

impl Analysis {
    /// The refusal, when no referat could be read at all (the CLI exits 1 on it).
    pub fn fatal(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.code.is_refusal())
    }
}
