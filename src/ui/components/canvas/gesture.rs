//! What a gesture in progress draws on top of the diagram: the rubber band and the link being
//! drawn, in model units (inside the view transform).

use yew::prelude::*;

use crate::ui::class::class_list;

use crate::editor::{handle_center, Drag};
use crate::model::Scenario;

pub fn gesture(s: &Scenario, drag: &Drag) -> Html {
    if let Some(b) = drag.band() {
        return html! {
            <rect class="band" data-testid="band" x={b.x.to_string()} y={b.y.to_string()}
                  width={b.w.to_string()} height={b.h.to_string()} />
        };
    }
    if let Drag::Connecting { from, at, verdict, .. } = drag {
        let Some(c) = s.component(from) else { return Html::default() };
        let (x1, y1) = handle_center(c);
        let class = class_list("link-draft", &[verdict.is_err().then_some("bad")]);
        return html! {
            <line class={class} x1={x1.to_string()} y1={y1.to_string()} x2={at.0.to_string()}
                  y2={at.1.to_string()} marker-end="url(#arrow-sel)" />
        };
    }
    Html::default()
}
