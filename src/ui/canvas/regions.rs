//! Regions as large labelled containers and their availability zones as columns inside them.

use yew::prelude::*;

use crate::model::{Placement, Region};

/// The zone a drag would drop into, drawn highlighted; `refused` when no zone takes the drop.
pub fn region(r: &Region, drop: Option<&Placement>) -> Html {
    let name = crate::catalog::region(&r.code).map_or(r.code.as_str(), |i| i.name_en);
    let zones = r.zones.iter().enumerate().map(|(i, z)| {
        let zr = r.zone_rect(i);
        let here = drop.is_some_and(|p| p.region == r.code && p.zone == z.name);
        let class = classes!("zone", here.then_some("drop"));
        html! {
            <g class={class} data-testid={format!("zone-{}-{}", r.code, z.name)}>
                <rect x={zr.x.to_string()} y={zr.y.to_string()} width={zr.w.to_string()}
                      height={zr.h.to_string()} rx="8" />
                <text class="zone-label" x={(zr.x + 10.0).to_string()} y={(zr.y + 20.0).to_string()}>
                    { format!("{}{}", r.code, z.name) }
                </text>
            </g>
        }
    });
    let rect = r.rect;
    html! {
        <g class="region" data-testid={format!("region-{}", r.code)}>
            <rect class="region-box" x={rect.x.to_string()} y={rect.y.to_string()}
                  width={rect.w.to_string()} height={rect.h.to_string()} rx="12" />
            <text class="region-name" x={(rect.x + 14.0).to_string()} y={(rect.y + 27.0).to_string()}>
                { name }
                <tspan class="region-code" dx="10">{ r.code.clone() }</tspan>
            </text>
            { for zones }
        </g>
    }
}
