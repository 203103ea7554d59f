//! What a gesture in progress draws on top of the diagram: the rubber band and the link being
//! drawn, in model units (inside the view transform).

use yew::prelude::*;

use crate::i18n::plain;
use crate::ui::class::class_list;

use crate::editor::{handle_center, Drag};
use crate::model::Scenario;

pub fn gesture(s: &Scenario, drag: &Drag) -> Html {
    if let Some(b) = drag.band() {
        return html! {
            <rect class="band" data-testid="band" x={plain(b.x)} y={plain(b.y)}
                  width={plain(b.w)} height={plain(b.h)} />
        };
    }
    if let Drag::Connecting { from, at, verdict, .. } = drag {
        let Some(c) = s.component(from) else { return Html::default() };
        let (x1, y1) = handle_center(c);
        let class = class_list("link-draft", &[verdict.is_err().then_some("bad")]);
        return html! {
            <line class={class} x1={plain(x1)} y1={plain(y1)} x2={plain(at.0)}
                  y2={plain(at.1)} marker-end="url(#arrow-sel)" />
        };
    }
    Html::default()
}
