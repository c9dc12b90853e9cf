//! The views of several files (src/series): "Møder" is in `files.rs`; here "Fremmøde over
//! tid" (each member's status at each meeting, sortable, by party, a member opened),
//! "Beslutninger over tid" (every decision, filtered by outcome and words) and "Søg".
//! Plain view functions over `State`; every change goes through its actions.

use yew::prelude::*;

use super::chart::bars;
use super::state::{Action, Screen, Sort, State};
use super::views::{danish_date, go};
use crate::model::{Analysis, Outcome};
use crate::names;
use crate::series::{self, History, Status};
use crate::text::Lower;

/// Rows shown at most in "Beslutninger over tid"; the rest are counted and found by words.
const MAX_ROWS: usize = 500;

/// The body a file's meeting is of, as the page names it.
fn body_of(a: &Analysis) -> String {
    a.meeting.body.clone().unwrap_or_else(|| "ukendt organ".into())
}

/// The meetings of the visit's files (of one body, or all), and for each the index in
/// `docs` of the file standing for it.
pub fn meetings(state: &State, body: Option<&str>) -> (History, Vec<usize>) {
    let ok: Vec<(usize, &Analysis)> = state
        .docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.outcome.as_ref().ok().map(|a| (i, &**a)))
        .filter(|(_, a)| body.is_none_or(|b| body_of(a) == b))
        .collect();
    let (history, standing) = series::history_of(ok.iter().map(|(_, a)| *a));
    let docs = standing.iter().map(|s| ok.iter().find(|(_, a)| std::ptr::eq(*a, *s)).map_or(0, |(i, _)| *i)).collect();
    (history, docs)
}

/// The links between the views of several files.
pub fn nav(state: &State) -> Html {
    html! {
        <nav class="series-nav" aria-label="Flere filer">
            { for Screen::SERIES.iter().map(|(screen, slug, label)| html! {
                <a href={format!("#{slug}")} aria-current={(state.screen == *screen).then_some("page")}>{ *label }</a>
            }) }
        </nav>
    }
}

/// Opens a file's result at an agenda item (or its agenda).
fn open(dispatch: &Callback<Action>, doc: usize, item: Option<String>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| {
        dispatch.emit(Action::Show(doc));
        go(&item.as_ref().map_or("dagsorden".to_owned(), |n| format!("punkt-{n}")));
    })
}

/// "11.6.2021".
fn short_date(iso: Option<&str>) -> String {
    match iso.map(|d| d.split('-').collect::<Vec<_>>()).as_deref() {
        Some([y, m, d]) => format!("{}.{}.{y}", d.trim_start_matches('0'), m.trim_start_matches('0')),
        _ => "uden dato".to_owned(),
    }
}

/// A status's sign in the grid, its words, and its cell's class.
fn status_sign(s: Status) -> (&'static str, &'static str, &'static str) {
    match s {
        Status::Present => ("✓", "til stede", "status til-stede"),
        Status::Absent => ("A", "afbud", "status afbud"),
        Status::Substitute => ("S", "stedfortræder", "status stedfortraeder"),
        Status::NotListed => ("·", "ikke nævnt", "status ikke-nævnt"),
    }
}

/// "Fremmøde over tid" of one body (the one with the most files, or the one chosen): a
/// member is one body's member, and a grid of every body's people would be no one's.
pub fn history(state: &State, dispatch: &Callback<Action>) -> Html {
    let mut bodies: Vec<(String, usize)> = Vec::new();
    for a in state.docs.iter().filter_map(|d| d.outcome.as_ref().ok()) {
        let b = body_of(a);
        match bodies.iter_mut().find(|(x, _)| *x == b) {
            Some(row) => row.1 += 1,
            None => bodies.push((b, 1)),
        }
    }
    bodies.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let chosen = state.body.clone().filter(|b| bodies.iter().any(|(x, _)| x == b)).or_else(|| bodies.first().map(|b| b.0.clone()));
    let (h, docs) = meetings(state, chosen.as_deref());
    let on_body = dispatch.reform(|e: Event| Action::Body(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
    let m = &h.members;
    let mut order: Vec<usize> = (0..m.len()).collect();
    // One comparison for every order (each sort instantiation costs the page code).
    let key = |i: usize| -> (String, u32, String) {
        let x = &m[i];
        match state.sort {
            Sort::Listed => (String::new(), i as u32, String::new()),
            Sort::Name => (x.name.lower(), 0, String::new()),
            Sort::Party => (x.party.clone().unwrap_or_default(), 0, x.name.lower()),
            Sort::Rate => (String::new(), x.rate.map_or(u32::MAX, |r| (r * 1000.0) as u32), x.name.lower()),
        }
    };
    order.sort_by_cached_key(|&i| key(i));
    let sort_button = |label: &'static str, sort: Sort| {
        let pressed = state.sort == sort;
        html! {
            <button type="button" class="sort" aria-pressed={pressed.to_string()} onclick={dispatch.reform(move |_: MouseEvent| Action::Sort(sort))}>
                { label }{ if pressed { " ▲" } else { "" } }
            </button>
        }
    };
    let csv = {
        let h = h.clone();
        Callback::from(move |_: MouseEvent| {
            super::export::download(&crate::export::csv_history(&h), "fremmoede-over-tid.csv", "text/csv;charset=utf-8")
        })
    };
    let mut by_party: Vec<(String, usize, usize)> = Vec::new();
    for x in m {
        let p = x.party.clone().unwrap_or_else(|| "?".into());
        match by_party.iter_mut().find(|(q, _, _)| *q == p) {
            Some(row) => (row.1, row.2) = (row.1 + x.present, row.2 + x.absent),
            None => by_party.push((p, x.present, x.absent)),
        }
    }
    by_party.sort();
    let per_member: Vec<(String, usize, usize)> = order.iter().map(|&i| (m[i].name.clone(), m[i].present, m[i].absent)).collect();
    html! {
        <section class="series" aria-labelledby="history-heading">
            <h2 id="history-heading">{ "Fremmøde over tid" }</h2>
            if bodies.len() > 1 {
                <div class="filters">
                    <label for="history-body">{ "Organ" }</label>
                    <select id="history-body" onchange={on_body}>
                        { for bodies.iter().map(|(b, n)| html! { <option value={b.clone()} selected={chosen.as_deref() == Some(b.as_str())}>{ format!("{b} ({n} filer)") }</option> }) }
                    </select>
                </div>
            }
            <p data-testid="history-count">{ format!("{} medlemmer, {} møder. ✓ til stede, A afbud, · ikke nævnt. Vælg et navn for at se medlemmets møder.", m.len(), h.meetings.len()) }</p>
            <div class="sorts">{ "Sortér: " }{ sort_button("Som listet", Sort::Listed) }{ sort_button("Navn", Sort::Name) }{ sort_button("Parti", Sort::Party) }{ sort_button("Laveste fremmøde", Sort::Rate) }
                <button type="button" class="export" onclick={csv}>{ "Hent som CSV" }</button>
            </div>
            <div class="grid-scroll" role="region" aria-label="Fremmøde pr. medlem og møde" tabindex="0">
                <table class="history-grid">
                    <thead><tr>
                        <th scope="col">{ "Navn" }</th><th scope="col">{ "Parti" }</th>
                        { for h.meetings.iter().zip(&docs).map(|(meeting, &doc)| html! {
                            <th scope="col"><button type="button" class="meeting" title={meeting.body.clone().unwrap_or_default()} onclick={open(dispatch, doc, None)}>
                                { short_date(meeting.date.as_deref()) }
                            </button></th>
                        }) }
                        <th scope="col">{ "Til stede" }</th><th scope="col">{ "Afbud" }</th><th scope="col">{ "Andel" }</th>
                    </tr></thead>
                    <tbody>
                        { for order.iter().map(|&i| {
                            let x = &m[i];
                            let name = x.name.clone();
                            let listed = x.present + x.absent;
                            html! {
                                <tr>
                                    <th scope="row"><button type="button" class="member" onclick={dispatch.reform(move |_: MouseEvent| Action::Member(Some(name.clone())))}>{ x.name.clone() }</button></th>
                                    <td>{ x.party.clone().unwrap_or_default() }</td>
                                    { for x.attendance.iter().map(|s| {
                                        let (sign, label, class) = status_sign(*s);
                                        html! { <td {class} title={label}><span aria-hidden="true">{ sign }</span><span class="sr-only">{ label }</span></td> }
                                    }) }
                                    <td>{ x.present }</td><td>{ x.absent }</td>
                                    <td>{ (x.present * 100 + listed / 2).checked_div(listed).map_or("–".into(), |p| format!("{p} %")) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { member_detail(state, dispatch, &h, &docs) }
            <div class="charts">
                <div><h3>{ "Fremmøde pr. parti" }</h3>{ bars(&by_party) }</div>
                <div><h3>{ "Fremmøde pr. medlem" }</h3>{ bars(&per_member) }</div>
            </div>
        </section>
    }
}

/// The member opened: each meeting with their status, and the items they were away for.
fn member_detail(state: &State, dispatch: &Callback<Action>, h: &History, docs: &[usize]) -> Html {
    let Some(name) = &state.member else { return html! {} };
    let id = names::identity(name);
    let Some(member) = h.members.iter().find(|x| names::identity(&x.name) == id) else { return html! {} };
    let rows = h.meetings.iter().zip(docs).zip(&member.attendance).map(|((meeting, &doc), status)| {
        let away: Vec<String> = state.docs[doc]
            .outcome
            .as_ref()
            .map(|a| {
                a.items.iter().filter(|i| i.absent.iter().any(|n| names::identity(n) == id)).map(|i| i.number.clone()).collect()
            })
            .unwrap_or_default();
        html! {
            <li>
                <button type="button" class="meeting" onclick={open(dispatch, doc, None)}>
                    { format!("{} {}", meeting.date.as_deref().map(danish_date).unwrap_or_else(|| "uden dato".into()), meeting.body.clone().unwrap_or_default()) }
                </button>
                { format!(": {}", status_sign(*status).1) }
                if !away.is_empty() { { format!("; fraværende under punkt {}", away.join(", ")) } }
            </li>
        }
    });
    html! {
        <section class="member-detail" aria-label={format!("{}s møder", member.name)}>
            <h3>{ format!("{}{}", member.name, member.party.as_ref().map(|p| format!(" ({p})")).unwrap_or_default()) }</h3>
            <ul>{ for rows }</ul>
            <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Member(None))}>{ "Luk" }</button>
        </section>
    }
}

/// Byte ranges of `words` (lower case) in `text`: leftmost, not overlapping.
fn find(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    let lower = text.lower();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in words.iter().filter(|w| !w.is_empty()) {
        out.extend(lower.match_indices(w.as_str()).map(|(at, m)| (at, at + m.len())));
    }
    out.sort_unstable();
    out.dedup_by(|b, a| b.0 < a.1);
    out
}

/// The text with the ranges in <mark>.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        parts.push(html! { { text[at..s].to_owned() } });
        parts.push(html! { <mark>{ text[s..e].to_owned() }</mark> });
        at = e;
    }
    parts.push(html! { { text[at..].to_owned() } });
    parts.into_iter().collect::<Html>()
}

/// "Beslutninger over tid".
pub fn decisions(state: &State, dispatch: &Callback<Action>) -> Html {
    let (h, docs) = meetings(state, None);
    let words: Vec<String> = state.words.lower().split_whitespace().map(str::to_owned).collect();
    let mut rows: Vec<Html> = Vec::new();
    let mut found = 0;
    for (meeting, &doc) in h.meetings.iter().zip(&docs) {
        let Ok(a) = &state.docs[doc].outcome else { continue };
        for item in &a.items {
            let Some(d) = &item.decision else { continue };
            if state.outcome.is_some_and(|o| o != d.outcome) {
                continue;
            }
            let (in_title, in_text) = (find(&item.title, &words), find(&d.text, &words));
            let all = words.iter().all(|w| item.title.lower().contains(w.as_str()) || d.text.lower().contains(w.as_str()));
            if !all {
                continue;
            }
            found += 1;
            if rows.len() == MAX_ROWS {
                continue;
            }
            rows.push(html! {
                <tr>
                    <td>{ short_date(meeting.date.as_deref()) }</td>
                    <td>{ meeting.body.clone().unwrap_or_default() }</td>
                    <td><button type="button" class="item-link" onclick={open(dispatch, doc, Some(item.number.clone()))}>{ item.number.clone() }</button></td>
                    <td class="title">{ marked(&item.title, &in_title) }</td>
                    <td>{ super::views::outcome_label(d.outcome) }</td>
                    <td class="text">{ marked(&d.text, &in_text) }</td>
                </tr>
            });
        }
    }
    let on_words = dispatch.reform(|e: InputEvent| Action::Words(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
    let on_outcome = dispatch.reform(|e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Action::Outcome(Outcome::ALL.into_iter().find(|o| o.as_str() == v))
    });
    html! {
        <section class="series" aria-labelledby="decisions-heading">
            <h2 id="decisions-heading">{ "Beslutninger over tid" }</h2>
            <div class="filters">
                <label for="decision-words">{ "Ord" }</label>
                <input id="decision-words" type="search" value={state.words.clone()} oninput={on_words} placeholder="fx skole" />
                <label for="decision-outcome">{ "Udfald" }</label>
                <select id="decision-outcome" onchange={on_outcome}>
                    <option value="" selected={state.outcome.is_none()}>{ "Alle" }</option>
                    { for Outcome::ALL.iter().map(|o| html! { <option value={o.as_str()} selected={state.outcome == Some(*o)}>{ o.label_da() }</option> }) }
                </select>
            </div>
            <p role="status" data-testid="decision-count">
                { format!("{found} beslutninger") }
                if found > MAX_ROWS { { format!("; de første {MAX_ROWS} vises, skriv ord for at finde resten") } }
            </p>
            <table class="decisions over-time">
                <thead><tr>
                    <th scope="col">{ "Dato" }</th><th scope="col">{ "Organ" }</th><th scope="col">{ "Punkt" }</th>
                    <th scope="col">{ "Titel" }</th><th scope="col">{ "Udfald" }</th><th scope="col">{ "Beslutning" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}

/// "Søg": hits grouped by file and item, the words marked.
pub fn search(state: &State, dispatch: &Callback<Action>, index: &series::search::Index) -> Html {
    let hits = index.search(&state.query, 200);
    let mut groups: Vec<(usize, Vec<&series::search::Hit>)> = Vec::new();
    for hit in &hits {
        match groups.last_mut() {
            Some((doc, list)) if *doc == hit.doc => list.push(hit),
            _ => groups.push((hit.doc, vec![hit])),
        }
    }
    let on_query = dispatch.reform(|e: InputEvent| Action::Query(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
    html! {
        <section class="series" aria-labelledby="search-heading">
            <h2 id="search-heading">{ "Søg i alle filer" }</h2>
            <label for="search-input">{ "Ord at søge efter (titler, beslutninger, indstillinger, navne)" }</label>
            <input id="search-input" type="search" value={state.query.clone()} oninput={on_query} placeholder="fx skole budget" />
            <p role="status" data-testid="hit-count">
                { if state.query.trim().is_empty() { String::new() } else if hits.is_empty() { format!("Ingen træf for »{}«.", state.query.trim()) } else { format!("{} træf i {} filer.", hits.len(), groups.len()) } }
            </p>
            { for groups.iter().map(|(doc, list)| html! {
                <div class="hits">
                    <h3>{ format!("{}: {}", state.docs[*doc].file, state.docs[*doc].outcome.as_ref().map(|a| super::files::meeting_line(a)).unwrap_or_default()) }</h3>
                    <ul>
                        { for list.iter().map(|hit| html! {
                            <li>
                                <button type="button" class="item-link" onclick={open(dispatch, *doc, hit.item.clone())}>
                                    { format!("{} {}", hit.item.clone().unwrap_or_default(), hit.title) }
                                </button>
                                { for hit.fields.iter().map(|s| html! {
                                    <p class="snippet"><span class="field">{ format!("{}: ", s.field.label_da()) }</span>{ marked(&s.text, &s.marks) }</p>
                                }) }
                            </li>
                        }) }
                    </ul>
                </div>
            }) }
        </section>
    }
}
