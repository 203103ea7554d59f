//! One component on the canvas: a card with its icon, id and a two-line status, a stack behind
//! an app tier of several hosts, and the link handle that appears on hover.

use yew::prelude::*;

use crate::ui::class::class_list;

use super::icons::{color, icon};
use super::COMPACT_ZOOM;
use crate::editor::{handle_centers, has_handle, COMPONENT_H, COMPONENT_W, HANDLE_R};
use crate::i18n::{t, tf, Key, Lang};
use crate::model::{Component, DbRole, DnsPolicy, Kind, LbAlgorithm, LbLayer};

/// How a card is highlighted.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Marks {
    pub selected: bool,
    /// The drop target of a link being drawn: `Some(true)` accepted, `Some(false)` refused.
    pub link_target: Option<bool>,
    /// Being moved to a place where the drop would be refused.
    pub refused: bool,
}

/// Most characters of the id and of a status line that fit on a card at their font sizes.
const ID_CHARS: usize = 9;
const STATUS_CHARS: usize = 15;
/// A compact card (zoomed out, as in presentation mode) shows ids of up to
/// [`COMPACT_ID_CHARS`] at full width, squeezes ids of up to [`COMPACT_ID_MAX`] into
/// [`COMPACT_ID_W`] ("standby-1" stays whole), and shortens longer ones in the middle so the
/// number at the end, which tells copies apart, stays visible.
const COMPACT_ID_CHARS: usize = 7;
const COMPACT_ID_MAX: usize = 10;
const COMPACT_ID_W: f64 = 80.0;

pub fn node(lang: Lang, c: &Component, marks: Marks, zoom: f64) -> Html {
    let compact = zoom < COMPACT_ZOOM;
    let (compact_id, squeeze) = compact_id(&c.id);
    let (w, h) = (COMPONENT_W, COMPONENT_H);
    let (left, top) = (c.x - w / 2.0, c.y - h / 2.0);
    let stroke = color(&c.kind);
    let stack = match &c.kind {
        Kind::AppServer(a) if a.count > 1 => {
            let layers = if a.count > 2 { 2 } else { 1 };
            (1..=layers)
                .rev()
                .map(|i| {
                    let d = 5.0 * i as f64;
                    html! { <rect class="stack" x={(left + d).to_string()} y={(top - d).to_string()}
                    width={w.to_string()} height={h.to_string()} rx="8" stroke={stroke} /> }
                })
                .collect::<Html>()
        }
        _ => Html::default(),
    };
    let link = marks.link_target.map(|ok| if ok { "link-ok" } else { "link-bad" });
    let class = class_list(
        "component",
        &[marks.selected.then_some("selected"), link, marks.refused.then_some("refused")],
    );
    let [line1, line2] = status(lang, &c.kind);
    let zone = format!("{}/{}", c.place.region, c.place.zone);
    let handle = if has_handle(&c.kind) {
        // The right one, where links are drawn from, is `.handle`; the other three are
        // `.side-handle` (styled alike), so a test or a style can name the first alone.
        handle_centers(c)
            .into_iter()
            .enumerate()
            .map(|(i, (x, y))| {
                let class = if i == 0 { "handle" } else { "side-handle" };
                html! { <circle {class} cx={x.to_string()} cy={y.to_string()} r={HANDLE_R.to_string()} /> }
            })
            .collect::<Html>()
    } else {
        Html::default()
    };
    html! {
        <g class={class} data-testid={format!("component-{}", c.id)} data-id={c.id.clone()}
           data-zone={zone} data-kind={c.kind.id_prefix()} data-selected={marks.selected.to_string()}>
            <title>{ format!("{} — {} · {}", c.id, line1, line2) }</title>
            { stack }
            <rect class="card" x={left.to_string()} y={top.to_string()} width={w.to_string()}
                  height={h.to_string()} rx="8" stroke={stroke} />
            <rect class="outline" x={(left - 5.0).to_string()} y={(top - 5.0).to_string()}
                  width={(w + 10.0).to_string()} height={(h + 10.0).to_string()} rx="11" />
            if compact {
                { icon(&c.kind, left + 7.0, c.y - 12.0, 24.0) }
                <text class="id compact" x={(left + 36.0).to_string()} y={(c.y + 7.0).to_string()}
                    textLength={squeeze.then(|| COMPACT_ID_W.to_string())}
                    lengthAdjust={squeeze.then_some("spacingAndGlyphs")}>
                    { compact_id }
                </text>
            } else {
                { icon(&c.kind, left + 8.0, top + 8.0, 18.0) }
                <text class="id" x={(left + 31.0).to_string()} y={(top + 22.0).to_string()}>
                    { clip(&c.id, ID_CHARS) }
                </text>
                <text class="status" x={(left + 9.0).to_string()} y={(top + 41.0).to_string()}>
                    { clip(&line1, STATUS_CHARS) }
                </text>
                <text class="status" x={(left + 9.0).to_string()} y={(top + 56.0).to_string()}>
                    { clip(&line2, STATUS_CHARS) }
                </text>
            }
            { handle }
        </g>
    }
}

/// Cuts text to `max` characters with an ellipsis, so it never spills out of its card.
/// The id a compact card shows, and whether it must be squeezed into [`COMPACT_ID_W`].
pub fn compact_id(id: &str) -> (String, bool) {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= COMPACT_ID_CHARS {
        return (id.to_string(), false);
    }
    if chars.len() <= COMPACT_ID_MAX {
        return (id.to_string(), true);
    }
    let tail = 3;
    let head: String = chars[..COMPACT_ID_MAX - 1 - tail].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    (format!("{head}…{end}"), true)
}

pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// Trims float noise and a needless ".0" ("10", "0.5").
pub fn num(x: f64) -> String {
    ((x * 1000.0).round() / 1000.0).to_string()
}

fn secs(lang: Lang, ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{} {}", num(ms / 1000.0), t(lang, Key::UnitS))
    } else {
        format!("{} {}", num(ms), t(lang, Key::UnitMs))
    }
}

pub fn algorithm(lang: Lang, a: LbAlgorithm) -> &'static str {
    let key = match a {
        LbAlgorithm::RoundRobin => Key::CardRoundRobin,
        LbAlgorithm::LeastConnections => Key::CardLeastConn,
        LbAlgorithm::Random => Key::CardRandom,
        LbAlgorithm::PowerOfTwo => Key::CardPowerOfTwo,
        LbAlgorithm::Weighted => Key::CardWeighted,
    };
    t(lang, key)
}

/// The two status lines of a card, e.g. "4 × 2 vCPU" / "4 processes".
pub fn status(lang: Lang, kind: &Kind) -> [String; 2] {
    match kind {
        Kind::Clients(c) => [
            tf(lang, Key::CardWeight, &[&num(c.weight)]),
            tf(lang, Key::CardTimeout, &[&secs(lang, c.timeout_ms)]),
        ],
        Kind::Dns(d) => {
            let policy = match d.policy {
                DnsPolicy::Latency => Key::CardDnsLatency,
                DnsPolicy::Failover => Key::CardDnsFailover,
                DnsPolicy::RoundRobin => Key::CardRoundRobin,
            };
            [t(lang, policy).to_string(), tf(lang, Key::CardTtl, &[&num(d.ttl_s)])]
        }
        Kind::LoadBalancer(l) => {
            let layer = match l.layer {
                LbLayer::L4 => "L4",
                LbLayer::L7 => "L7",
            };
            [
                format!("{layer} {}", algorithm(lang, l.algorithm)),
                tf(lang, Key::CardCheck, &[&num(l.health_check.interval_s)]),
            ]
        }
        Kind::AppServer(a) => {
            let hosts = if a.count > 1 {
                format!("{} × {} vCPU", a.count, a.vcpus)
            } else {
                format!("{} vCPU", a.vcpus)
            };
            let procs = if a.processes == 1 { Key::CardProcess } else { Key::CardProcesses };
            [hosts, tf(lang, procs, &[&a.processes.to_string()])]
        }
        Kind::Database(d) => {
            let of = d.primary.clone().unwrap_or_default();
            let first = match (d.role, &d.host) {
                (DbRole::Primary, Some(h)) => tf(lang, Key::CardHostedOn, &[h]),
                (DbRole::Primary, None) => t(lang, Key::CardPrimary).to_string(),
                (DbRole::Standby, _) => tf(lang, Key::CardStandbyOf, &[&of]),
                (DbRole::ReadReplica, _) => tf(lang, Key::CardReplicaOf, &[&of]),
            };
            let second = match d.role {
                DbRole::Standby => tf(lang, Key::CardFailover, &[&num(d.failover_s)]),
                _ => tf(lang, Key::CardConn, &[&d.max_connections.to_string(), &secs(lang, d.query_ms)]),
            };
            [first, second]
        }
    }
}
