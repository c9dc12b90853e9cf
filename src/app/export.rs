//! Downloads of the exports (src/export.rs) as files the browser saves, and printing.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::export;
use crate::model::Analysis;

/// Saves `bytes` as `file_name` through a temporary object URL.
pub(super) fn download(bytes: &[u8], file_name: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// "kkr-nordjylland-2025-08-29.txt" -> "kkr-nordjylland-2025-08-29".
pub(super) fn stem(name: &str) -> String {
    let base = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if base.is_empty() {
        "referat".into()
    } else {
        base.to_owned()
    }
}

/// The export buttons (a plain view function: it holds no state).
pub fn export_bar(analysis: &std::rc::Rc<Analysis>) -> Html {
    let button = |label: &'static str, make: fn(&Analysis) -> (Vec<u8>, String, &'static str)| {
        let a = analysis.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (bytes, name, mime) = make(&a);
            download(&bytes, &name, mime);
        });
        html! { <button type="button" class="export" {onclick}>{ label }</button> }
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="exports" aria-label="Eksport">
            <span>{ "Eksport:" }</span>
            { button("JSON", |a| (export::json(std::slice::from_ref(a)).into_bytes(), format!("{}.referat.json", stem(&a.source.name)), "application/json")) }
            { button("CSV: beslutninger", |a| (export::csv_decisions(std::slice::from_ref(a)), format!("{}-beslutninger.csv", stem(&a.source.name)), "text/csv;charset=utf-8")) }
            { button("CSV: fremmøde", |a| (export::csv_attendance(std::slice::from_ref(a)), format!("{}-fremmoede.csv", stem(&a.source.name)), "text/csv;charset=utf-8")) }
            { button("Markdown", |a| (export::markdown(std::slice::from_ref(a)).into_bytes(), format!("{}.md", stem(&a.source.name)), "text/markdown;charset=utf-8")) }
            <button type="button" class="export" onclick={print}>{ "Udskriv" }</button>
        </div>
    }
}
