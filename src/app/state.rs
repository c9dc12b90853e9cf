//! The page's state in one place: what it holds (`State`), what can happen to it
//! (`Action`), and how each action changes it (`reduce`). The shape of Yew's
//! `function_todomvc` example. Effects (the worker, reading files) stay in `page.rs`;
//! `reduce` only computes the next state.

use std::rc::Rc;

use yew::prelude::*;

use super::route::{route, Tab};
use crate::model::Analysis;

/// Where the page is with the current file.
#[derive(Clone, PartialEq)]
pub enum Status {
    Idle,
    Reading(String),
    /// `of`: the file's place in a batch of several ("3 af 12").
    Working {
        file: String,
        bytes: usize,
        of: Option<(usize, usize)>,
    },
    Done(Rc<Analysis>),
    Failed {
        file: String,
        message: String,
    },
}

/// A file analysed this visit: its referat, or why it could not be read.
#[derive(Clone, PartialEq)]
pub struct Doc {
    pub file: String,
    pub outcome: std::result::Result<Rc<Analysis>, String>,
}

/// What the page shows under the input.
#[derive(Clone, Copy, PartialEq)]
pub enum Screen {
    /// The current file: progress, a refusal or its result.
    One,
    /// "Indlæste filer": every file of this visit ("#filer").
    Files,
    /// "Sammenligning" of the two files picked ("#sammenligning").
    Compare,
    /// "Fremmøde over tid": each member's status at each meeting ("#fremmoede-over-tid").
    History,
    /// "Beslutninger over tid": every decision of every meeting ("#beslutninger-over-tid").
    Decisions,
    /// "Søg" in all the files' text ("#soeg").
    Search,
}

impl Screen {
    /// The views of several files: their name in the address and on the page.
    pub const SERIES: [(Screen, &'static str, &'static str); 4] = [
        (Screen::Files, "filer", "Møder"),
        (Screen::History, "fremmoede-over-tid", "Fremmøde over tid"),
        (Screen::Decisions, "beslutninger-over-tid", "Beslutninger over tid"),
        (Screen::Search, "soeg", "Søg"),
    ];
}

/// How "Fremmøde over tid" orders its members.
#[derive(Clone, Copy, PartialEq)]
pub enum Sort {
    /// As they first appear (meeting by meeting, list order).
    Listed,
    Name,
    Party,
    /// Lowest attendance first.
    Rate,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub status: Status,
    pub screen: Screen,
    /// Every file analysed this visit, in the order they were given.
    pub docs: Rc<Vec<Doc>>,
    /// The files picked to compare (indices into `docs`), A then B; at most two.
    pub picked: Vec<usize>,
    /// Files given together: (answered so far, how many).
    pub batch: Option<(usize, usize)>,
    /// The batch's file names in the order given: answers come in as workers finish,
    /// the list shows them as given.
    pub given: Vec<String>,
    /// The comparison shows only the items that changed.
    pub only_changes: bool,
    /// "Søg": the words searched for.
    pub query: AttrValue,
    /// "Beslutninger over tid": the words and the outcome the decisions are filtered by.
    pub words: AttrValue,
    pub outcome: Option<crate::model::Outcome>,
    /// "Fremmøde over tid": the order, and the member opened (by name).
    pub sort: Sort,
    pub member: Option<String>,
    /// The body "Fremmøde over tid" shows (none chosen: the one with the most files).
    pub body: Option<String>,
    /// The user chose "Gem på denne computer": the files are kept in this browser.
    pub keep: bool,
    /// The result's open view; kept when the next file is read.
    pub tab: Tab,
    /// The agenda item asked for ("Vis punkt", "#punkt-3.4"): opened and scrolled to.
    pub item: Option<String>,
    /// A file is dragged over the page.
    pub dragging: bool,
    /// The text in "Indsæt tekst", kept after it is analysed.
    pub pasted: AttrValue,
    /// www/offline.js found the wasm in the service worker's cache.
    pub offline_ready: bool,
}

impl Default for State {
    fn default() -> State {
        State {
            status: Status::Idle,
            screen: Screen::One,
            docs: Rc::default(),
            picked: Vec::new(),
            batch: None,
            given: Vec::new(),
            only_changes: false,
            query: AttrValue::default(),
            words: AttrValue::default(),
            outcome: None,
            sort: Sort::Listed,
            member: None,
            body: None,
            keep: false,
            tab: Tab::Agenda,
            item: None,
            dragging: false,
            pasted: AttrValue::default(),
            offline_ready: false,
        }
    }
}

impl State {
    /// A result or a refusal is shown: "Start forfra" is offered.
    pub fn has_result(&self) -> bool {
        matches!(self.status, Status::Done(_) | Status::Failed { .. }) || !self.docs.is_empty()
    }

    /// The two files to compare, A and B.
    pub fn pair(&self) -> Option<(Rc<Analysis>, Rc<Analysis>)> {
        let doc = |i: usize| self.docs.get(i).and_then(|d| d.outcome.clone().ok());
        match self.picked.as_slice() {
            [a, b] => Some((doc(*a)?, doc(*b)?)),
            _ => None,
        }
    }

    /// Files answered: kept in `docs`. Outside a batch the answer is also shown.
    fn answered(&mut self, file: String, outcome: std::result::Result<Rc<Analysis>, String>) {
        let docs = Rc::make_mut(&mut self.docs);
        docs.push(Doc { file: file.clone(), outcome: outcome.clone() });
        let Some((done, total)) = self.batch.as_mut() else {
            self.status = match outcome {
                Ok(a) => Status::Done(a),
                Err(message) => Status::Failed { file, message },
            };
            self.screen = Screen::One;
            return;
        };
        *done += 1;
        if *done == *total {
            // The batch is read: its files are listed as given (a stable sort keeps files
            // of the same name in answer order), two of them ready to compare.
            let n = docs.len();
            let given = std::mem::take(&mut self.given);
            docs[n - *total..].sort_by_key(|d| given.iter().position(|g| *g == d.file).unwrap_or(usize::MAX));
            self.picked = if *total == 2 { vec![n - 2, n - 1] } else { Vec::new() };
            self.batch = None;
            self.status = Status::Idle;
            self.screen = Screen::Files;
        }
    }
}

pub enum Action {
    /// A file is being read from disk.
    Reading(String),
    /// Several files given at once: their analyses come in as a batch.
    Batch(Vec<String>),
    /// Bytes given to the analyser.
    Analyzing {
        file: String,
        bytes: usize,
    },
    /// The analyser's answer for a file: the referat, or why it stopped.
    Answered(String, Result<Analysis, String>),
    Failed {
        file: String,
        message: String,
    },
    /// "Start forfra" and "Annullér".
    Reset,
    /// The address's fragment changed (a tab, "Vis punkt", Back): `route`.
    Route(String),
    Dragging(bool),
    Pasted(String),
    OfflineReady,
    /// "Vis" in the list of files: that file's result.
    Show(usize),
    /// A file's box in the list ticked or unticked for comparing.
    Pick(usize),
    /// "Byt om": B becomes A.
    Swap,
    /// "Vis kun punkter med ændringer" ticked or unticked.
    OnlyChanges,
    Query(String),
    Words(String),
    Outcome(Option<crate::model::Outcome>),
    Sort(Sort),
    /// A member opened (or closed) in "Fremmøde over tid".
    Member(Option<String>),
    /// The body "Fremmøde over tid" shows.
    Body(String),
    /// "Gem på denne computer" (true) or "Glem alt" (false).
    Keep(bool),
    /// The files kept in this browser, read back at the start of a visit.
    Restored(Vec<Doc>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Reading(file) if self.batch.is_none() => next.status = Status::Reading(file),
            Action::Reading(_) => return self,
            Action::Batch(names) => {
                // Files given while a batch runs join it.
                let n = names.len();
                next.batch = Some(self.batch.map_or((0, n), |(done, total)| (done, total + n)));
                next.given.extend(names);
                next.screen = Screen::One;
            }
            Action::Analyzing { file, bytes } => {
                let of = self.batch.map(|(done, total)| (done + 1, total));
                next.status = Status::Working { file, bytes, of };
                next.screen = Screen::One;
            }
            Action::Answered(file, outcome) => {
                let outcome = match outcome {
                    // A finished analysis that read nothing is shown as its refusal.
                    Ok(a) => match a.fatal() {
                        Some(f) => Err(f.message.clone()),
                        None => Ok(Rc::new(a)),
                    },
                    Err(message) => Err(message),
                };
                next.answered(file, outcome);
            }
            Action::Failed { file, message } => next.answered(file, Err(message)),
            // "Start forfra" forgets every file of the visit (what is kept in the browser
            // stays until "Glem alt").
            Action::Reset => next = State { pasted: self.pasted.clone(), offline_ready: self.offline_ready, ..State::default() },
            Action::Route(hash) => {
                (next.tab, next.item) = route(&hash);
                let hash = hash.trim_start_matches('#');
                next.screen = match Screen::SERIES.iter().find(|(_, slug, _)| *slug == hash) {
                    Some((screen, _, _)) if !self.docs.is_empty() => *screen,
                    _ if hash == "sammenligning" && self.pair().is_some() => Screen::Compare,
                    _ => Screen::One,
                };
            }
            // Unchanged: the same state, so no render on every dragover event.
            Action::Dragging(on) if on == self.dragging => return self,
            Action::Dragging(on) => next.dragging = on,
            Action::Pasted(text) => next.pasted = text.into(),
            Action::OfflineReady => next.offline_ready = true,
            Action::Show(i) => {
                let Some(doc) = self.docs.get(i) else { return self };
                next.status = match &doc.outcome {
                    Ok(a) => Status::Done(a.clone()),
                    Err(message) => Status::Failed { file: doc.file.clone(), message: message.clone() },
                };
                next.screen = Screen::One;
            }
            Action::Pick(i) => match self.picked.iter().position(|&p| p == i) {
                Some(at) => _ = next.picked.remove(at),
                None => {
                    next.picked.push(i);
                    if next.picked.len() > 2 {
                        next.picked.remove(0);
                    }
                }
            },
            Action::Swap => next.picked.reverse(),
            Action::OnlyChanges => next.only_changes = !self.only_changes,
            Action::Query(q) => next.query = q.into(),
            Action::Words(w) => next.words = w.into(),
            Action::Outcome(o) => next.outcome = o,
            Action::Sort(s) => next.sort = s,
            Action::Member(m) => next.member = m,
            Action::Body(b) => {
                next.body = Some(b);
                next.member = None;
            }
            Action::Keep(keep) => next.keep = keep,
            Action::Restored(docs) => {
                // Before this visit's files, which may already have come.
                let mut all = docs;
                all.extend(self.docs.iter().cloned());
                next.docs = Rc::new(all);
                next.keep = true;
                next.picked.clear();
            }
        }
        Rc::new(next)
    }
}
