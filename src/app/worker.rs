//! Analysis off the page's thread: a module Web Worker (`www/worker.js`) runs the same
//! wasm and answers with referat/1 JSON. A crash there (a panic aborts the worker's
//! wasm) becomes a message and a fresh worker; "Annullér" terminates it. Where no worker
//! can start (a page opened from disk), the analysis runs here instead.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::model::Analysis;

pub type Outcome = Result<Analysis, String>;

pub struct Analyzer {
    worker: Option<Worker>,
    /// The request whose answer is awaited; answers to others (cancelled) are dropped.
    current: Rc<RefCell<u32>>,
    next: u32,
    on_done: Callback<(u32, Outcome)>,
    // Kept alive as long as the worker.
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(ErrorEvent)>>,
}

impl Analyzer {
    pub fn new(on_done: Callback<(u32, Outcome)>) -> Analyzer {
        let mut a = Analyzer { worker: None, current: Rc::new(RefCell::new(0)), next: 1, on_done, _on_message: None, _on_error: None };
        a.spawn();
        a
    }

    fn spawn(&mut self) {
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let Ok(worker) = Worker::new_with_options("./worker.js", &opts) else {
            self.worker = None;
            return;
        };
        let current = self.current.clone();
        let done = self.on_done.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
            if id != *current.borrow() {
                return;
            }
            let json = js_sys::Reflect::get(&data, &"json".into()).ok().and_then(|v| v.as_string());
            let outcome = match json {
                Some(j) => super::decode::analysis(&j).ok_or_else(|| "Svaret fra analysen kunne ikke læses.".to_owned()),
                None => Err(crash_message()),
            };
            done.emit((id, outcome));
        });
        let current = self.current.clone();
        let done = self.on_done.clone();
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            e.prevent_default();
            let id = *current.borrow();
            if id != 0 {
                done.emit((id, Err(crash_message())));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.worker = Some(worker);
        self._on_message = Some(on_message);
        self._on_error = Some(on_error);
    }

    /// Starts an analysis; its answer comes to `on_done` with the returned id.
    pub fn analyze(&mut self, bytes: Vec<u8>, name: String) -> u32 {
        let id = self.next;
        self.next += 1;
        *self.current.borrow_mut() = id;
        let sent = self.worker.as_ref().is_some_and(|w| {
            let msg = js_sys::Object::new();
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            let ok = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(id)).is_ok()
                && js_sys::Reflect::set(&msg, &"name".into(), &JsValue::from_str(&name)).is_ok()
                && js_sys::Reflect::set(&msg, &"bytes".into(), &array).is_ok();
            let transfer = js_sys::Array::of1(&array.buffer());
            ok && w.post_message_with_transfer(&msg, &transfer).is_ok()
        });
        if !sent {
            // No worker here: analyse on this thread, after the page has shown "Analyserer".
            let done = self.on_done.clone();
            let current = self.current.clone();
            wasm_bindgen_futures::spawn_local(async move {
                next_frame().await;
                if *current.borrow() == id {
                    done.emit((id, Ok(crate::analyze(&bytes, &name))));
                }
            });
        }
        id
    }

    /// Stops the running analysis: the worker is ended and a new one started.
    pub fn cancel(&mut self) {
        *self.current.borrow_mut() = 0;
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.spawn();
    }
}

fn crash_message() -> String {
    "Læseren stødte på en fejl i filen og stoppede. Filen kan være beskadiget eller i et format, der ikke understøttes.".into()
}

/// Resolves after the browser has had a chance to paint.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The worker's entry: `www/worker.js` calls this with each file.
#[wasm_bindgen]
pub fn analyze_json(bytes: &[u8], file_name: &str) -> String {
    serde_json::to_string_pretty(&crate::analyze(bytes, file_name)).unwrap_or_default()
}

/// Builds the lexicon before the first file arrives (`www/worker.js` calls it at start).
#[wasm_bindgen]
pub fn warm_up() {
    crate::text::ocr::warm_up();
}

/// The JavaScript API: `analyze(bytes, fileName)` returns the referat/1 object.
///
/// ```js
/// import init, { analyze } from './referat-analyzer.js';
/// await init();
/// const result = analyze(new Uint8Array(await file.arrayBuffer()), file.name);
/// ```
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(bytes: &[u8], file_name: &str) -> JsValue {
    js_sys::JSON::parse(&analyze_json(bytes, file_name)).unwrap_or(JsValue::NULL)
}
