//! What a decision says beyond its text: the votes (a bar of the counts and a line a
//! position), the statements recorded with it, and the case's earlier treatment.

use yew::prelude::*;

use super::views::{danish_date, outcome_label};
use crate::export::{tally, vote_line};
use crate::model::{Decision, Position, Step};

pub fn votes(d: &Decision) -> Html {
    if d.votes.is_empty() && d.statements.is_empty() {
        return html! {};
    }
    let known: Vec<(Position, u32)> = Position::ALL.into_iter().zip(tally(&d.votes)).filter_map(|(p, (n, _))| Some((p, n?))).collect();
    let total: u32 = known.iter().map(|k| k.1).sum();
    let summary = known.iter().map(|(p, n)| format!("{} {n}", p.label_da())).collect::<Vec<_>>().join(", ");
    // Segments in hundredths of the bar, from running sums so they fill it exactly.
    let mut sum = 0;
    let rects: Vec<Html> = known
        .iter()
        .map(|&(p, n)| {
            let x = sum * 100 / total.max(1);
            sum += n;
            let w = sum * 100 / total.max(1) - x;
            html! { <rect class={format!("vote-{}", p.as_str())} x={x.to_string()} y="0" width={w.to_string()} height="10" /> }
        })
        .collect();
    html! {
        <div class="vote">
            if total > 0 {
                <svg class="vote-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={format!("Afstemning: {summary}")}>
                    { for rects }
                </svg>
            }
            if !d.votes.is_empty() {
                <ul class="votes">
                    { for d.votes.iter().map(|v| html! { <li class={format!("vote-{}", v.position.as_str())}>{ vote_line(v) }</li> }) }
                </ul>
            }
            { for d.statements.iter().map(|s| {
                let by = if s.by.is_empty() { String::new() } else { format!(" fra {}", s.by.join(", ")) };
                html! { <p class="statement"><strong>{ format!("Protokoltilførsel / udtalelse{by}:") }</strong>{ " " }{ s.text.clone() }</p> }
            }) }
        </div>
    }
}

/// The case's earlier treatment, oldest first: body · date · item · outcome, and the
/// verdict it printed under it.
pub fn trail(steps: &[Step]) -> Html {
    if steps.is_empty() {
        return html! {};
    }
    html! {
        <details class="trail">
            <summary>{ format!("Tidligere behandling ({})", steps.len()) }</summary>
            <ol>
                { for steps.iter().map(|s| {
                    let mut head = vec![s.body.clone()];
                    head.extend(s.date.as_deref().map(danish_date));
                    head.extend(s.item.as_ref().map(|n| format!("pkt. {n}")));
                    // The verdict as printed, readable by touch and keyboard too (no hover).
                    html! { <li>{ head.join(" · ") }{ " · " }{ outcome_label(s.outcome) }<p class="step-text">{ s.text.clone() }</p></li> }
                }) }
            </ol>
        </details>
    }
}
