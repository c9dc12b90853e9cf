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
    Working { file: String, bytes: usize },
    Done(Rc<Analysis>),
    Failed { file: String, message: String },
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub status: Status,
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
        State { status: Status::Idle, tab: Tab::Agenda, item: None, dragging: false, pasted: AttrValue::default(), offline_ready: false }
    }
}

impl State {
    /// A result or a refusal is shown: "Start forfra" is offered.
    pub fn has_result(&self) -> bool {
        matches!(self.status, Status::Done(_) | Status::Failed { .. })
    }
}

pub enum Action {
    /// A file is being read from disk.
    Reading(String),
    /// Bytes given to the analyser.
    Analyzing {
        file: String,
        bytes: usize,
    },
    /// The analyser's answer for the file being analysed: the referat, or why it stopped.
    Answered(Result<Analysis, String>),
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
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Reading(file) => next.status = Status::Reading(file),
            Action::Analyzing { file, bytes } => next.status = Status::Working { file, bytes },
            Action::Answered(outcome) => {
                let file = match &self.status {
                    Status::Working { file, .. } => file.clone(),
                    _ => String::new(),
                };
                next.status = match outcome {
                    // A finished analysis that read nothing is shown as its refusal.
                    Ok(a) => match a.fatal() {
                        Some(f) => Status::Failed { file, message: f.message.clone() },
                        None => Status::Done(Rc::new(a)),
                    },
                    Err(message) => Status::Failed { file, message },
                };
            }
            Action::Failed { file, message } => next.status = Status::Failed { file, message },
            Action::Reset => next.status = Status::Idle,
            Action::Route(hash) => (next.tab, next.item) = route(&hash),
            // Unchanged: the same state, so no render on every dragover event.
            Action::Dragging(on) if on == self.dragging => return self,
            Action::Dragging(on) => next.dragging = on,
            Action::Pasted(text) => next.pasted = text.into(),
            Action::OfflineReady => next.offline_ready = true,
        }
        Rc::new(next)
    }
}
