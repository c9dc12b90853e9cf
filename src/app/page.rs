//! `App`, the whole page: the state (`state.rs`) and what talks to the browser: the
//! analyser (a Web Worker, `worker.rs`), reading a file from disk, drag and drop, and
//! www/offline.js's signal. The views are `InputPanel` and `StatusView`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File};
use yew::prelude::*;

use super::input::InputPanel;
use super::state::{Action, State, Status};
use super::status::StatusView;
use super::worker;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let dispatch: Callback<Action> = state.dispatcher().into();
    {
        // www/offline.js says when the service worker's cache holds the wasm.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let flagged =
                window.as_ref().and_then(|w| js_sys::Reflect::get(w, &"referatOfflineReady".into()).ok()).is_some_and(|v| v.is_truthy());
            if flagged {
                dispatch.emit(Action::OfflineReady);
            } else if let Some(w) = window {
                let on_ready = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || dispatch.emit(Action::OfflineReady));
                let _ = w.add_event_listener_with_callback("referat-offline-ready", wasm_bindgen::JsCast::unchecked_ref(on_ready.as_ref()));
                on_ready.forget(); // the page's lifetime
            }
        });
    }
    {
        // The address's fragment chooses the view ("#beslutninger", "#punkt-3.4"): read at
        // start and on every change, so Back, a link and a reload keep the view.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let Some(w) = web_sys::window() else { return };
            dispatch.emit(Action::Route(w.location().hash().unwrap_or_default()));
            let on_hash = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
                dispatch.emit(Action::Route(hash));
            });
            let _ = w.add_event_listener_with_callback("hashchange", wasm_bindgen::JsCast::unchecked_ref(on_hash.as_ref()));
            on_hash.forget(); // the page's lifetime
        });
    }
    let from_disk = web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:");

    // The analyser (a worker) lives as long as the page; its answers go to the state.
    let analyzer: Rc<RefCell<Option<worker::Analyzer>>> = use_mut_ref(|| None);
    {
        let dispatch = dispatch.clone();
        let analyzer = analyzer.clone();
        use_effect_with((), move |_| {
            let analyzer_for_done = analyzer.clone();
            let on_done = Callback::from(move |(_, outcome): (u32, worker::Outcome)| {
                let crashed = outcome.is_err();
                dispatch.emit(Action::Answered(outcome));
                if crashed {
                    // The worker's wasm is gone after a crash: a new one for the next file.
                    if let Some(a) = analyzer_for_done.borrow_mut().as_mut() {
                        a.cancel();
                    }
                }
            });
            *analyzer.borrow_mut() = Some(worker::Analyzer::new(on_done));
        });
    }
    let analyze = {
        let dispatch = dispatch.clone();
        let analyzer = analyzer.clone();
        Callback::from(move |(bytes, name): (Vec<u8>, String)| {
            dispatch.emit(Action::Analyzing { file: name.clone(), bytes: bytes.len() });
            match analyzer.borrow_mut().as_mut() {
                Some(a) => {
                    a.analyze(bytes, name);
                }
                None => dispatch.emit(Action::Answered(Ok(crate::analyze(&bytes, &name)))),
            }
        })
    };
    let on_cancel = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = analyzer.borrow_mut().as_mut() {
                a.cancel();
            }
            dispatch.emit(Action::Reset);
        })
    };
    let read_file = {
        let dispatch = dispatch.clone();
        let analyze = analyze.clone();
        Callback::from(move |file: File| {
            let name = file.name();
            dispatch.emit(Action::Reading(name.clone()));
            let dispatch = dispatch.clone();
            let analyze = analyze.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => analyze.emit((js_sys::Uint8Array::new(&buf).to_vec(), name)),
                    Err(_) => dispatch.emit(Action::Failed { file: name, message: "Filen kunne ikke læses fra disken.".into() }),
                }
            });
        })
    };

    let on_drop = {
        let read_file = read_file.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dispatch.emit(Action::Dragging(false));
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file.emit(file);
            }
        })
    };
    let on_dragover = dispatch.reform(|e: DragEvent| {
        e.prevent_default();
        Action::Dragging(true)
    });
    let on_dragleave = dispatch.reform(|_: DragEvent| Action::Dragging(false));

    html! {
        <div class={classes!("page", state.dragging.then_some("dragging"))}
             ondrop={on_drop} ondragover={on_dragover} ondragleave={on_dragleave}>
            <header>
                <h1>{ "Referat Analyzer" }</h1>
                <p class="privacy">{ "Filen læses her på din computer og sendes ingen steder hen." }</p>
                <p class="offline">
                    if state.offline_ready {
                        <span class="ready" role="status">{ "Klar til offline brug" }</span>
                    }
                    if !from_disk {
                        <a href="referat-analyzer.html" download="referat-analyzer.html">{ "Hent som én fil til offline brug" }</a>
                    }
                </p>
            </header>
            <InputPanel pasted={state.pasted.clone()} has_result={state.has_result()}
                        on_file={read_file} on_bytes={analyze} dispatch={dispatch.clone()} />
            <main>
                <StatusView status={state.status.clone()} tab={state.tab} item={state.item.clone()} {on_cancel} />
            </main>
            <p class="sr-only" role="status" aria-live="polite">{ announcement(&state.status) }</p>
        </div>
    }
}

/// What a screen reader hears when a result is shown (the live region under `main`).
fn announcement(status: &Status) -> String {
    match status {
        Status::Done(a) => {
            let decisions = a.items.iter().filter(|i| i.decision.is_some()).count();
            format!("Referatet er læst: {} punkter og {decisions} beslutninger.", a.items.len())
        }
        _ => String::new(),
    }
}
