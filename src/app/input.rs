//! Where a referat comes in: the drop zone's file picker, the paste box and the built-in
//! examples. (Dropping works anywhere on the page: the handlers are on `App`'s outer div.)

use web_sys::{File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::Action;

/// (label, short label once a result is shown, file name, bytes).
pub(super) const EXAMPLES: [(&str, &str, &str, &[u8]); 2] = [
    (
        "KKR Nordjylland, 11. juni 2021 (Markdown)",
        "Eksempel 2021",
        "kkr-nordjylland-2021-06-11.md",
        include_bytes!("../../tests/corpus/kkr-nordjylland-2021-06-11.md"),
    ),
    (
        "KKR Nordjylland, 29. august 2025 (OCR-tekst)",
        "Eksempel 2025",
        "kkr-nordjylland-2025-08-29.txt",
        include_bytes!("../../tests/corpus/kkr-nordjylland-2025-08-29.txt"),
    ),
];

/// What the file chooser offers: every format `ingest` reads.
const ACCEPT: &str = ".pdf,.docx,.txt,.md,.markdown,.html,.htm,.json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/*";

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The text in the paste box.
    pub pasted: AttrValue,
    /// Offer "Start forfra".
    pub has_result: bool,
    /// Files analysed this visit: past one, "Alle filer" lists them.
    pub files: usize,
    /// The files chosen with "Vælg filer".
    pub on_files: Callback<Vec<File>>,
    /// Bytes to analyse, and the name to show for them (pasted text, an example).
    pub on_bytes: Callback<(Vec<u8>, String)>,
    pub dispatch: Callback<Action>,
}

#[function_component(InputPanel)]
pub fn input_panel(p: &InputPanelProps) -> Html {
    let on_choose = {
        let on_files = p.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                // A folder holds ".DS_Store" and the like: hidden files are no referater.
                on_files.emit((0..list.length()).filter_map(|i| list.get(i)).filter(|f| !f.name().starts_with('.')).collect());
            }
            input.set_value("");
        })
    };
    let on_paste_input = p.dispatch.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        Action::Pasted(area.value())
    });
    let on_paste_analyze = {
        let pasted = p.pasted.clone();
        p.on_bytes.reform(move |_: MouseEvent| (pasted.as_bytes().to_vec(), "indsat tekst".to_owned()))
    };
    let on_reset = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Reset);
            // Focus goes back to where a new referat is chosen.
            if let Some(input) = super::views::element("file-input") {
                let _ = input.focus();
            }
        })
    };
    let examples = EXAMPLES.iter().map(|(label, short, name, bytes)| {
        let onclick = p.on_bytes.reform(move |_: MouseEvent| (bytes.to_vec(), name.to_string()));
        html! { <button type="button" class="example" title={*label} {onclick}>{ if p.has_result { *short } else { *label } }</button> }
    });

    html! {
        <section class={classes!("input", p.has_result.then_some("compact"))} aria-label="Vælg et referat">
            <div class="drop">
                <p class="hint">{ "Træk et eller flere referater hertil (PDF, Word, tekst, Markdown eller HTML), eller" }</p>
                <label class="button" for="file-input">{ if p.has_result { "Vælg andre filer" } else { "Vælg filer" } }</label>
                <input id="file-input" type="file" multiple=true accept={ACCEPT} onchange={on_choose.clone()} />
                // Every file of a folder and its subfolders (where the browser offers it).
                <label class="button" for="folder-input">{ "Vælg mappe" }</label>
                <input id="folder-input" type="file" webkitdirectory=true onchange={on_choose} />
            </div>
            <details class="paste">
                <summary>{ "Indsæt tekst" }</summary>
                <label for="paste-text" class="sr-only">{ "Referatets tekst" }</label>
                <textarea id="paste-text" rows="8" placeholder="Indsæt referatets tekst her" oninput={on_paste_input} value={p.pasted.clone()} />
                <button type="button" onclick={on_paste_analyze} disabled={p.pasted.trim().is_empty()}>{ "Analysér teksten" }</button>
            </details>
            <div class="examples">
                <span>{ "Prøv med et eksempel:" }</span>
                { for examples }
            </div>
            if p.files > 1 {
                <button type="button" class="all-files" onclick={Callback::from(|_: MouseEvent| super::views::go("filer"))}>
                    { format!("Alle filer ({})", p.files) }
                </button>
            }
            if p.has_result {
                <button type="button" class="reset" onclick={on_reset}>{ "Start forfra" }</button>
            }
        </section>
    }
}
