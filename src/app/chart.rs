//! A horizontal bar chart drawn as SVG by the page: present and absent per row.

use yew::prelude::*;

const ROW: usize = 22;
const LABEL: usize = 130;
const WIDTH: usize = 460;

/// `rows`: (label, present, absent).
pub fn bars(rows: &[(String, usize, usize)]) -> Html {
    let max = rows.iter().map(|(_, a, b)| a + b).max().unwrap_or(0).max(1);
    // Whole pixels, rounded, by integer arithmetic (no float formatting in the page).
    let px = |n: usize| (n * (WIDTH - LABEL - 40) + max / 2) / max;
    let height = ROW * rows.len() + 24;
    let summary = rows.iter().map(|(l, a, b)| format!("{l}: {a} til stede, {b} afbud")).collect::<Vec<_>>().join("; ");
    html! {
        <svg class="bars" viewBox={format!("0 0 {WIDTH} {height}")} width={WIDTH.to_string()} height={height.to_string()}
             role="img" aria-label={summary}>
            { for rows.iter().enumerate().map(|(i, (label, present, absent))| {
                let y = i * ROW;
                let wp = px(*present);
                let wa = px(*absent);
                html! {
                    <g>
                        <text x={(LABEL - 6).to_string()} y={(y + 15).to_string()} text-anchor="end">{ label.clone() }</text>
                        <rect class="present" x={LABEL.to_string()} y={(y + 3).to_string()} width={wp.to_string()} height="16" />
                        <rect class="absent" x={(LABEL + wp).to_string()} y={(y + 3).to_string()} width={wa.to_string()} height="16" />
                        <text x={(LABEL + wp + wa + 5).to_string()} y={(y + 15).to_string()}>
                            { if *absent > 0 { format!("{present} + {absent}") } else { present.to_string() } }
                        </text>
                    </g>
                }
            }) }
            <g class="legend">
                <rect class="present" x={LABEL.to_string()} y={(height - 16).to_string()} width="12" height="12" />
                <text x={(LABEL + 16).to_string()} y={(height - 6).to_string()}>{ "til stede" }</text>
                <rect class="absent" x={(LABEL + 90).to_string()} y={(height - 16).to_string()} width="12" height="12" />
                <text x={(LABEL + 106).to_string()} y={(height - 6).to_string()}>{ "afbud" }</text>
            </g>
        </svg>
    }
}
