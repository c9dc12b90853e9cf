//! The result: a summary, then the agenda, the attendance and the decisions as tabs.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::bars;
use super::export::export_bar;
use super::route::Tab;
use crate::model::{Analysis, FindingCode, Item, Person, SectionKind, Severity};

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub analysis: Rc<Analysis>,
    pub tab: Tab,
    /// The agenda item the address asks for ("#punkt-3.4").
    pub item: Option<String>,
}

/// Points the address at a view or an item: a new history entry, so Back returns to the
/// view before. `page.rs` follows the address.
pub(super) fn go(fragment: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(fragment);
    }
}

/// The page's element with this id, to focus or scroll to.
pub(super) fn element(id: &str) -> Option<web_sys::HtmlElement> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    wasm_bindgen::JsCast::dyn_into(el).ok()
}

/// The tab's label ("Gennemgang (3)").
fn tab_label(tab: Tab, a: &Analysis) -> String {
    match tab {
        Tab::Agenda => "Dagsorden".to_owned(),
        Tab::Attendance => "Fremmøde".to_owned(),
        Tab::Decisions => "Beslutninger".to_owned(),
        Tab::Review => format!("Gennemgang ({})", a.findings.len()),
    }
}

/// The result: summary, notices, exports, and the four views as WAI-ARIA tabs (one tab
/// stop, arrow keys, Home/End). Every panel stays in the page, hidden when not chosen, so
/// what is opened in one stays open when coming back to it. A new result shows the chosen
/// view first and builds the hidden ones once it is on screen: building all four at once
/// kept the first paint waiting for views nobody sees yet.
#[function_component(Result)]
pub fn result(p: &ResultProps) -> Html {
    let a = &p.analysis;
    let key = Rc::as_ptr(a) as usize;
    // The result whose hidden views are built.
    let built = use_state_eq(|| 0usize);
    {
        // A new result: its heading takes focus and comes into view (unless the address
        // asks for an item, which the agenda shows), and once it is on screen the hidden
        // views and the agenda's texts (in closed details) are built.
        let built = built.clone();
        let to_heading = p.item.is_none();
        use_effect_with(key, move |&key| {
            if let Some(h) = element("result-heading").filter(|_| to_heading) {
                let _ = h.focus();
                h.scroll_into_view();
            }
            wasm_bindgen_futures::spawn_local(async move {
                super::worker::next_frame().await;
                built.set(key);
            });
        });
    }
    let all = *built == key;
    let current = p.tab;
    let on_key = Callback::from(move |e: KeyboardEvent| {
        let n = Tab::ALL.len();
        let i = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
        let next = match e.key().as_str() {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        e.prevent_default();
        let t = Tab::ALL[next];
        if let Some(b) = element(&format!("tab-{}", t.slug())) {
            let _ = b.focus();
        }
        go(t.slug());
    });
    let tab_buttons = Tab::ALL.iter().map(|&t| {
        let selected = p.tab == t;
        html! {
            <button type="button" role="tab" id={format!("tab-{}", t.slug())} aria-controls={format!("panel-{}", t.slug())}
                    aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                    class={classes!("tab", selected.then_some("selected"))}
                    onclick={Callback::from(move |_: MouseEvent| go(t.slug()))}>{ tab_label(t, a) }</button>
        }
    });
    let panels = Tab::ALL.iter().map(|&t| {
        let body = match t {
            _ if !all && p.tab != t => Html::default(),
            Tab::Agenda => html! { <Agenda analysis={a.clone()} focus={p.item.clone()} texts={all} /> },
            Tab::Attendance => attendance_view(a),
            Tab::Decisions => decisions(a),
            Tab::Review => review(a),
        };
        // Printing shows the decisions and the attendance, whichever view is chosen.
        let print = matches!(t, Tab::Attendance | Tab::Decisions).then_some("print");
        html! {
            <section class={classes!("view", print)} role="tabpanel" id={format!("panel-{}", t.slug())}
                     aria-labelledby={format!("tab-{}", t.slug())} tabindex="0" hidden={p.tab != t}>
                <h3 class="view-title">{ tab_label(t, a) }</h3>
                { body }
            </section>
        }
    });
    html! {
        <>
            { summary(a) }
            { notices(a) }
            { export_bar(a) }
            <div class="tabs" role="tablist" aria-label="Visning" onkeydown={on_key}>{ for tab_buttons }</div>
            { for panels }
        </>
    }
}

/// "2021-06-11" -> "11. juni 2021".
pub(super) fn danish_date(iso: &str) -> String {
    use crate::vocab::MONTHS;
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => format!("{d}. {} {y}", MONTHS[m - 1]),
            _ => iso.to_owned(),
        },
        _ => iso.to_owned(),
    }
}

fn or_unknown(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "ikke angivet".into())
}

/// The view functions below are plain functions, not components: they hold no state,
/// and every component costs the page a few KB of code.
fn summary(a: &Analysis) -> Html {
    let m = &a.meeting;
    let decisions = a.items.iter().filter(|i| i.decision.is_some()).count();
    let kind = match m.kind.as_deref() {
        Some("dagsorden") => "Dagsorden",
        _ => "Referat",
    };
    html! {
        <section class="summary" aria-label="Resumé">
            <h2 id="result-heading" tabindex="-1">{ format!("{kind}: {}", m.body.clone().unwrap_or_else(|| "ukendt organ".into())) }</h2>
            <dl>
                { fact("Dato", m.date.as_deref().map(danish_date).unwrap_or_else(|| "ikke angivet".into()), None) }
                { fact("Tidspunkt", m.start_time.as_deref().map(|t| format!("kl. {t}")).unwrap_or_else(|| "ikke angivet".into()), None) }
                { fact("Sted", or_unknown(&m.location), None) }
                { fact("Punkter", a.items.len().to_string(), Some("item-count")) }
                { fact("Beslutninger", decisions.to_string(), Some("decision-count")) }
                if stated(&a.attendance) {
                    { fact("Til stede", a.attendance.present.len().to_string(), Some("present-count")) }
                    { fact("Afbud", a.attendance.absent.len().to_string(), Some("absent-count")) }
                } else {
                    { fact("Fremmøde", NOT_STATED.to_owned(), Some("attendance-not-stated")) }
                }
            </dl>
            <p class="source">{ format!("Fil: {} ({}, {} byte)", a.source.name, a.source.format, a.source.bytes) }</p>
        </section>
    }
}

fn fact(label: &str, value: String, test_id: Option<&'static str>) -> Html {
    html! { <div class="fact"><dt>{ label.to_owned() }</dt><dd data-testid={test_id}>{ value }</dd></div> }
}

/// Warnings about the document as a whole (repeated content, truncation, encoding), shown
/// under the summary; everything is also in "Gennemgang".
fn notices(a: &Analysis) -> Html {
    let f: Vec<_> =
        a.findings.iter().filter(|f| f.severity != Severity::Info && (f.item.is_none() || f.code == FindingCode::Truncated)).collect();
    if f.is_empty() {
        return html! {};
    }
    html! {
        <ul class="notices" aria-label="Bemærkninger">
            { for f.iter().map(|f| html! { <li class={f.severity.as_str()}>{ f.message.clone() }</li> }) }
        </ul>
    }
}

/// "Gennemgang": what a reviewer of the draft should look at. The same finding made many
/// times ("Punktnummeret 21 bruges to gange" for every copy) is one line with its count and
/// the items it concerns; a finding about an item shows that item in the agenda.
fn review(a: &Analysis) -> Html {
    let f = &a.findings;
    if f.is_empty() {
        return html! { <p class="no-findings">{ "Ingen bemærkninger: intet i referatet ser forkert ud." }</p> };
    }
    // Only an item the agenda has can be shown ("Punkt 3.3 mangler" names one it lacks).
    let shown = |n: &&str| a.items.iter().any(|i| i.number == *n);
    let mut groups: Vec<(&crate::model::Finding, usize, Vec<&str>)> = Vec::new();
    for x in f {
        match groups.iter_mut().find(|(g, _, _)| g.code == x.code && g.message == x.message) {
            Some((_, count, items)) => {
                *count += 1;
                items.extend(x.item.as_deref().filter(shown).filter(|n| !items.contains(n)));
            }
            None => groups.push((x, 1, x.item.as_deref().filter(shown).into_iter().collect())),
        }
    }
    const SHOWN: usize = 12;
    html! {
        <ul class="findings">
            { for groups.iter().map(|(f, count, items)| {
                let (class, label) = (f.severity.as_str(), f.severity.label_da());
                html! {
                    <li class={classes!("finding", class)} data-code={f.code.as_str()}>
                        <span class="severity">{ label }</span>
                        <span class="message">{ f.message.clone() }</span>
                        if *count > 1 { <span class="count">{ format!("{count} gange") }</span> }
                        { for items.iter().take(SHOWN).map(|n| {
                            let target = format!("punkt-{n}");
                            html! { <button type="button" class="show-item" onclick={Callback::from(move |_: MouseEvent| go(&target))}>{ format!("Vis punkt {n}") }</button> }
                        }) }
                        if items.len() > SHOWN { <span class="more">{ format!("og {} punkter mere", items.len() - SHOWN) }</span> }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Paragraphs of document text, as text: never parsed as HTML.
fn paragraphs(text: &str) -> Html {
    html! { <>{ for text.split("\n\n").map(|p| html! { <p>{ p.to_owned() }</p> }) }</> }
}

#[derive(Properties, PartialEq)]
pub struct AgendaProps {
    pub analysis: Rc<Analysis>,
    pub focus: Option<String>,
    /// The parts' texts, inside closed details: left out of the first paint of a new
    /// result (only the item asked for opens with its text), put in a frame later.
    pub texts: bool,
}

#[function_component(Agenda)]
fn agenda(p: &AgendaProps) -> Html {
    let items = &p.analysis.items;
    // The item asked for comes into view and takes focus (its heading, a summary).
    use_effect_with(p.focus.clone(), |focus| {
        let Some(n) = focus else { return };
        if let Some(el) = element(&format!("punkt-{n}")) {
            el.scroll_into_view();
            let head = el.query_selector("summary, .item-head").ok().flatten();
            if let Some(h) = head.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
                let _ = h.focus();
            }
        }
    });
    if items.is_empty() {
        return html! { <p>{ "Ingen dagsordenspunkter fundet." }</p> };
    }
    html! {
        <ol class="agenda">
            { for items.iter().map(|i| {
                let focused = p.focus.as_deref() == Some(i.number.as_str());
                agenda_item(i, focused, p.texts || focused)
            }) }
        </ol>
    }
}

fn agenda_item(item: &Item, focused: bool, texts: bool) -> Html {
    let head = html! {
        <>
            <span class="num">{ item.number.clone() }</span>
            <span class="title">{ item.title.clone() }</span>
            if let Some(case) = &item.case { <span class="case">{ case.clone() }</span> }
            if let Some(d) = &item.decision { { outcome_label(d.outcome) } }
        </>
    };
    let level = format!("level-{}", item.level.min(4));
    let id = format!("punkt-{}", item.number);
    let focus = focused.then_some("focused");
    if item.sections.is_empty() {
        return html! { <li {id} class={classes!("item", level, "empty", focus)}><div class="item-head" tabindex="-1">{ head }</div></li> };
    }
    html! {
        <li {id} class={classes!("item", level, focus)}>
            <details open={focused}>
                <summary class="item-head">{ head }</summary>
                if !item.absent.is_empty() {
                    <p class="item-absent">{ format!("Fraværende under punktet: {}", item.absent.join(", ")) }</p>
                }
                { for item.sections.iter().map(|s| {
                    let heading = if s.heading.is_empty() { "Tekst".to_owned() } else { s.heading.clone() };
                    html! {
                        // The item asked for opens at its decision.
                        <details class={classes!("part", (s.kind == SectionKind::Beslutning).then_some("decision"))}
                                 open={focused && s.kind == SectionKind::Beslutning}>
                            <summary>{ heading }</summary>
                            <div class="text">if texts { { paragraphs(&s.text) } }</div>
                        </details>
                    }
                }) }
            </details>
        </li>
    }
}

pub(super) fn outcome_label(outcome: crate::model::Outcome) -> Html {
    html! { <span class={classes!("outcome", outcome.as_str())}>{ outcome.label_da() }</span> }
}

/// A chart label for people whose party or municipality the document does not give.
fn unstated(label: &str) -> bool {
    matches!(label.trim(), "" | "?" | "-")
}

/// What the page says where the document records no attendance at all.
const NOT_STATED: &str = "Ikke angivet i referatet";

/// Whether the document says anything about who attended.
fn stated(a: &crate::model::Attendance) -> bool {
    !a.present.is_empty() || !a.absent.is_empty()
}

fn attendance_view(a: &Analysis) -> Html {
    let at = &a.attendance;
    if !stated(at) {
        return html! {
            <div class="attendance">
                <p class="rate not-stated">{ format!("{NOT_STATED}: referatet har ingen liste over deltagere eller afbud.") }</p>
                { per_item_absence(&a.items) }
            </div>
        };
    }
    let s = &at.stats;
    // Whole percent by integer arithmetic, as the charts: f64 formatting costs the page 4 KB.
    let total = s.present + s.absent;
    let rate = s.rate.map(|_| format!("{} %", (s.present * 100 + total / 2) / total.max(1))).unwrap_or_else(|| "–".into());
    let party_bars: Vec<(String, usize, usize)> = s.by_party.iter().map(|c| (c.party.clone(), c.present, c.absent)).collect();
    let muni_bars: Vec<(String, usize, usize)> = s.by_municipality.iter().map(|c| (c.municipality.clone(), c.present, c.absent)).collect();
    // Only what the document states is charted: a chart of nothing but "ikke angivet" goes.
    let charted = |rows: &[(String, usize, usize)]| rows.iter().any(|(l, _, _)| !unstated(l));
    html! {
        <div class="attendance">
            <p class="rate">{ format!("{} til stede, {} afbud – fremmøde {rate}", s.present, s.absent) }</p>
            <div class="tables">
                { people_table("Deltagere", &at.present) }
                { people_table("Afbud", &at.absent) }
            </div>
            { per_item_absence(&a.items) }
            <div class="charts">
                if charted(&party_bars) {
                    <figure>
                        <figcaption>{ "Fremmøde efter parti" }</figcaption>
                        { bars(&party_bars) }
                    </figure>
                }
                if charted(&muni_bars) {
                    <figure>
                        <figcaption>{ "Fremmøde efter kommune" }</figcaption>
                        { bars(&muni_bars) }
                    </figure>
                }
            </div>
        </div>
    }
}

/// Who the items themselves say was absent, and for which items.
fn per_item_absence(items: &[Item]) -> Html {
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for item in items {
        for name in &item.absent {
            match rows.iter_mut().find(|(n, _)| n == name) {
                Some((_, list)) => list.push(item.number.clone()),
                None => rows.push((name.clone(), vec![item.number.clone()])),
            }
        }
    }
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <table class="people item-absence">
            <caption>{ "Fravær angivet under de enkelte punkter" }</caption>
            <thead><tr><th scope="col">{ "Navn" }</th><th scope="col">{ "Punkter" }</th></tr></thead>
            <tbody>
                { for rows.into_iter().map(|(name, numbers)| html! {
                    <tr><td>{ name }</td><td>{ numbers.join(", ") }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

fn people_table(caption: &str, people: &[Person]) -> Html {
    html! {
        <table class="people">
            <caption>{ format!("{caption} ({})", people.len()) }</caption>
            <thead><tr><th scope="col">{ "Navn" }</th><th scope="col">{ "Parti" }</th><th scope="col">{ "Kommune" }</th></tr></thead>
            <tbody>
                { for people.iter().map(|p| html! {
                    <tr title={p.raw.clone()}>
                        <td>
                            { p.role.as_ref().map_or_else(|| p.name.clone(), |r| format!("{}, {r}", p.name)) }
                            if let Some(s) = &p.substitute_for { <span class="substitute">{ format!("stedfortræder for {s}") }</span> }
                        </td>
                        <td>{ p.party.clone().unwrap_or_default() }</td>
                        <td>{ p.municipality.clone().unwrap_or_default() }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// One row a decision: the decision first, what was recommended folded under it.
fn decisions(a: &Analysis) -> Html {
    let rows: Vec<&Item> = a.items.iter().filter(|i| i.decision.is_some()).collect();
    if rows.is_empty() {
        return html! { <p>{ "Ingen beslutninger fundet." }</p> };
    }
    html! {
        <table class="decisions">
            <thead><tr>
                <th scope="col">{ "Punkt" }</th><th scope="col">{ "Titel" }</th><th scope="col">{ "Udfald" }</th>
                <th scope="col">{ "Beslutning og indstilling" }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|i| {
                    let d = i.decision.as_ref().expect("filtered on decision");
                    let recommendation = i.sections.iter().find(|s| s.kind == SectionKind::Indstilling).map(|s| s.text.as_str());
                    html! {
                        <tr>
                            <td class="num">{ i.number.clone() }</td>
                            <td class="title">{ i.title.clone() }</td>
                            <td class="outcome-cell">{ outcome_label(d.outcome) }</td>
                            <td class="text">
                                <div class="decision-text">{ paragraphs(&d.text) }</div>
                                { super::votes::votes(d) }
                                { super::votes::trail(&i.trail) }
                                if let Some(r) = recommendation.filter(|r| !r.trim().is_empty()) {
                                    <details class="recommendation">
                                        <summary>{ "Indstilling" }</summary>
                                        { paragraphs(r) }
                                    </details>
                                }
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
