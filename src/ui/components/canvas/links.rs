//! Links as straight arrows from the source's handle to the target's left edge (the same
//! segment the editor hit-tests), each labelled with its round-trip time.

use yew::prelude::*;

use crate::ui::class::class_list;

use super::label_size;
use super::node::num;
use crate::editor::{link_info, link_segment, Selection};
use crate::model::Scenario;

/// Arrowhead markers, referenced by `marker-end`.
pub fn defs() -> Html {
    html! {
        <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8"
                    orient="auto-start-reverse" markerUnits="userSpaceOnUse">
                <path d="M0 0 L10 5 L0 10 z" class="arrow" />
            </marker>
            <marker id="arrow-sel" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9"
                    orient="auto-start-reverse" markerUnits="userSpaceOnUse">
                <path d="M0 0 L10 5 L0 10 z" class="arrow-sel" />
            </marker>
            <pattern id="grid" width="20" height="20" patternUnits="userSpaceOnUse">
                <circle cx="0" cy="0" r="1" class="grid-dot" />
            </pattern>
        </defs>
    }
}

pub fn links(s: &Scenario, sel: &Selection, zoom: f64) -> Html {
    let font = label_size(10.5, zoom, 11.5, 20.0);
    s.links
        .iter()
        .filter_map(|l| {
            let (a, b) = link_segment(s, &l.from, &l.to)?;
            let rtt = link_info(s, &l.from, &l.to)?;
            let selected = sel.links.iter().any(|(f, t)| *f == l.from && *t == l.to);
            let class = class_list("link", &[selected.then_some("selected")]);
            let marker = if selected { "url(#arrow-sel)" } else { "url(#arrow)" };
            let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            let label = format!("{} ms", num(rtt));
            let (w, h) = (font * 0.7 + font * 0.58 * label.chars().count() as f64, font * 1.6);
            Some(html! {
                <g class={class} data-testid={format!("link-{}-{}", l.from, l.to)} data-rtt={num(rtt)}>
                    <line class="hit" x1={a.0.to_string()} y1={a.1.to_string()} x2={b.0.to_string()}
                          y2={b.1.to_string()} />
                    <line class="path" x1={a.0.to_string()} y1={a.1.to_string()} x2={b.0.to_string()}
                          y2={b.1.to_string()} marker-end={marker} />
                    <rect class="rtt-bg" x={(mx - w / 2.0).to_string()} y={(my - h / 2.0).to_string()}
                          width={w.to_string()} height={h.to_string()} rx={(h / 2.0).to_string()} />
                    <text class="rtt" x={mx.to_string()} y={(my + font * 0.36).to_string()}
                          font-size={font.to_string()}>{ label }</text>
                </g>
            })
        })
        .collect()
}
