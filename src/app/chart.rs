//! A horizontal bar chart: present and absent per row. The labels and counts are HTML
//! text, so they wrap and keep their size on a phone; only the bar is a small SVG that
//! stretches to the room left.

use yew::prelude::*;

/// `rows`: (label, present, absent). A label of "?" (the party or municipality not given)
/// reads "ikke angivet".
pub fn bars(rows: &[(String, usize, usize)]) -> Html {
    let max = rows.iter().map(|(_, a, b)| a + b).max().unwrap_or(0).max(1);
    // Whole hundredths of the longest bar, by integer arithmetic (no float formatting in the page).
    let share = |n: usize| (n * 100 + max / 2) / max;
    html! {
        <>
        <ul class="bars">
            { for rows.iter().map(|(label, present, absent)| {
                let label = if label == "?" { "ikke angivet".to_owned() } else { label.clone() };
                let total = present + absent;
                let percent = (present * 100 + total / 2) / total.max(1);
                let count = if *absent > 0 { format!("{present} + {absent}") } else { present.to_string() };
                let (wp, wa) = (share(*present), share(*absent));
                html! {
                    <li>
                        <span class="label">{ label }</span>
                        <svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect class="present" x="0" y="0" width={wp.to_string()} height="10" />
                            <rect class="absent" x={wp.to_string()} y="0" width={wa.to_string()} height="10" />
                        </svg>
                        <span class="count">{ format!("{count} ({percent} %)") }</span>
                    </li>
                }
            }) }
        </ul>
        <p class="legend"><span class="key present"></span>{ "til stede " }<span class="key absent"></span>{ "afbud; procent: andel til stede" }</p>
        </>
    }
}
