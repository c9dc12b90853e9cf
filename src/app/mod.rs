//! The page: the only code that touches Yew and web-sys. It reads the file the user gives
//! it, calls `analyze`, and shows the result. Document text is always rendered as text.
//!
//! - `page.rs`: `App`, the page; its effects (the worker, file reading, drag and drop).
//! - `state.rs`: the page's state, the actions on it and their reducer.
//! - `input.rs`: `InputPanel`, where a referat comes in; `status.rs`: `StatusView`, what
//!   is shown for it (progress, a refusal, or the result: `views.rs`, `chart.rs`, `export.rs`;
//!   `votes.rs`: a decision's votes, statements and earlier treatment).
//! - `files.rs`: the visit's files by meeting, and the comparison of two of them;
//!   `series.rs`: attendance and decisions over time, and search; `store.rs`: keeping
//!   the files in this browser (IndexedDB) when the user asks.
//! - `worker.rs`: the analysis in a Web Worker; `decode.rs`: its JSON answer back into the model.
//!
//! Only `decode` and `route` are built natively too (it needs no browser; tests/decode_roundtrip.rs).

pub mod decode;
/// The address's fragment: which view, which item (native too).
pub mod route;

#[cfg(target_arch = "wasm32")]
mod chart;
#[cfg(target_arch = "wasm32")]
mod export;
#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod input;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod series;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod status;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod views;
#[cfg(target_arch = "wasm32")]
mod votes;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
pub use page::App;
