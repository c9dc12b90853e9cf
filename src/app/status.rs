//! What the page shows under the input for each `Status`: nothing, progress (with
//! "Annullér"), a refusal naming the file, or the result (`views::Result`).

use yew::prelude::*;

use super::route::Tab;
use super::state::Status;
use super::views;

#[derive(Properties, PartialEq)]
pub struct StatusViewProps {
    pub status: Status,
    pub tab: Tab,
    /// The agenda item asked for in the address.
    pub item: Option<String>,
    /// "Annullér": stops the running analysis.
    pub on_cancel: Callback<MouseEvent>,
}

#[function_component(StatusView)]
pub fn status_view(p: &StatusViewProps) -> Html {
    match &p.status {
        Status::Idle => html! {},
        Status::Reading(name) => html! { <p class="busy" role="status">{ format!("Læser {name} …") }</p> },
        Status::Working { file, bytes, of } => html! {
            <div class="busy" role="status" aria-live="polite">
                <p>{ format!("Analyserer {}{file} ({}) …", of.map(|(k, n)| format!("{k} af {n}: ")).unwrap_or_default(), crate::findings::human_size(*bytes)) }</p>
                <div class="progress" aria-hidden="true"><div class="bar"></div></div>
                <button type="button" class="cancel" onclick={p.on_cancel.clone()}>{ "Annullér" }</button>
            </div>
        },
        Status::Failed { file, message } => html! {
            <div class="error" role="alert">
                <strong>{ format!("{file} kunne ikke læses som et referat.") }</strong>
                <p>{ message.clone() }</p>
            </div>
        },
        Status::Done(a) => html! {
            <views::Result analysis={a.clone()} tab={p.tab} item={p.item.clone()} />
        },
    }
}
