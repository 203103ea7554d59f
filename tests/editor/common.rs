//! Shared helpers: scenarios built from an empty one through the editor's own commands.

#![allow(dead_code)]

pub use archlab::catalog::{rtt_ms, CROSS_ZONE_RTT_MS, SAME_ZONE_RTT_MS};
pub use archlab::editor::*;
pub use archlab::model::{validate, FaultAction, Kind, Placement, Scenario, ScheduledFault, Target};
pub const SEOUL: &str = "ap-northeast-2";
pub const TOKYO: &str = "ap-northeast-1";

pub fn editor_with(regions: &[&str]) -> Editor {
    let mut ed = Editor::new(Scenario::empty("test"));
    for r in regions {
        ed.add_region(r).unwrap();
    }
    ed
}

/// A point inside zone `zone` of `region`, `slot` rows down (rows 90 units apart).
pub fn spot(ed: &Editor, region: &str, zone: &str, slot: usize) -> (f64, f64) {
    let r = zone_rect_of(&ed.scenario, &Placement::new(region, zone)).expect("zone exists");
    (r.x + r.w / 2.0, r.y + 60.0 + slot as f64 * 90.0)
}

pub fn put(ed: &mut Editor, item: PaletteItem, region: &str, zone: &str, slot: usize) -> String {
    let (x, y) = spot(ed, region, zone, slot);
    ed.place(item, x, y).unwrap_or_else(|r| panic!("placing {item:?}: {r}"))
}

/// Seoul with clients → lb → app → db all in zone a.
pub fn three_tier() -> (Editor, [String; 4]) {
    let mut ed = editor_with(&[SEOUL]);
    let c = put(&mut ed, PaletteItem::Clients, SEOUL, "a", 0);
    let lb = put(&mut ed, PaletteItem::LoadBalancer, SEOUL, "a", 1);
    let app = put(&mut ed, PaletteItem::AppServer, SEOUL, "a", 2);
    let db = put(&mut ed, PaletteItem::DbPrimary, SEOUL, "a", 3);
    ed.connect(&c, &lb).unwrap();
    ed.connect(&lb, &app).unwrap();
    ed.connect(&app, &db).unwrap();
    assert_valid(&ed);
    (ed, [c, lb, app, db])
}

pub fn assert_valid(ed: &Editor) {
    let d = validate(&ed.scenario);
    assert!(d.is_empty(), "invalid scenario: {d:?}");
}

pub fn pos(ed: &Editor, id: &str) -> (f64, f64) {
    let c = ed.scenario.component(id).unwrap();
    (c.x, c.y)
}

/// Drags in model coordinates as the canvas would, in `steps` pointer moves.
pub fn drag(ed: &mut Editor, from: (f64, f64), to: (f64, f64), mods: Modifiers) -> Result<(), Refusal> {
    press_and_move(ed, from, to, mods);
    let (sx, sy) = ed.view.to_screen(to.0, to.1);
    ed.pointer_up(sx, sy)
}

pub fn press_and_move(ed: &mut Editor, from: (f64, f64), to: (f64, f64), mods: Modifiers) {
    let (fx, fy) = ed.view.to_screen(from.0, from.1);
    let (tx, ty) = ed.view.to_screen(to.0, to.1);
    ed.pointer_down(fx, fy, mods);
    for i in 1..=7 {
        let t = i as f64 / 7.0;
        ed.pointer_move(fx + (tx - fx) * t, fy + (ty - fy) * t);
    }
}

pub const NONE: Modifiers = Modifiers { shift: false, pan: false };
pub const SHIFT: Modifiers = Modifiers { shift: true, pan: false };
