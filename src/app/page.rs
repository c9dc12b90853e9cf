//! `App`, the whole page: the state (`state.rs`) and what talks to the browser: the
//! analyser (a Web Worker, `worker.rs`), reading a file from disk, drag and drop, and
//! www/offline.js's signal. The views are `InputPanel` and `StatusView`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File};
use yew::prelude::*;

use super::input::InputPanel;
use super::state::{Action, Screen, State, Status};
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
    {
        // The files kept on an earlier visit ("Gem på denne computer"), if any: listed.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let docs = super::store::load().await;
                if !docs.is_empty() {
                    dispatch.emit(Action::Restored(docs));
                    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
                    if hash.is_empty() {
                        super::views::go("filer");
                    } else {
                        // The address asked for a view of the files before they were back.
                        dispatch.emit(Action::Route(hash));
                    }
                }
            });
        });
    }
    {
        // Once the user chose to keep the files, every change to them is kept too.
        let docs = state.docs.clone();
        use_effect_with((state.keep, Rc::as_ptr(&state.docs) as usize, state.docs.len()), move |(keep, _, _)| {
            if *keep {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = super::store::save(&docs).await;
                });
            }
        });
    }
    // The search index over every file, built when "Søg" is shown and the files changed.
    let index = use_mut_ref(|| (0usize, 0usize, crate::series::search::Index::new()));
    if state.screen == Screen::Search {
        let key = (Rc::as_ptr(&state.docs) as usize, state.docs.len());
        let mut ix = index.borrow_mut();
        if (ix.0, ix.1) != key {
            let mut fresh = crate::series::search::Index::new();
            for (i, doc) in state.docs.iter().enumerate() {
                if let Ok(a) = &doc.outcome {
                    fresh.add(i, a);
                }
            }
            *ix = (key.0, key.1, fresh);
        }
    }
    let from_disk = web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:");

    // Files given together wait here and go to the analyser one after the other (it
    // answers one request at a time); `next` reads the next one and is called with each
    // answer. `batching`: a batch is under way, and the list is shown when it ends.
    let queue: Rc<RefCell<VecDeque<File>>> = use_mut_ref(VecDeque::new);
    let batching: Rc<RefCell<bool>> = use_mut_ref(|| false);
    // Files of the batch taken from the queue and not yet answered (several workers run).
    let in_flight: Rc<RefCell<usize>> = use_mut_ref(|| 0);
    let next: Rc<RefCell<Option<Callback<()>>>> = use_mut_ref(|| None);
    let read_next = Callback::from({
        let next = next.clone();
        move |()| {
            if let Some(n) = next.borrow().clone() {
                n.emit(());
            }
        }
    });

    // The analyser (a worker) lives as long as the page; its answers go to the state.
    let analyzer: Rc<RefCell<Option<worker::Analyzer>>> = use_mut_ref(|| None);
    {
        let dispatch = dispatch.clone();
        let analyzer = analyzer.clone();
        let read_next = read_next.clone();
        let in_flight = in_flight.clone();
        use_effect_with((), move |_| {
            let on_done = Callback::from(move |(file, outcome): (String, worker::Outcome)| {
                dispatch.emit(Action::Answered(file, outcome));
                let n = in_flight.borrow().saturating_sub(1);
                *in_flight.borrow_mut() = n;
                read_next.emit(());
            });
            *analyzer.borrow_mut() = Some(worker::Analyzer::new(on_done));
        });
    }
    let analyze = {
        let dispatch = dispatch.clone();
        let analyzer = analyzer.clone();
        let batching = batching.clone();
        Callback::from(move |(bytes, name): (Vec<u8>, String)| {
            let working = Action::Analyzing { file: name.clone(), bytes: bytes.len() };
            let alone = !*batching.borrow();
            // The file goes to the worker first: the page shows "Analyserer" while it works.
            let left = match analyzer.borrow_mut().as_mut() {
                Some(a) => {
                    a.analyze(bytes, name, alone);
                    None
                }
                None => Some((bytes, name)),
            };
            dispatch.emit(working);
            if let Some((bytes, name)) = left {
                dispatch.emit(Action::Answered(name.clone(), Ok(crate::analyze(&bytes, &name))));
            }
        })
    };
    let on_cancel = {
        let dispatch = dispatch.clone();
        let (queue, batching, in_flight, analyzer) = (queue.clone(), batching.clone(), in_flight.clone(), analyzer.clone());
        Callback::from(move |_: MouseEvent| {
            queue.borrow_mut().clear();
            batching.replace(false);
            in_flight.replace(0);
            if let Some(a) = analyzer.borrow_mut().as_mut() {
                a.cancel();
            }
            dispatch.emit(Action::Reset);
        })
    };
    let read_file = {
        let dispatch = dispatch.clone();
        let analyze = analyze.clone();
        let in_flight = in_flight.clone();
        Callback::from(move |file: File| {
            let name = file.name();
            // The read starts before the page shows "Læser": the two go on side by side.
            let read = JsFuture::from(file.array_buffer());
            dispatch.emit(Action::Reading(name.clone()));
            let dispatch = dispatch.clone();
            let analyze = analyze.clone();
            let read_next = read_next.clone();
            let in_flight = in_flight.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match read.await {
                    Ok(buf) => analyze.emit((js_sys::Uint8Array::new(&buf).to_vec(), name)),
                    Err(_) => {
                        dispatch.emit(Action::Failed { file: name, message: "Filen kunne ikke læses fra disken.".into() });
                        let n = in_flight.borrow().saturating_sub(1);
                        *in_flight.borrow_mut() = n;
                        read_next.emit(());
                    }
                }
            });
        })
    };
    // The next file of the batch, or, when none is left and none is being analysed, the
    // list of files.
    *next.borrow_mut() = Some({
        let (queue, batching, read_file, in_flight) = (queue.clone(), batching.clone(), read_file.clone(), in_flight.clone());
        Callback::from(move |()| {
            let file = queue.borrow_mut().pop_front();
            match file {
                Some(file) => {
                    *in_flight.borrow_mut() += 1;
                    read_file.emit(file);
                }
                None if *in_flight.borrow() == 0 && batching.replace(false) => super::views::go("filer"),
                None => {}
            }
        })
    });
    // One file is read as it is; several (or one while a batch runs) join the queue.
    let read_files = {
        let dispatch = dispatch.clone();
        let read_file = read_file.clone();
        Callback::from(move |files: Vec<File>| {
            if files.len() == 1 && !*batching.borrow() {
                read_file.emit(files.into_iter().next().expect("one file"));
                return;
            }
            let n = files.len();
            dispatch.emit(Action::Batch(files.iter().map(File::name).collect()));
            queue.borrow_mut().extend(files);
            if !batching.replace(true) {
                // Two files a worker in flight: one analysed, one waiting, so a worker
                // never idles while the page reads the next file.
                let lanes = 2 * analyzer.borrow().as_ref().map_or(1, |a| a.lanes());
                if let Some(next) = next.borrow().clone() {
                    for _ in 0..lanes.min(n) {
                        next.emit(());
                    }
                }
            }
        })
    };

    let on_drop = {
        let read_files = read_files.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dispatch.emit(Action::Dragging(false));
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                read_files.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
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
            <InputPanel pasted={state.pasted.clone()} has_result={state.has_result()} files={state.docs.len()}
                        on_files={read_files} on_bytes={analyze} dispatch={dispatch.clone()} />
            <main>
                if !matches!(state.screen, Screen::One | Screen::Compare) { { super::series::nav(&state) } }
                { match state.screen {
                    Screen::Files => super::files::list(&state, &dispatch),
                    Screen::History => super::series::history(&state, &dispatch),
                    Screen::Decisions => super::series::decisions(&state, &dispatch),
                    Screen::Search => super::series::search(&state, &dispatch, &index.borrow().2),
                    Screen::Compare => super::files::comparison(&state, &dispatch),
                    Screen::One => html! {
                        <StatusView status={state.status.clone()} tab={state.tab} item={state.item.clone()} {on_cancel} />
                    },
                } }
            </main>
            <p class="sr-only" role="status" aria-live="polite">{ announcement(&state) }</p>
        </div>
    }
}

/// What a screen reader hears when a result is shown (the live region under `main`).
fn announcement(state: &State) -> String {
    match &state.status {
        _ if state.screen == Screen::Files => format!("{} filer er læst.", state.docs.len()),
        Status::Done(a) => {
            let decisions = a.items.iter().filter(|i| i.decision.is_some()).count();
            format!("Referatet er læst: {} punkter og {decisions} beslutninger.", a.items.len())
        }
        _ => String::new(),
    }
}
