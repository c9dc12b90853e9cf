//! The page: the only code that touches Yew and web-sys. It reads the file the user gives
//! it, calls `analyze`, and shows the result. Document text is always rendered as text.

mod chart;
mod decode;
mod export;
mod views;
mod worker;

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::Analysis;

const EXAMPLES: [(&str, &str, &[u8]); 2] = [
    (
        "KKR Nordjylland, 11. juni 2021 (Markdown)",
        "kkr-nordjylland-2021-06-11.md",
        include_bytes!("../../tests/corpus/kkr-nordjylland-2021-06-11.md"),
    ),
    (
        "KKR Nordjylland, 29. august 2025 (OCR-tekst)",
        "kkr-nordjylland-2025-08-29.txt",
        include_bytes!("../../tests/corpus/kkr-nordjylland-2025-08-29.txt"),
    ),
];

#[derive(Clone, Copy, PartialEq)]
pub enum Tab {
    Agenda,
    Attendance,
    Decisions,
    Review,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading(String),
    Working { file: String, bytes: usize },
    Done(Rc<Analysis>),
    Failed { file: String, message: String },
}

impl Status {
    /// A finished analysis: shown, or its refusal as a message.
    fn of(file: String, a: Analysis) -> Status {
        match a.fatal() {
            Some(f) => Status::Failed { file, message: f.message.clone() },
            None => Status::Done(Rc::new(a)),
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let status = use_state(|| Status::Idle);
    let tab = use_state(|| Tab::Agenda);
    let dragging = use_state(|| false);
    let pasted = use_state(String::new);
    let offline_ready = use_state(|| false);
    {
        // www/offline.js says when the service worker's cache holds the wasm.
        let offline_ready = offline_ready.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let flagged =
                window.as_ref().and_then(|w| js_sys::Reflect::get(w, &"referatOfflineReady".into()).ok()).is_some_and(|v| v.is_truthy());
            if flagged {
                offline_ready.set(true);
            } else if let Some(w) = window {
                let on_ready = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || offline_ready.set(true));
                let _ = w.add_event_listener_with_callback("referat-offline-ready", wasm_bindgen::JsCast::unchecked_ref(on_ready.as_ref()));
                on_ready.forget(); // the page's lifetime
            }
        });
    }
    let from_disk = web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:");

    // The analyser (a worker) lives as long as the page; its answers set the status.
    let analyzer: Rc<std::cell::RefCell<Option<worker::Analyzer>>> = use_mut_ref(|| None);
    {
        let status = status.clone();
        let analyzer_for_done = analyzer.clone();
        let analyzer = analyzer.clone();
        use_effect_with((), move |_| {
            let on_done = Callback::from(move |(_, outcome): (u32, worker::Outcome)| {
                let file = match &*status {
                    Status::Working { file, .. } => file.clone(),
                    _ => String::new(),
                };
                match outcome {
                    Ok(a) => status.set(Status::of(file, a)),
                    Err(message) => {
                        status.set(Status::Failed { file, message });
                        // The worker's wasm is gone after a crash: a new one for the next file.
                        if let Some(a) = analyzer_for_done.borrow_mut().as_mut() {
                            a.cancel();
                        }
                    }
                }
            });
            *analyzer.borrow_mut() = Some(worker::Analyzer::new(on_done));
        });
    }
    let show = {
        let status = status.clone();
        let analyzer = analyzer.clone();
        Callback::from(move |(bytes, name): (Vec<u8>, String)| {
            status.set(Status::Working { file: name.clone(), bytes: bytes.len() });
            match analyzer.borrow_mut().as_mut() {
                Some(a) => {
                    a.analyze(bytes, name);
                }
                None => {
                    let analysis = crate::analyze(&bytes, &name);
                    status.set(Status::of(name, analysis));
                }
            }
        })
    };
    let on_cancel = {
        let status = status.clone();
        let analyzer = analyzer.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = analyzer.borrow_mut().as_mut() {
                a.cancel();
            }
            status.set(Status::Idle);
        })
    };
    let read_file = {
        let status = status.clone();
        let show = show.clone();
        Callback::from(move |file: File| {
            let name = file.name();
            status.set(Status::Reading(name.clone()));
            let status = status.clone();
            let show = show.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => show.emit((js_sys::Uint8Array::new(&buf).to_vec(), name)),
                    Err(_) => status.set(Status::Failed { file: name, message: "Filen kunne ikke læses fra disken.".into() }),
                }
            });
        })
    };

    let on_drop = {
        let read_file = read_file.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file.emit(file);
            }
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_choose = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_paste_analyze = {
        let pasted = pasted.clone();
        let show = show.clone();
        Callback::from(move |_: MouseEvent| show.emit((pasted.as_bytes().to_vec(), "indsat tekst".to_owned())))
    };
    let on_reset = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| status.set(Status::Idle))
    };
    let select_tab = {
        let tab = tab.clone();
        Callback::from(move |t: Tab| tab.set(t))
    };

    let examples = EXAMPLES.iter().map(|(label, name, bytes)| {
        let show = show.clone();
        let onclick = Callback::from(move |_: MouseEvent| show.emit((bytes.to_vec(), name.to_string())));
        html! { <button type="button" class="example" {onclick}>{ *label }</button> }
    });

    let body = match &*status {
        Status::Idle => html! {},
        Status::Reading(name) => html! { <p class="busy" role="status">{ format!("Læser {name} …") }</p> },
        Status::Working { file, bytes } => html! {
            <div class="busy" role="status" aria-live="polite">
                <p>{ format!("Analyserer {file} ({}) …", human_size(*bytes)) }</p>
                <div class="progress" aria-hidden="true"><div class="bar"></div></div>
                <button type="button" class="cancel" onclick={on_cancel}>{ "Annullér" }</button>
            </div>
        },
        Status::Failed { file, message } => html! {
            <div class="error" role="alert">
                <strong>{ format!("{file} kunne ikke læses som et referat.") }</strong>
                <p>{ message.clone() }</p>
            </div>
        },
        Status::Done(a) => html! {
            <views::Result analysis={a.clone()} tab={*tab} on_tab={select_tab} />
        },
    };
    let has_result = matches!(&*status, Status::Done(_) | Status::Failed { .. });

    html! {
        <div class={classes!("page", dragging.then_some("dragging"))}
             ondrop={on_drop} ondragover={on_dragover} ondragleave={on_dragleave}>
            <header>
                <h1>{ "Referat Analyzer" }</h1>
                <p class="privacy">{ "Filen læses her på din computer og sendes ingen steder hen." }</p>
                <p class="offline">
                    if *offline_ready {
                        <span class="ready" role="status">{ "Klar til offline brug" }</span>
                    }
                    if !from_disk {
                        <a href="referat-analyzer.html" download="referat-analyzer.html">{ "Hent som én fil til offline brug" }</a>
                    }
                </p>
            </header>
            <section class="input" aria-label="Vælg et referat">
                <div class="drop">
                    <p>{ "Træk et referat hertil (tekst, Markdown eller HTML), eller" }</p>
                    <label class="button" for="file-input">{ "Vælg fil" }</label>
                    <input id="file-input" type="file" accept=".txt,.md,.markdown,.html,.htm,text/*" onchange={on_choose} />
                </div>
                <details class="paste">
                    <summary>{ "Indsæt tekst" }</summary>
                    <label for="paste-text" class="sr-only">{ "Referatets tekst" }</label>
                    <textarea id="paste-text" rows="8" placeholder="Indsæt referatets tekst her" oninput={on_paste_input} value={(*pasted).clone()} />
                    <button type="button" onclick={on_paste_analyze} disabled={pasted.trim().is_empty()}>{ "Analysér teksten" }</button>
                </details>
                <div class="examples">
                    <span>{ "Prøv med et eksempel:" }</span>
                    { for examples }
                </div>
                if has_result {
                    <button type="button" class="reset" onclick={on_reset}>{ "Start forfra" }</button>
                }
            </section>
            <main>{ body }</main>
        </div>
    }
}

/// "52,4 MB", "30 kB".
fn human_size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6).replace('.', ",")
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}
