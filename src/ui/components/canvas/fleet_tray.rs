//! The live tray under a card: an app tier's hosts as pips with "4/6 in service" (and the
//! auto-scaling group's bounds), a load balancer's healthy targets. Re-rendered with the
//! panels' tick, a few times a second, from the engine's per-host view.

use yew::prelude::*;

use crate::editor::{COMPONENT_H, COMPONENT_W};
use crate::i18n::{t, tf, Key, Lang};
use crate::model::{Component, Kind, Scenario};
use crate::ui::components::canvas::fleet::{
    colour, glyph, pip, state_name, tray_gap, tray_height, tray_scale, FleetCounts, Pip, PipKind, MAX_PIPS,
    NEW_VERSION_COLOUR, PIP, PIP_GAP, TRAY_LINE,
};
use crate::ui::state::runtime::Runtime;

/// What the engine says about one component now.
enum Live {
    /// The hosts, and the tier's queue now (also drawn by the overlay as a bar).
    Hosts(Vec<Pip>, u32),
    /// Healthy targets / targets on billed hosts; `false` when the balancer itself is down
    /// (its own health checks stopped with it: it routes nothing, whatever it last saw).
    Targets(u32, u32, bool),
}

/// Trays for every app tier and balancer of `s`, read from the run when it runs this scenario.
pub fn trays(lang: Lang, s: &Scenario, rt: &Runtime, zoom: f64) -> Html {
    let same = rt.scenario().components.len() == s.components.len();
    let snap = rt.sim().snapshot();
    s.components
        .iter()
        .enumerate()
        .filter(|(i, c)| same && rt.scenario().components[*i].id == c.id)
        .filter_map(|(i, c)| {
            let live = match c.kind {
                Kind::AppServer(_) => {
                    let queue = snap.components.get(i).map_or(0, |v| v.queue);
                    Live::Hosts(rt.sim().hosts(i).iter().map(pip).collect(), queue)
                }
                Kind::LoadBalancer(_) => {
                    let v = snap.components.get(i)?;
                    Live::Targets(v.healthy_targets, v.total_targets, v.health != crate::engine::Health::Down)
                }
                _ => return None,
            };
            let top = c.y + COMPONENT_H / 2.0 + tray_gap(zoom);
            Some(scaled(c, top, tray_scale(zoom), tray(lang, c, top, &live)))
        })
        .collect()
}

/// Enlarges a tray about the middle of its top edge (it stays attached under its card).
fn scaled(c: &Component, top: f64, k: f64, inner: Html) -> Html {
    let (x, y) = (c.x, top);
    let (x, y, k, nx, ny) = (x.to_string(), y.to_string(), k.to_string(), (-x).to_string(), (-y).to_string());
    let transform = format!("translate({x} {y}) scale({k}) translate({nx} {ny})");
    html! { <g {transform}>{ inner }</g> }
}

fn tray(lang: Lang, c: &Component, top: f64, live: &Live) -> Html {
    let h = tray_height(&c.kind);
    match live {
        Live::Targets(healthy, total, up) => {
            let (w, left) = (COMPONENT_W, c.x - COMPONENT_W / 2.0);
            let (healthy, words) = if *up {
                (*healthy, tf(lang, Key::FleetHealthy, &[&healthy.to_string(), &total.to_string()]))
            } else {
                (0, t(lang, Key::FleetLbDown).to_string())
            };
            html! {
                <g class={classes!("fleet", (!*up).then_some("down"))} data-testid={format!("targets-{}", c.id)}
                   data-healthy={healthy.to_string()} data-total={total.to_string()}>
                    <rect class="fleet-tray" x={left.to_string()} y={top.to_string()}
                          width={w.to_string()} height={h.to_string()} rx="5" />
                    <text class="fleet-text" x={(left + 6.0).to_string()} y={(top + TRAY_LINE).to_string()}>
                        { words }
                    </text>
                </g>
            }
        }
        Live::Hosts(pips, queue) => hosts_tray(lang, c, pips, *queue, top, h),
    }
}

fn hosts_tray(lang: Lang, c: &Component, pips: &[Pip], queue: u32, top: f64, h: f64) -> Html {
    let n = FleetCounts::of(pips);
    // Up to 8 pips at full size in a tray a little wider than the card; more shrink.
    let inner = 8.0 * (PIP + PIP_GAP) - PIP_GAP;
    let shown = pips.len().min(MAX_PIPS);
    let more = pips.len() - shown;
    let slots = (shown + usize::from(more > 0)).max(1) as f64;
    let step = ((inner + PIP_GAP) / slots).min(PIP + PIP_GAP);
    let side = step - PIP_GAP.min(step * 0.25);
    let w = (inner + 12.0).max(COMPONENT_W);
    let left = c.x - w / 2.0;
    let row_y = top + 4.0;
    let drawn = pips[..shown]
        .iter()
        .enumerate()
        .map(|(k, p)| pip_svg(lang, p, left + 6.0 + k as f64 * step, row_y, side));
    let extra = (more > 0).then(|| {
        html! { <text class="fleet-more" x={(left + 6.0 + shown as f64 * step).to_string()}
        y={(row_y + side * 0.85).to_string()}>{ format!("+{more}") }</text> }
    });
    let text_y = row_y + PIP + 2.0 + TRAY_LINE - 3.0;
    let bounds = match &c.kind {
        Kind::AppServer(a) => a.autoscaling.as_ref().map(|g| {
            html! { <text class="fleet-text" x={(left + 6.0).to_string()} y={(text_y + TRAY_LINE).to_string()}>
                { tf(lang, Key::FleetMinMax, &[&g.min.to_string(), &g.max.to_string()]) }
            </text> }
        }),
        _ => None,
    };
    let help = tf(
        lang,
        Key::FleetHelp,
        &[
            &c.id,
            &n.in_service.to_string(),
            &n.booting.to_string(),
            &n.draining.to_string(),
            &n.down.to_string(),
            &n.new_version.to_string(),
        ],
    );
    html! {
        <g class="fleet" data-testid={format!("fleet-{}", c.id)} data-billed={n.billed.to_string()}
           data-in-service={n.in_service.to_string()} data-booting={n.booting.to_string()}
           data-draining={n.draining.to_string()} data-down={n.down.to_string()}
           data-new-version={n.new_version.to_string()} data-queue={queue.to_string()}>
            <title>{ format!("{help}\n{}", t(lang, Key::FleetLegend)) }</title>
            <rect class="fleet-tray" x={left.to_string()} y={top.to_string()}
                  width={w.to_string()} height={h.to_string()} rx="5" />
            { for drawn }
            { extra }
            <text class="fleet-text" x={(left + 6.0).to_string()} y={text_y.to_string()}>
                { tf(lang, Key::FleetInService, &[&n.in_service.to_string(), &n.billed.to_string()]) }
            </text>
            { bounds.unwrap_or_default() }
        </g>
    }
}

/// One host: square for the scenario's version, round for a deployed one; filled when in
/// service, outlined (dashed while booting) with an arrow or a cross otherwise.
fn pip_svg(lang: Lang, p: &Pip, x: f64, y: f64, side: f64) -> Html {
    let col = if p.kind == PipKind::InService && p.new_version { NEW_VERSION_COLOUR } else { colour(p.kind) };
    let (fill, dash) = match p.kind {
        PipKind::InService => (col, None),
        PipKind::Booting => ("#ffffff", Some("2.5 1.5")),
        PipKind::Draining => ("#ffffff", None),
        PipKind::Down => ("#d4d4d4", None),
    };
    let rx = if p.new_version { side / 2.0 } else { 1.5 };
    let state = match p.kind {
        PipKind::InService => Key::HostInService,
        PipKind::Booting => Key::HostBooting,
        PipKind::Draining => Key::HostDraining,
        PipKind::Down => Key::HostDown,
    };
    let version = if p.new_version { Key::HostNewVersion } else { Key::HostOldVersion };
    let g = glyph(p.kind);
    html! {
        <g class="pip" data-state={state_name(p.kind)} data-new={p.new_version.to_string()}>
            <title>{ format!("#{} · {} · {}", p.index, t(lang, state), t(lang, version)) }</title>
            <rect x={x.to_string()} y={y.to_string()} width={side.to_string()} height={side.to_string()}
                  rx={rx.to_string()} fill={fill} stroke={col} stroke-width="1.6"
                  stroke-dasharray={dash.unwrap_or("none")} />
            if !g.is_empty() {
                <text class="pip-glyph" x={(x + side / 2.0).to_string()} y={(y + side / 2.0).to_string()}
                      fill={col} font-size={(side * 0.95).to_string()}>{ g }</text>
            }
        </g>
    }
}
