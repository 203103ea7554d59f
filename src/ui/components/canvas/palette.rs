//! The palette: components to drag onto the canvas, the regions and zones of the scenario, and
//! starting over.
//!
//! Dragging uses pointer events (window listeners while a drag lasts) and a ghost that follows the pointer (not
//! HTML5 drag and drop, which cannot show a live "not here" hint and behaves differently with
//! a mouse, a pen and a finger). The drop point becomes model units through the editor's view.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::ui::class::class_list;

use crate::catalog::REGIONS;
use crate::editor::{zone_at, zone_rect_of, PaletteItem};
use crate::i18n::{region_name, t, Key, Lang};
use crate::model::Placement;
use crate::ui::components::canvas::{icon, SVG_ID};
use crate::ui::state::lab::use_lab;
use crate::ui::state::{on_click, Action, EditorHandle};

mod text {
    use crate::i18n::{t, tf, Key, Lang};
    pub fn confirm(lang: Lang, region: &str, n: usize) -> String {
        let key = if n == 1 { Key::PalConfirmOne } else { Key::PalConfirmMany };
        tf(lang, key, &[region, &n.to_string()])
    }
    pub fn item(lang: Lang, key: &str) -> &'static str {
        match key {
            "palette.clients" => t(lang, Key::PalClients),
            "palette.dns" => t(lang, Key::KindDns),
            "palette.load_balancer" => t(lang, Key::PalLoadBalancer),
            "palette.app_server" => t(lang, Key::PalAppServer),
            "palette.db_primary" => t(lang, Key::PalDbPrimary),
            "palette.db_standby" => t(lang, Key::PalDbStandby),
            "palette.db_replica" => t(lang, Key::PalDbReplica),
            _ => "?",
        }
    }
}

/// "palette.load_balancer" -> "load_balancer", used in test ids.
fn item_slug(item: PaletteItem) -> &'static str {
    item.label_key().trim_start_matches("palette.")
}

/// Where the dragged ghost is, and whether the canvas would take it there.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Ghost {
    item: PaletteItem,
    x: f64,
    y: f64,
    /// `None` outside the canvas, `Some(false)` over the canvas but outside every zone.
    over_zone: Option<bool>,
}

/// The canvas point under client (x, y): (canvas-relative screen, model), if over the canvas.
fn canvas_point(state: &EditorHandle, x: f64, y: f64) -> Option<((f64, f64), (f64, f64))> {
    let svg: Element = web_sys::window()?.document()?.get_element_by_id(SVG_ID)?;
    let r = svg.get_bounding_client_rect();
    let inside = x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom();
    if !inside {
        return None;
    }
    let screen = (x - r.left(), y - r.top());
    let model = state.editor().view.to_model(screen.0, screen.1);
    Some((screen, model))
}

/// Enter or Space on a palette item adds it without a drag: into the zone of the selected
/// component, else the first zone, at the first free spot of a grid over that zone.
fn add_by_keyboard(state: &EditorHandle, item: PaletteItem) {
    let s = state.scenario();
    let selected = state.selected().first().and_then(|id| s.component(id)).map(|c| c.place.clone());
    let first = s.regions.first().and_then(|r| r.zones.first().map(|z| Placement::new(&r.code, &z.name)));
    let Some(rect) = selected.or(first).and_then(|p| zone_rect_of(s, &p)) else {
        state.dispatch(Action::Notify { text: Key::PalDragHelpLong, at: None });
        return;
    };
    let free =
        |x: f64, y: f64| s.components.iter().all(|c| (c.x - x).abs() > 130.0 || (c.y - y).abs() > 70.0);
    let (cols, rows) = ((rect.w / 140.0).floor().max(1.0) as u32, (rect.h / 80.0).floor().max(1.0) as u32);
    let cells = (0..rows).flat_map(|r| (0..cols).map(move |c| (c, r)));
    let spot = cells
        .map(|(c, r)| {
            let x = rect.x + rect.w * (f64::from(c) + 0.5) / f64::from(cols);
            (x, rect.y + rect.h * (f64::from(r) + 0.5) / f64::from(rows))
        })
        .find(|&(x, y)| free(x, y))
        .unwrap_or((rect.x + rect.w / 2.0, rect.y + rect.h / 2.0));
    state.dispatch(Action::Place { item, at: spot, screen: (0.0, 0.0) });
}

#[component]
pub fn Palette() -> Html {
    let lab = use_lab();
    let state = lab.editor.clone();
    let lang = lab.lang;
    let ghost = use_state(|| None::<Ghost>);
    let choice = use_node_ref();

    // While an item is dragged, follow the pointer anywhere on the page.
    {
        let (ghost, state) = (ghost.clone(), state.clone());
        let dragging = ghost.map(|g| g.item);
        use_effect_with(dragging, move |dragging| {
            let listeners = dragging.map(|_| follow(ghost, state));
            move || drop(listeners)
        });
    }

    let items = PaletteItem::ALL.iter().map(|&item| {
        let down = {
            let ghost = ghost.clone();
            Callback::from(move |e: PointerEvent| {
                if e.button() != 0 {
                    return;
                }
                e.prevent_default();
                ghost.set(Some(Ghost { item, x: e.client_x() as f64, y: e.client_y() as f64, over_zone: None }));
            })
        };
        let onkeydown = {
            let state = state.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    // Space here adds the item; it must not also reach the play/pause shortcut.
                    e.prevent_default();
                    e.stop_propagation();
                    add_by_keyboard(&state, item);
                }
            })
        };
        let kind = item.kind();
        html! {
            <li class="palette-item" data-testid={format!("palette-{}", item_slug(item))} title={t(lang, Key::PalDragHelp)}
                tabindex="0" role="button" onpointerdown={down} {onkeydown}>
                <svg class="palette-icon" viewBox="0 0 20 20" width="26" height="26">{ icon(&kind, 0.0, 0.0, 20.0) }</svg>
                <span>{ text::item(lang, item.label_key()) }</span>
            </li>
        }
    });

    let ghost_view = ghost.map(|g| {
        let kind = g.item.kind();
        let refused = g.over_zone == Some(false);
        let class = class_list("palette-ghost", &[refused.then_some("refused")]);
        html! {
            <div class={class} data-testid="palette-ghost" style={format!("left:{}px;top:{}px", g.x, g.y)}>
                <div class="ghost-card">
                    <svg viewBox="0 0 20 20" width="22" height="22">{ icon(&kind, 0.0, 0.0, 20.0) }</svg>
                    <span>{ text::item(lang, g.item.label_key()) }</span>
                </div>
                if refused { <div class="ghost-hint" data-testid="drop-hint">{ t(lang, Key::PalDropHint) }</div> }
            </div>
        }
    });

    html! {
        <aside class="palette" data-testid="palette">
            <div class="palette-actions">
                <button data-testid="new" title={t(lang, Key::PalNewTitle)}
                        onclick={on_click(&state, Action::New)}>{ t(lang, Key::PalNew) }</button>
                <button data-testid="clear" title={t(lang, Key::PalClearTitle)}
                        onclick={on_click(&state, Action::Clear)}>{ t(lang, Key::PalClear) }</button>
            </div>
            <h2>{ t(lang, Key::PalComponents) }</h2>
            <ul class="palette-items">{ for items }</ul>
            <h2>{ t(lang, Key::PalRegions) }</h2>
            { region_list(lang, &state, choice) }
            { ghost_view }
            { confirm_removal(lang, &state) }
        </aside>
    }
}

/// Window listeners that move the ghost, drop it when the pointer is released, and cancel the
/// drag on Escape.
fn follow(ghost: UseStateHandle<Option<Ghost>>, state: EditorHandle) -> [EventListener; 4] {
    let window = web_sys::window().expect("a browser window");
    let moved = {
        let (ghost, state) = (ghost.clone(), state.clone());
        EventListener::new(&window, "pointermove", move |e| {
            let (Some(e), Some(g)) = (e.dyn_ref::<PointerEvent>(), *ghost) else { return };
            let (x, y) = (e.client_x() as f64, e.client_y() as f64);
            let zone = canvas_point(&state, x, y).map(|(_, (mx, my))| zone_at(state.scenario(), mx, my));
            let target = zone.clone().flatten();
            if state.palette_target != target {
                state.dispatch(Action::PaletteHover(target));
            }
            ghost.set(Some(Ghost { x, y, over_zone: zone.map(|z| z.is_some()), ..g }));
        })
    };
    let up = {
        let (ghost, state) = (ghost.clone(), state.clone());
        EventListener::new(&window, "pointerup", move |e| {
            let (Some(e), Some(g)) = (e.dyn_ref::<PointerEvent>(), *ghost) else { return };
            ghost.set(None);
            match canvas_point(&state, e.client_x() as f64, e.client_y() as f64) {
                Some((screen, at)) => state.dispatch(Action::Place { item: g.item, at, screen }),
                None => {
                    state.dispatch(Action::PaletteHover(None));
                    state.dispatch(Action::Notify { text: Key::PalDragHelpLong, at: None });
                }
            }
        })
    };
    let cancel = {
        let (ghost, state) = (ghost.clone(), state.clone());
        EventListener::new(&window, "pointercancel", move |_| {
            ghost.set(None);
            state.dispatch(Action::PaletteHover(None));
        })
    };
    let escape = EventListener::new(&window, "keydown", move |e| {
        if e.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
            ghost.set(None);
            state.dispatch(Action::PaletteHover(None));
        }
    });
    [moved, up, cancel, escape]
}

/// The scenario's regions with their zones, and a catalog list to add another (`choice` is
/// that list's `<select>`).
fn region_list(lang: Lang, state: &EditorHandle, choice: NodeRef) -> Html {
    let s = state.scenario();
    let rows = s.regions.iter().map(|r| {
        let name = region_name(lang, &r.code);
        let code = r.code.clone();
        let zones = r.zones.iter().map(|z| {
            let (region, zone) = (code.clone(), z.name.clone());
            html! {
                <span class="zone-chip">
                    { format!("{}{}", code, z.name) }
                    <button class="chip-x" data-testid={format!("remove-zone-{}-{}", code, z.name)}
                            title={t(lang, Key::PalRemoveZone)} aria-label={t(lang, Key::PalRemoveZone)}
                            onclick={on_click(state, Action::RemoveZone { region, zone })}>
                        { "×" }
                    </button>
                </span>
            }
        });
        let (c1, c2) = (code.clone(), code.clone());
        html! {
            <li class="region-row" data-testid={format!("region-row-{code}")}>
                <div class="region-head">
                    <strong>{ name }</strong>
                    <button data-testid={format!("remove-region-{code}")}
                            onclick={on_click(state, Action::RemoveRegion(c1))}>{ t(lang, Key::PalRemove) }</button>
                </div>
                <div class="zone-chips">
                    { for zones }
                    <button data-testid={format!("add-zone-{code}")}
                            onclick={on_click(state, Action::AddZone(c2))}>{ t(lang, Key::PalAddZone) }</button>
                </div>
            </li>
        }
    });
    let options = REGIONS.iter().filter(|info| s.region(info.code).is_none()).map(|info| {
        html! { <option value={info.code}>{ format!("{} ({})", region_name(lang, info.code), info.code) }</option> }
    });
    let add = {
        let (state, choice) = (state.clone(), choice.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(sel) = choice.cast::<HtmlSelectElement>() {
                let code = sel.value();
                if !code.is_empty() {
                    state.dispatch(Action::AddRegion(code));
                }
            }
        })
    };
    html! {
        <>
            <ul class="region-list">{ for rows }</ul>
            <div class="add-region">
                <select ref={choice} data-testid="region-select" aria-label={t(lang, Key::PalAddRegion)}>{ for options }</select>
                <button data-testid="add-region" onclick={add}>{ t(lang, Key::PalAddRegion) }</button>
            </div>
        </>
    }
}

/// Asks before removing a region that still holds components.
fn confirm_removal(lang: Lang, state: &EditorHandle) -> Html {
    let Some(p) = state.pending_removal.clone() else { return Html::default() };
    let name = region_name(lang, &p.region);
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" data-testid="confirm-removal">
                <h2>{ t(lang, Key::PalConfirmTitle) }</h2>
                <p>{ text::confirm(lang, &name, p.components) }</p>
                <div class="dialog-actions">
                    <button data-testid="cancel-remove" onclick={on_click(state, Action::CancelRemoval)}>{ t(lang, Key::PalCancel) }</button>
                    <button class="danger" data-testid="confirm-remove"
                            onclick={on_click(state, Action::ConfirmRemoval)}>{ t(lang, Key::PalRemove) }</button>
                </div>
            </div>
        </div>
    }
}
