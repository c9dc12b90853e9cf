//! Analysis off the page's thread: module Web Workers (`www/worker.js`, one a core, up to
//! four) run the same wasm and answer with referat/1 JSON; files given together are
//! analysed side by side, each request going to the next free worker. A crash in one (a
//! panic aborts its wasm) becomes a message for that file and a fresh worker in its
//! place; "Annullér" terminates them all. Where no worker can start (a page opened from
//! disk), the analysis runs here instead.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::model::Analysis;

pub type Outcome = Result<Analysis, String>;

/// Workers at most: one a core, up to four (files given together are analysed side by
/// side; a single file uses one).
const MAX_WORKERS: usize = 4;

/// The requests whose answers are awaited, with their file names (answers to others,
/// cancelled, are dropped), and what each worker is doing.
#[derive(Default)]
struct Book {
    wanted: Vec<(u32, String)>,
    /// Per worker: the request it runs.
    busy: Vec<Option<u32>>,
    /// Requests waiting for a free worker: (id, bytes, name).
    queue: std::collections::VecDeque<(u32, Vec<u8>, String)>,
}

/// A worker's message and error handlers.
type Handlers = (Closure<dyn FnMut(MessageEvent)>, Closure<dyn FnMut(ErrorEvent)>);

pub struct Analyzer {
    workers: Rc<RefCell<Vec<Worker>>>,
    book: Rc<RefCell<Book>>,
    next: u32,
    on_done: Callback<(String, Outcome)>,
    // Kept alive as long as the workers.
    _handlers: Vec<Handlers>,
}

impl Analyzer {
    pub fn new(on_done: Callback<(String, Outcome)>) -> Analyzer {
        let mut a = Analyzer { workers: Rc::default(), book: Rc::default(), next: 1, on_done, _handlers: Vec::new() };
        a.spawn();
        a
    }

    /// How many files can be analysed at once.
    pub fn lanes(&self) -> usize {
        self.workers.borrow().len().max(1)
    }

    fn spawn(&mut self) {
        let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency()) as usize;
        let n = cores.clamp(1, MAX_WORKERS);
        let mut workers = Vec::new();
        let mut handlers = Vec::new();
        for k in 0..n {
            let opts = WorkerOptions::new();
            opts.set_type(WorkerType::Module);
            let Ok(worker) = Worker::new_with_options("./worker.js", &opts) else { break };
            let (book, workers_rc, done) = (self.book.clone(), self.workers.clone(), self.on_done.clone());
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
                let json = js_sys::Reflect::get(&data, &"json".into()).ok().and_then(|v| v.as_string());
                let crashed = json.is_none();
                finish(&book, &workers_rc, k, id, &done, crashed, || match json {
                    Some(j) => super::decode::analysis(&j).ok_or_else(|| "Svaret fra analysen kunne ikke læses.".to_owned()),
                    None => Err(crash_message()),
                });
            });
            let (book, workers_rc, done) = (self.book.clone(), self.workers.clone(), self.on_done.clone());
            let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
                e.prevent_default();
                let id = book.borrow().busy.get(k).copied().flatten().unwrap_or(0);
                finish(&book, &workers_rc, k, id, &done, true, || Err(crash_message()));
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            workers.push(worker);
            handlers.push((on_message, on_error));
        }
        self.book.borrow_mut().busy = vec![None; workers.len()];
        *self.workers.borrow_mut() = workers;
        self._handlers = handlers;
    }

    /// Starts an analysis; its answer comes to `on_done` with the returned id. `alone`:
    /// answers to every earlier request are no longer wanted (a new single file).
    pub fn analyze(&mut self, bytes: Vec<u8>, name: String, alone: bool) -> u32 {
        let id = self.next;
        self.next += 1;
        {
            let mut book = self.book.borrow_mut();
            if alone {
                book.wanted.clear();
                book.queue.clear();
            }
            book.wanted.push((id, name.clone()));
        }
        if self.workers.borrow().is_empty() {
            // No worker here: analyse on this thread, after the page has shown "Analyserer".
            let done = self.on_done.clone();
            let book = self.book.clone();
            wasm_bindgen_futures::spawn_local(async move {
                next_frame().await;
                let wanted = book.borrow().wanted.iter().any(|w| w.0 == id);
                if wanted {
                    book.borrow_mut().wanted.retain(|w| w.0 != id);
                    done.emit((name.clone(), Ok(crate::analyze(&bytes, &name))));
                }
            });
            return id;
        }
        self.book.borrow_mut().queue.push_back((id, bytes, name));
        dispatch(&self.book, &self.workers);
        id
    }

    /// Stops every running analysis: the workers are ended and new ones started.
    pub fn cancel(&mut self) {
        for w in self.workers.borrow().iter() {
            w.terminate();
        }
        *self.book.borrow_mut() = Book::default();
        self.spawn();
    }
}

/// Gives waiting requests to free workers.
fn dispatch(book: &Rc<RefCell<Book>>, workers: &Rc<RefCell<Vec<Worker>>>) {
    let mut b = book.borrow_mut();
    let workers = workers.borrow();
    for (k, w) in workers.iter().enumerate() {
        if b.busy.get(k).copied().flatten().is_some() {
            continue;
        }
        let Some((id, bytes, name)) = b.queue.pop_front() else { return };
        let msg = js_sys::Object::new();
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        let ok = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(id)).is_ok()
            && js_sys::Reflect::set(&msg, &"name".into(), &JsValue::from_str(&name)).is_ok()
            && js_sys::Reflect::set(&msg, &"bytes".into(), &array).is_ok();
        let transfer = js_sys::Array::of1(&array.buffer());
        if ok && w.post_message_with_transfer(&msg, &transfer).is_ok() {
            b.busy[k] = Some(id);
        }
    }
}

/// Worker `k` answered request `id` (or crashed on it): the answer goes out if it is still
/// wanted, and the worker takes the next request. A crashed worker's wasm is gone: it is
/// replaced by a fresh one with the same handlers.
#[allow(clippy::too_many_arguments)]
fn finish(
    book: &Rc<RefCell<Book>>,
    workers: &Rc<RefCell<Vec<Worker>>>,
    k: usize,
    id: u32,
    done: &Callback<(String, Outcome)>,
    crashed: bool,
    outcome: impl FnOnce() -> Outcome,
) {
    let wanted = {
        let mut b = book.borrow_mut();
        if let Some(slot) = b.busy.get_mut(k) {
            *slot = None;
        }
        let at = b.wanted.iter().position(|w| w.0 == id);
        at.map(|at| b.wanted.remove(at).1)
    };
    if crashed {
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let old = workers.borrow().get(k).cloned();
        if let (Some(old), Ok(fresh)) = (old, Worker::new_with_options("./worker.js", &opts)) {
            fresh.set_onmessage(old.onmessage().as_ref());
            fresh.set_onerror(old.onerror().as_ref());
            old.terminate();
            workers.borrow_mut()[k] = fresh;
        }
    }
    if let Some(name) = wanted {
        done.emit((name, outcome()));
    }
    dispatch(book, workers);
}

fn crash_message() -> String {
    "Læseren stødte på en fejl i filen og stoppede. Filen kan være beskadiget eller i et format, der ikke understøttes.".into()
}

/// Resolves after the browser has had a chance to paint.
pub(super) async fn next_frame() {
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

/// Builds the lexicon before the first file arrives (`www/worker.js` calls it at start),
/// and analyses the built-in examples once: the engine compiles a wasm function on its
/// first call and optimises the busy ones as they run, so a first file analysed on cold
/// code took 3–5× as long as the next.
#[wasm_bindgen]
pub fn warm_up() {
    crate::text::ocr::warm_up();
    for (.., name, bytes) in super::input::EXAMPLES {
        let _ = analyze_json(bytes, name);
    }
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
