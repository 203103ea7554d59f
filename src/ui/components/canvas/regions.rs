//! Regions as large labelled containers and their availability zones as columns inside them.

use yew::prelude::*;

use crate::ui::class::class_list;

use super::label_size;
use crate::model::{Placement, Region};

/// The zone a drag would drop into, drawn highlighted; `refused` when no zone takes the drop.
pub fn region(lang: crate::i18n::Lang, r: &Region, drop: Option<&Placement>, zoom: f64) -> Html {
    let zone_font = label_size(12.0, zoom, 13.0, 26.0);
    let name_font = label_size(15.0, zoom, 17.0, 30.0);
    let name = crate::i18n::region_name(lang, &r.code);
    let zones = r.zones.iter().enumerate().map(|(i, z)| {
        let zr = r.zone_rect(i);
        let label = format!("{}{}", r.code, z.name);
        // Never wider than its column (about 0.66 em per character, with a margin).
        let zone_font =
            zone_font.min((zr.w - 16.0).max(0.0) / (0.66 * label.chars().count() as f64)).max(8.0);
        let here = drop.is_some_and(|p| p.region == r.code && p.zone == z.name);
        let class = class_list("zone", &[here.then_some("drop")]);
        html! {
            <g class={class} data-testid={format!("zone-{}-{}", r.code, z.name)}>
                <rect x={zr.x.to_string()} y={zr.y.to_string()} width={zr.w.to_string()}
                      height={zr.h.to_string()} rx="8" />
                <text class="zone-label" x={(zr.x + 10.0).to_string()} y={(zr.y + 6.0 + zone_font).to_string()}
                      font-size={zone_font.to_string()}>
                    { label }
                </text>
            </g>
        }
    });
    let rect = r.rect;
    html! {
        <g class="region" data-testid={format!("region-{}", r.code)}>
            <rect class="region-box" x={rect.x.to_string()} y={rect.y.to_string()}
                  width={rect.w.to_string()} height={rect.h.to_string()} rx="12" />
            <text class="region-name" x={(rect.x + 14.0).to_string()} y={(rect.y + 20.0 + name_font * 0.35).to_string()}
                  font-size={name_font.to_string()}>
                { name }
                <tspan class="region-code" dx="10" font-size={(name_font * 0.8).to_string()}>{ r.code.clone() }</tspan>
            </text>
            { for zones }
        </g>
    }
}
