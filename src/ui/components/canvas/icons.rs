//! One small line-art icon per kind of component, drawn as SVG shapes in a 20×20 box, so the
//! diagram reads at a glance and prints crisply on a projector (no emoji, no bitmaps).

use yew::prelude::*;

use crate::model::{DbRole, Kind};

/// The accent colour of a kind: its icon, its border and its palette entry share it.
pub fn color(kind: &Kind) -> &'static str {
    match kind {
        Kind::Clients(_) => "#7c3aed",
        Kind::Dns(_) => "#0e7490",
        Kind::LoadBalancer(_) => "#b45309",
        Kind::AppServer(_) => "#1d4ed8",
        Kind::Database(_) => "#047857",
    }
}

/// The icon of `kind` with its top-left corner at (x, y), `size` units wide.
pub fn icon(kind: &Kind, x: f64, y: f64, size: f64) -> Html {
    let transform = format!("translate({} {}) scale({})", x, y, (size / 20.0));
    let stroke = color(kind);
    let body = match kind {
        Kind::Clients(_) => html! {
            <>
                <circle cx="14" cy="5.5" r="2.8" opacity="0.55" />
                <path d="M9.5 16.5 a4.8 4.8 0 0 1 9.6 0" opacity="0.55" />
                <circle cx="7.5" cy="7" r="3.3" />
                <path d="M1.5 18.5 a6 6 0 0 1 12 0 z" />
            </>
        },
        Kind::Dns(_) => html! {
            <>
                <circle cx="10" cy="10" r="8" />
                <ellipse cx="10" cy="10" rx="3.6" ry="8" />
                <path d="M2 10 h16 M3.6 5.6 h12.8 M3.6 14.4 h12.8" />
            </>
        },
        Kind::LoadBalancer(_) => html! {
            <>
                <circle cx="4" cy="10" r="2.6" fill={stroke} />
                <path d="M6.5 10 L16 3.5 M6.5 10 H16 M6.5 10 L16 16.5" />
                <circle cx="17" cy="3.5" r="1.8" />
                <circle cx="17" cy="10" r="1.8" />
                <circle cx="17" cy="16.5" r="1.8" />
            </>
        },
        Kind::AppServer(_) => html! {
            <>
                <rect x="2" y="2" width="16" height="7" rx="1.5" />
                <rect x="2" y="11" width="16" height="7" rx="1.5" />
                <circle cx="5.5" cy="5.5" r="1.1" fill={stroke} />
                <circle cx="5.5" cy="14.5" r="1.1" fill={stroke} />
                <path d="M9 5.5 h6 M9 14.5 h6" />
            </>
        },
        Kind::Database(d) => {
            let dash = if d.role == DbRole::Standby { "2.5 2" } else { "none" };
            html! {
                <g stroke-dasharray={dash}>
                    <path d="M3 5 v10 a7 2.6 0 0 0 14 0 v-10" />
                    <ellipse cx="10" cy="5" rx="7" ry="2.6" />
                    <path d="M3 10 a7 2.6 0 0 0 14 0" />
                    if d.role == DbRole::ReadReplica {
                        <path d="M7 9.5 l3 3 l3 -3" stroke-dasharray="none" />
                    }
                </g>
            }
        }
    };
    html! {
        <g class="icon" transform={transform} stroke={stroke} fill="none" stroke-width="1.6"
           stroke-linecap="round" stroke-linejoin="round">
            { body }
        </g>
    }
}
