//! The result: a summary, then the agenda, the attendance and the decisions as tabs.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::bars;
use super::export::export_bar;
use super::state::Tab;
use crate::model::{Analysis, FindingCode, Item, Person, SectionKind, Severity};

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub analysis: Rc<Analysis>,
    pub tab: Tab,
    pub on_tab: Callback<Tab>,
}

#[function_component(Result)]
pub fn result(p: &ResultProps) -> Html {
    let a = &p.analysis;
    let review_label = format!("Gennemgang ({})", a.findings.len());
    let tabs = [
        (Tab::Agenda, "Dagsorden".to_owned()),
        (Tab::Attendance, "Fremmøde".to_owned()),
        (Tab::Decisions, "Beslutninger".to_owned()),
        (Tab::Review, review_label),
    ];
    // The item a finding points to: the agenda opens it and scrolls to it.
    let focus = use_state(|| None::<String>);
    let show_item = {
        let focus = focus.clone();
        let on_tab = p.on_tab.clone();
        Callback::from(move |number: String| {
            focus.set(Some(number));
            on_tab.emit(Tab::Agenda);
        })
    };
    let tab_buttons = tabs.iter().map(|(t, label)| {
        let on_tab = p.on_tab.clone();
        let t = *t;
        let selected = p.tab == t;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()}
                    class={classes!("tab", selected.then_some("selected"))}
                    onclick={Callback::from(move |_: MouseEvent| on_tab.emit(t))}>{ label.clone() }</button>
        }
    });
    html! {
        <>
            { summary(a) }
            { notices(a) }
            { export_bar(a) }
            <nav class="tabs" role="tablist" aria-label="Visning">{ for tab_buttons }</nav>
            <section class="view" role="tabpanel">
                { match p.tab {
                    Tab::Agenda => html! { <Agenda analysis={a.clone()} focus={(*focus).clone()} /> },
                    Tab::Attendance => attendance_view(a),
                    Tab::Decisions => decisions(a),
                    Tab::Review => review(a, &show_item),
                } }
            </section>
            <section class="print-only" aria-hidden="true">
                { decisions(a) }
                { attendance_view(a) }
            </section>
        </>
    }
}

/// "2021-06-11" -> "11. juni 2021".
fn danish_date(iso: &str) -> String {
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
            <h2>{ format!("{kind}: {}", m.body.clone().unwrap_or_else(|| "ukendt organ".into())) }</h2>
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

/// "Gennemgang": what a reviewer of the draft should look at; a finding about an item
/// shows that item in the agenda.
fn review(a: &Analysis, on_show: &Callback<String>) -> Html {
    let f = &a.findings;
    if f.is_empty() {
        return html! { <p class="no-findings">{ "Ingen bemærkninger: intet i referatet ser forkert ud." }</p> };
    }
    html! {
        <ul class="findings">
            { for f.iter().map(|f| {
                let (class, label) = (f.severity.as_str(), f.severity.label_da());
                let show = f.item.clone().map(|n| {
                    let on_show = on_show.clone();
                    let target = n.clone();
                    html! { <button type="button" class="show-item" onclick={Callback::from(move |_: MouseEvent| on_show.emit(target.clone()))}>{ format!("Vis punkt {n}") }</button> }
                });
                html! {
                    <li class={classes!("finding", class)} data-code={f.code.as_str()}>
                        <span class="severity">{ label }</span>
                        <span class="message">{ f.message.clone() }</span>
                        { show.unwrap_or_default() }
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
}

#[function_component(Agenda)]
fn agenda(p: &AgendaProps) -> Html {
    let items = &p.analysis.items;
    use_effect_with(p.focus.clone(), |focus| {
        let target = focus.as_ref().and_then(|n| web_sys::window()?.document()?.get_element_by_id(&format!("punkt-{n}")));
        if let Some(el) = target {
            el.scroll_into_view();
        }
    });
    if items.is_empty() {
        return html! { <p>{ "Ingen dagsordenspunkter fundet." }</p> };
    }
    html! {
        <ol class="agenda">
            { for items.iter().map(|i| agenda_item(i, p.focus.as_deref() == Some(i.number.as_str()))) }
        </ol>
    }
}

fn agenda_item(item: &Item, focused: bool) -> Html {
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
        return html! { <li {id} class={classes!("item", level, "empty", focus)}><div class="item-head">{ head }</div></li> };
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
                        <details class={classes!("part", (s.kind == SectionKind::Beslutning).then_some("decision"))}>
                            <summary>{ heading }</summary>
                            <div class="text">{ paragraphs(&s.text) }</div>
                        </details>
                    }
                }) }
            </details>
        </li>
    }
}

fn outcome_label(outcome: crate::model::Outcome) -> Html {
    html! { <span class={classes!("outcome", outcome.as_str())}>{ outcome.label_da() }</span> }
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
    let rate = s.rate.map(|r| format!("{:.0} %", r * 100.0)).unwrap_or_else(|| "–".into());
    let party_bars: Vec<(String, usize, usize)> = s.by_party.iter().map(|c| (c.party.clone(), c.present, c.absent)).collect();
    let muni_bars: Vec<(String, usize, usize)> = s.by_municipality.iter().map(|c| (c.municipality.clone(), c.present, c.absent)).collect();
    html! {
        <div class="attendance">
            <p class="rate">{ format!("{} til stede, {} afbud – fremmøde {rate}", s.present, s.absent) }</p>
            <div class="tables">
                { people_table("Deltagere", &at.present) }
                { people_table("Afbud", &at.absent) }
            </div>
            { per_item_absence(&a.items) }
            <div class="charts">
                <figure>
                    <figcaption>{ "Fremmøde efter parti" }</figcaption>
                    { bars(&party_bars) }
                </figure>
                <figure>
                    <figcaption>{ "Fremmøde efter kommune" }</figcaption>
                    { bars(&muni_bars) }
                </figure>
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
                        <td>{ p.name.clone() }</td>
                        <td>{ p.party.clone().unwrap_or_default() }</td>
                        <td>{ p.municipality.clone().unwrap_or_default() }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn decisions(a: &Analysis) -> Html {
    let rows: Vec<&Item> = a.items.iter().filter(|i| i.decision.is_some()).collect();
    if rows.is_empty() {
        return html! { <p>{ "Ingen beslutninger fundet." }</p> };
    }
    html! {
        <table class="decisions">
            <thead><tr>
                <th scope="col">{ "Punkt" }</th><th scope="col">{ "Titel" }</th><th scope="col">{ "Udfald" }</th>
                <th scope="col">{ "Beslutning" }</th><th scope="col">{ "Indstilling" }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|i| {
                    let d = i.decision.as_ref().expect("filtered on decision");
                    let recommendation = i.sections.iter().find(|s| s.kind == SectionKind::Indstilling).map(|s| s.text.clone()).unwrap_or_default();
                    html! {
                        <tr>
                            <td class="num">{ i.number.clone() }</td>
                            <td>{ i.title.clone() }</td>
                            <td>{ outcome_label(d.outcome) }</td>
                            <td class="text">{ paragraphs(&d.text) }</td>
                            <td class="text">{ paragraphs(&recommendation) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
