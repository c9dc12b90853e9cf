//! The files of this visit ("Indlæste filer", `#filer`) and the comparison of two of them
//! ("Sammenligning", `#sammenligning`, src/compare). Plain view functions: the state they
//! show is `State`'s, and every change goes through its actions.

use yew::prelude::*;

use super::state::{Action, State};
use super::views::go;
use crate::compare::{self, Change, Op, Row};
use crate::model::Analysis;

/// "Møder": the visit's files by meeting (a referat and its PDF are one meeting, both
/// files under it), then those that could not be read and why; "Vis" opens one, two
/// ticked can be compared. Keeping them in this browser, and JSON Lines of them all.
pub fn list(state: &State, dispatch: &Callback<Action>) -> Html {
    let file = |i: usize| {
        let doc = &state.docs[i];
        let picked = state.picked.iter().position(|&p| p == i);
        let show = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::Show(i));
                go("dagsorden");
            })
        };
        match &doc.outcome {
            Ok(a) => html! {
                <li class={classes!("file", picked.map(|_| "picked"))}>
                    <label class="pick">
                        <input type="checkbox" checked={picked.is_some()} onchange={dispatch.reform(move |_: Event| Action::Pick(i))} />
                        <span class="sr-only">{ format!("Sammenlign {}", doc.file) }</span>
                        if let Some(k) = picked { <span class="side" aria-hidden="true">{ if k == 0 { "A" } else { "B" } }</span> }
                    </label>
                    <div class="what">
                        <strong class="name">{ doc.file.clone() }</strong>
                        <span>{ meeting_line(a) }</span>
                    </div>
                    <button type="button" onclick={show}>{ "Vis" }</button>
                </li>
            },
            Err(message) => html! {
                <li class="file failed">
                    <span class="pick"></span>
                    <div class="what">
                        <strong class="name">{ doc.file.clone() }</strong>
                        <span class="reason">{ format!("Kunne ikke læses: {message}") }</span>
                    </div>
                </li>
            },
        }
    };
    // Each read file under its meeting, in the meetings' order (by date).
    let (h, _) = super::series::meetings(state, None);
    let mut placed = vec![false; state.docs.len()];
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for m in &h.meetings {
        let mut files = Vec::new();
        for name in &m.files {
            let at = (0..state.docs.len()).find(|&i| !placed[i] && state.docs[i].outcome.is_ok() && state.docs[i].file == *name);
            if let Some(i) = at {
                placed[i] = true;
                files.push(i);
            }
        }
        let date = m.date.as_deref().map(super::views::danish_date).unwrap_or_else(|| "uden dato".into());
        groups.push((format!("{} · {date}", m.body.as_deref().unwrap_or("ukendt organ")), files));
    }
    let failed: Vec<usize> = (0..state.docs.len()).filter(|&i| !placed[i]).collect();
    let read = state.docs.len() - failed.len();
    let ready = state.pair().is_some();
    let jsonl = {
        let docs = state.docs.clone();
        Callback::from(move |_: MouseEvent| {
            // One referat/1 object a line: the pretty JSON's line breaks are only between
            // tokens (a string never holds one), so joining its trimmed lines is compact JSON.
            let lines: String = docs
                .iter()
                .filter_map(|d| d.outcome.as_ref().ok())
                .map(|a| crate::export::json(std::slice::from_ref(&**a)).lines().map(str::trim_start).collect::<String>() + "\n")
                .collect();
            super::export::download(lines.as_bytes(), "referater.jsonl", "application/jsonl");
        })
    };
    let keep = dispatch.reform(|_: MouseEvent| Action::Keep(true));
    let forget = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            super::store::forget();
            dispatch.emit(Action::Keep(false));
        })
    };
    html! {
        <section class="files" aria-labelledby="files-heading">
            <h2 id="files-heading" tabindex="-1">{ format!("Møder ({}) i {} filer", h.meetings.len(), state.docs.len()) }</h2>
            <p role="status">
                { format!("{read} læst") }
                if !failed.is_empty() { { format!(", {} kunne ikke læses", failed.len()) } }
                { ". Sæt kryds ved to filer for at sammenligne dem: A (dagsordenen eller det ældre udkast) og B." }
            </p>
            <ul class="meeting-list">
                { for groups.into_iter().map(|(title, files)| html! {
                    <li class="meeting"><h3>{ title }</h3><ul class="file-list">{ for files.into_iter().map(file) }</ul></li>
                }) }
            </ul>
            if !failed.is_empty() {
                <h3>{ "Kunne ikke læses" }</h3>
                <ul class="file-list">{ for failed.into_iter().map(file) }</ul>
            }
            <div class="compare-actions">
                <button type="button" class="compare" disabled={!ready} onclick={Callback::from(|_: MouseEvent| go("sammenligning"))}>{ "Sammenlign" }</button>
                <button type="button" class="export" onclick={jsonl}>{ "Hent alle som JSON Lines" }</button>
            </div>
            <div class="keep">
                if state.keep {
                    <p data-testid="kept">{ "Gemt i denne browser på denne computer (IndexedDB): filernes analyser vises igen næste gang, også uden net. Intet sendes nogen steder hen." }</p>
                    <button type="button" class="forget" onclick={forget}>{ "Glem alt" }</button>
                } else {
                    <p>{ "Filerne findes kun i denne fane og er væk, når den lukkes. Gem dem, og de vises igen næste gang (i denne browser, på denne computer; intet sendes)." }</p>
                    <button type="button" class="keep-button" onclick={keep}>{ "Gem på denne computer" }</button>
                }
            </div>
        </section>
    }
}

/// "KKR Nordjylland · 11. juni 2021 · 16 punkter, 12 beslutninger".
pub(super) fn meeting_line(a: &Analysis) -> String {
    let kind = if a.meeting.kind.as_deref() == Some("dagsorden") { "Dagsorden" } else { "Referat" };
    let body = a.meeting.body.as_deref().unwrap_or("ukendt organ");
    let date = a.meeting.date.as_deref().map(super::views::danish_date).unwrap_or_else(|| "uden dato".into());
    let decided = a.items.iter().filter(|i| i.decision.is_some()).count();
    format!("{kind}: {body} · {date} · {} punkter, {decided} beslutninger", a.items.len())
}

/// The two picked files item by item: a row per item pair with what changed, changed
/// decisions word by word, and the attendance that differs.
pub fn comparison(state: &State, dispatch: &Callback<Action>) -> Html {
    let Some((a, b)) = state.pair() else { return html! {} };
    let c = compare::compare(&a, &b);
    let look = c.items.iter().filter(|r| r.needs_look(c.checklist)).count();
    let at = &c.attendance;
    let people = at.only_a.len() + at.only_b.len() + at.changed.len();
    html! {
        <section class="comparison" aria-labelledby="compare-heading">
            <h2 id="compare-heading" tabindex="-1">{ if c.checklist { "Dagsorden mod referat" } else { "Sammenligning" } }</h2>
            <p class="pair"><span class="side">{ "A" }</span>{ format!(" {} ", c.a.name) }<span class="side">{ "B" }</span>{ format!(" {}", c.b.name) }</p>
            <div class="compare-actions">
                <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Swap)}>{ "Byt om på A og B" }</button>
                <button type="button" onclick={Callback::from(|_: MouseEvent| go("filer"))}>{ "Tilbage til filerne" }</button>
            </div>
            <p class="compare-summary" data-testid="compare-summary">
                { format!("{} punkter; {look} at se på. Fremmøde: {}.", c.items.len(), match people {
                    0 => "uændret".to_owned(),
                    1 => "1 ændring".to_owned(),
                    n => format!("{n} ændringer"),
                }) }
            </p>
            <label class="only-changes">
                <input type="checkbox" checked={state.only_changes} onchange={dispatch.reform(|_: Event| Action::OnlyChanges)} />
                { " Vis kun punkter med ændringer" }
            </label>
            <table class="compare-rows">
                <thead><tr><th scope="col">{ "A" }</th><th scope="col">{ "B" }</th><th scope="col">{ "Ændring" }</th></tr></thead>
                <tbody>{ for c.items.iter().filter(|r| !state.only_changes || r.change != Change::Same || !r.also.is_empty() || r.needs_look(c.checklist)).map(|r| row(r, c.checklist)) }</tbody>
            </table>
            <h3>{ "Fremmøde" }</h3>
            if people == 0 {
                <p>{ "Ingen forskel i deltagere og afbud." }</p>
            } else {
                <ul class="compare-people">
                    { for at.only_a.iter().map(|p| html! { <li>{ format!("{} står kun i A", p.name) }</li> }) }
                    { for at.only_b.iter().map(|p| html! { <li>{ format!("{} står kun i B", p.name) }</li> }) }
                    { for at.changed.iter().map(|x| html! { <li>{ format!("{}: {} i A, {} i B", x.name, x.a.label_da(), x.b.label_da()) }</li> }) }
                </ul>
            }
        </section>
    }
}

fn row(r: &Row, checklist: bool) -> Html {
    let side = |n: &Option<String>, t: &Option<String>| match n {
        Some(n) => format!("{n} {}", t.as_deref().unwrap_or_default()),
        None => "—".to_owned(),
    };
    let look = r.needs_look(checklist).then_some("look");
    // The same number and title on both sides: shown once.
    let one = r.a == r.b && r.title_a == r.title_b;
    // An unchanged row needs no sentence beside its label.
    let said = if r.change == Change::Same && look.is_none() { String::new() } else { format!(" {}", r.summary_da(checklist)) };
    html! {
        <>
        <tr class={classes!("row", r.change.as_str(), look)} data-change={r.change.as_str()} data-a={r.a.clone()} data-b={r.b.clone()}>
            if one {
                <td colspan="2" data-label="A og B">{ side(&r.a, &r.title_a) }</td>
            } else {
                <td data-label="A">{ side(&r.a, &r.title_a) }</td>
                <td data-label="B">{ side(&r.b, &r.title_b) }</td>
            }
            <td data-label="Ændring"><span class="change">{ r.change.label_da() }</span>{ said }</td>
        </tr>
        if !r.words.is_empty() {
            <tr class="words"><td colspan="3">
                { for r.words.iter().map(|w| match w.op {
                    Op::Same => html! { <span>{ format!("{} ", w.text) }</span> },
                    Op::Delete => html! { <><del><span class="sr-only">{ "slettet: " }</span>{ w.text.clone() }</del>{ " " }</> },
                    Op::Insert => html! { <><ins><span class="sr-only">{ "tilføjet: " }</span>{ w.text.clone() }</ins>{ " " }</> },
                }) }
            </td></tr>
        }
        </>
    }
}
