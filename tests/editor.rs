//! Native tests of the pure editor: every case builds its scenario from an empty one through
//! the editor's own commands (no presets), then drives it as the canvas would.

use archlab::catalog::{rtt_ms, CROSS_ZONE_RTT_MS, SAME_ZONE_RTT_MS};
use archlab::editor::*;
use archlab::model::{validate, FaultAction, Kind, Placement, Scenario, ScheduledFault, Target};

const SEOUL: &str = "ap-northeast-2";
const TOKYO: &str = "ap-northeast-1";

fn editor_with(regions: &[&str]) -> Editor {
    let mut ed = Editor::new(Scenario::empty("test"));
    for r in regions {
        ed.add_region(r).unwrap();
    }
    ed
}

/// A point inside zone `zone` of `region`, `slot` rows down (rows 90 units apart).
fn spot(ed: &Editor, region: &str, zone: &str, slot: usize) -> (f64, f64) {
    let r = zone_rect_of(&ed.scenario, &Placement::new(region, zone)).expect("zone exists");
    (r.x + r.w / 2.0, r.y + 60.0 + slot as f64 * 90.0)
}

fn put(ed: &mut Editor, item: PaletteItem, region: &str, zone: &str, slot: usize) -> String {
    let (x, y) = spot(ed, region, zone, slot);
    ed.place(item, x, y).unwrap_or_else(|r| panic!("placing {item:?}: {r}"))
}

/// Seoul with clients → lb → app → db all in zone a.
fn three_tier() -> (Editor, [String; 4]) {
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

fn assert_valid(ed: &Editor) {
    let d = validate(&ed.scenario);
    assert!(d.is_empty(), "invalid scenario: {d:?}");
}

fn pos(ed: &Editor, id: &str) -> (f64, f64) {
    let c = ed.scenario.component(id).unwrap();
    (c.x, c.y)
}

/// Drags in model coordinates as the canvas would, in `steps` pointer moves.
fn drag(ed: &mut Editor, from: (f64, f64), to: (f64, f64), mods: Modifiers) -> Result<(), Refusal> {
    press_and_move(ed, from, to, mods);
    let (sx, sy) = ed.view.to_screen(to.0, to.1);
    ed.pointer_up(sx, sy)
}

fn press_and_move(ed: &mut Editor, from: (f64, f64), to: (f64, f64), mods: Modifiers) {
    let (fx, fy) = ed.view.to_screen(from.0, from.1);
    let (tx, ty) = ed.view.to_screen(to.0, to.1);
    ed.pointer_down(fx, fy, mods);
    for i in 1..=7 {
        let t = i as f64 / 7.0;
        ed.pointer_move(fx + (tx - fx) * t, fy + (ty - fy) * t);
    }
}

const NONE: Modifiers = Modifiers { shift: false, pan: false };
const SHIFT: Modifiers = Modifiers { shift: true, pan: false };

// ---------------------------------------------------------------- placing

#[test]
fn placing_in_a_zone_sets_its_placement_and_a_fresh_id() {
    let mut ed = editor_with(&[SEOUL]);
    for (item, zone, want_id) in [
        (PaletteItem::Clients, "a", "users-1"),
        (PaletteItem::Dns, "b", "dns-1"),
        (PaletteItem::LoadBalancer, "c", "lb-1"),
        (PaletteItem::AppServer, "b", "app-1"),
        (PaletteItem::AppServer, "c", "app-2"),
        (PaletteItem::DbPrimary, "a", "db-1"),
        (PaletteItem::DbReplica, "b", "replica-1"),
        (PaletteItem::DbStandby, "c", "standby-1"),
    ] {
        let before = ed.history.undo_len();
        let id = put(&mut ed, item, SEOUL, zone, 2);
        assert_eq!(id, want_id);
        assert_eq!(ed.scenario.component(&id).unwrap().place, Placement::new(SEOUL, zone));
        assert_eq!(ed.selection.ids, vec![id.clone()], "the new component is selected");
        assert_eq!(ed.history.undo_len(), before + 1, "one undo step per placement");
        let (x, y) = pos(&ed, &id);
        assert_eq!((x % GRID, y % GRID), (0.0, 0.0), "{id} snapped to the grid");
        assert_valid(&ed);
    }
}

#[test]
fn placing_outside_every_zone_is_refused_and_changes_nothing() {
    let mut ed = editor_with(&[SEOUL]);
    let before = ed.scenario.clone();
    let steps = ed.history.undo_len();
    let r = ed.scenario.regions[0].rect;
    // Empty canvas, the region's title bar, and the padding between two zones.
    let z0 = ed.scenario.regions[0].zone_rect(0);
    for (x, y) in [(-500.0, -500.0), (r.x + 50.0, r.y + 10.0), (z0.x + z0.w + 6.0, z0.y + 100.0)] {
        let err = ed.place(PaletteItem::AppServer, x, y).unwrap_err();
        assert!(err.reason.contains("inside an availability zone"), "{err}");
        assert_eq!(ed.scenario, before);
        assert_eq!(ed.history.undo_len(), steps);
    }
}

#[test]
fn a_standby_or_replica_needs_a_primary_and_picks_the_nearest() {
    let mut ed = editor_with(&[SEOUL]);
    let (x, y) = spot(&ed, SEOUL, "b", 0);
    for item in [PaletteItem::DbStandby, PaletteItem::DbReplica] {
        assert_eq!(ed.place(item, x, y).unwrap_err().reason, "place a primary database first");
    }
    let far = put(&mut ed, PaletteItem::DbPrimary, SEOUL, "a", 0);
    let near = put(&mut ed, PaletteItem::DbPrimary, SEOUL, "c", 0);
    let primary_of = |ed: &Editor, id: &str| match &ed.scenario.component(id).unwrap().kind {
        Kind::Database(d) => d.primary.clone(),
        _ => None,
    };
    let rep = put(&mut ed, PaletteItem::DbReplica, SEOUL, "c", 2);
    assert_eq!(primary_of(&ed, &rep).as_deref(), Some(near.as_str()));
    let s1 = put(&mut ed, PaletteItem::DbStandby, SEOUL, "c", 3);
    assert_eq!(primary_of(&ed, &s1).as_deref(), Some(near.as_str()));
    // The nearest primary has its standby: the next one goes to the other primary.
    let s2 = put(&mut ed, PaletteItem::DbStandby, SEOUL, "c", 4);
    assert_eq!(primary_of(&ed, &s2).as_deref(), Some(far.as_str()));
    let err = ed.place(PaletteItem::DbStandby, x, y).unwrap_err();
    assert_eq!(err.reason, "every primary already has a standby");
    assert_valid(&ed);
}

// ---------------------------------------------------------------- moving

#[test]
fn moving_across_zones_and_regions_changes_placement_and_latency() {
    let (mut ed, [_, _, app, db]) = three_tier();
    ed.add_region(TOKYO).unwrap();
    assert_eq!(link_info(&ed.scenario, &app, &db), Some(SAME_ZONE_RTT_MS));
    let cases = [
        (SEOUL, "b", CROSS_ZONE_RTT_MS),
        (SEOUL, "c", CROSS_ZONE_RTT_MS),
        (SEOUL, "a", SAME_ZONE_RTT_MS),
        (TOKYO, "d", 31.0),
        (TOKYO, "a", 31.0),
    ];
    for (region, zone, rtt) in cases {
        let from = pos(&ed, &db);
        let to = spot(&ed, region, zone, 1);
        let steps = ed.history.undo_len();
        drag(&mut ed, from, to, NONE).unwrap();
        let place = Placement::new(region, zone);
        assert_eq!(ed.scenario.component(&db).unwrap().place, place, "moved to {region}{zone}");
        assert_eq!(link_info(&ed.scenario, &app, &db), Some(rtt));
        assert_eq!(rtt, rtt_ms(&Placement::new(SEOUL, "a"), &place));
        assert_eq!(ed.history.undo_len(), steps + 1, "one step per drag");
        assert_valid(&ed);
    }
}

#[test]
fn a_move_follows_snapshot_plus_offset_snapped_without_drift() {
    let (mut ed, [_, _, app, _]) = three_tier();
    let start = pos(&ed, &app);
    let grab = (start.0 + 7.0, start.1 + 3.0);
    // Wander around inside zone a with many moves, then land 2 grid cells right of the start.
    let (sx, sy) = ed.view.to_screen(grab.0, grab.1);
    ed.pointer_down(sx, sy, NONE);
    for i in 0..200 {
        let t = i as f64 * 0.37;
        ed.pointer_move(sx + 30.0 * t.sin(), sy + 20.0 * t.cos());
    }
    let (ex, ey) = ed.view.to_screen(grab.0 + 41.0, grab.1 - 1.0);
    ed.pointer_up(ex, ey).unwrap();
    assert_eq!(pos(&ed, &app), (start.0 + 40.0, start.1));
}

#[test]
fn reparenting_moves_all_selected_and_keeps_their_offsets() {
    let (mut ed, [_, lb, app, _]) = three_tier();
    ed.selection.only(&lb);
    ed.selection.add(&app);
    let (l0, a0) = (pos(&ed, &lb), pos(&ed, &app));
    let dx = spot(&ed, SEOUL, "b", 0).0 - l0.0;
    drag(&mut ed, l0, (l0.0 + dx, l0.1), NONE).unwrap();
    // The grabbed one lands on the grid; the other keeps its offset to it.
    let snapped = snap(l0.0 + dx) - l0.0;
    for (id, p0) in [(&lb, l0), (&app, a0)] {
        let c = ed.scenario.component(id).unwrap();
        assert_eq!(c.place, Placement::new(SEOUL, "b"), "{id}");
        assert_eq!((c.x - p0.0, c.y - p0.1), (snapped, 0.0), "{id}");
    }
    assert_eq!(link_info(&ed.scenario, &lb, &app), Some(SAME_ZONE_RTT_MS));
}

#[test]
fn dropping_outside_every_zone_reverts_with_a_reason() {
    let (mut ed, [_, _, app, _]) = three_tier();
    let before = ed.scenario.clone();
    let steps = ed.history.undo_len();
    let from = pos(&ed, &app);
    press_and_move(&mut ed, from, (-400.0, -300.0), NONE);
    assert!(ed.drag.hint().is_some_and(|h| h.contains("inside an availability zone")));
    let (sx, sy) = ed.view.to_screen(-400.0, -300.0);
    let err = ed.pointer_up(sx, sy).unwrap_err();
    assert!(err.reason.contains(&app), "{err}");
    assert_eq!(ed.scenario, before);
    assert_eq!(ed.history.undo_len(), steps);
}

#[test]
fn escape_during_a_drag_restores_exactly_and_records_nothing() {
    let (mut ed, [_, _, app, _]) = three_tier();
    ed.add_region(TOKYO).unwrap();
    let before = ed.scenario.clone();
    let steps = ed.history.undo_len();
    let from = pos(&ed, &app);
    let to = spot(&ed, TOKYO, "c", 2);
    press_and_move(&mut ed, from, to, NONE);
    assert_ne!(ed.scenario, before, "the preview moved it");
    ed.escape();
    assert_eq!(ed.scenario, before);
    assert_eq!(ed.drag, Drag::Idle);
    assert_eq!(ed.history.undo_len(), steps);
    // A release after Escape does nothing either.
    ed.pointer_up(0.0, 0.0).unwrap();
    assert_eq!(ed.scenario, before);
}

#[test]
fn a_press_below_the_threshold_is_a_click_that_selects() {
    let (mut ed, [c, lb, _, _]) = three_tier();
    let before = ed.scenario.clone();
    let p = pos(&ed, &lb);
    let (sx, sy) = ed.view.to_screen(p.0, p.1);
    ed.pointer_down(sx, sy, NONE);
    ed.pointer_move(sx + 3.0, sy);
    ed.pointer_up(sx + 3.0, sy).unwrap();
    assert_eq!(ed.scenario, before);
    assert_eq!(ed.selection.ids, vec![lb.clone()]);
    // Shift-click adds, shift-click again removes, a plain click on empty space clears.
    let q = pos(&ed, &c);
    for (want, mods, at) in [
        (vec![lb.clone(), c.clone()], SHIFT, q),
        (vec![lb.clone()], SHIFT, q),
        (vec![], NONE, (-300.0, -300.0)),
    ] {
        drag(&mut ed, at, at, mods).unwrap();
        assert_eq!(ed.selection.ids, want);
    }
    assert!(!ed.history.can_undo() || ed.scenario == before);
}

#[test]
fn a_move_with_no_net_change_records_no_step() {
    let (mut ed, [_, lb, _, _]) = three_tier();
    let steps = ed.history.undo_len();
    let p = pos(&ed, &lb);
    drag(&mut ed, p, (p.0 + 2.0, p.1 + 40.0), NONE).unwrap();
    drag(&mut ed, (p.0 + 2.0, p.1 + 40.0), (p.0 + 1.0, p.1 + 1.0), NONE).unwrap();
    assert_eq!(ed.history.undo_len(), steps + 2);
    let q = pos(&ed, &lb);
    press_and_move(&mut ed, q, (q.0 + 60.0, q.1), NONE);
    let (sx, sy) = ed.view.to_screen(q.0, q.1);
    ed.pointer_up(sx, sy).unwrap();
    assert_eq!(ed.history.undo_len(), steps + 2, "moved away and back: nothing to undo");
}

// ---------------------------------------------------------------- connecting

#[test]
fn connecting_from_a_handle_adds_one_link_as_one_step() {
    let mut ed = editor_with(&[SEOUL]);
    let c = put(&mut ed, PaletteItem::Clients, SEOUL, "a", 0);
    let lb = put(&mut ed, PaletteItem::LoadBalancer, SEOUL, "b", 0);
    let steps = ed.history.undo_len();
    let from = handle_center(ed.scenario.component(&c).unwrap());
    let to = pos(&ed, &lb);
    drag(&mut ed, from, to, NONE).unwrap();
    assert_eq!(ed.scenario.links.len(), 1);
    assert_eq!((ed.scenario.links[0].from.as_str(), ed.scenario.links[0].to.as_str()), (&*c, &*lb));
    assert_eq!(ed.history.undo_len(), steps + 1);
    assert_eq!(link_info(&ed.scenario, &c, &lb), Some(CROSS_ZONE_RTT_MS));
    // Released over nothing: no link, no step, no error.
    drag(&mut ed, from, (-300.0, -300.0), NONE).unwrap();
    assert_eq!(ed.history.undo_len(), steps + 1);
}

#[test]
fn bad_links_are_refused_with_their_reason() {
    let (mut ed, [c, lb, app, db]) = three_tier();
    let standby = put(&mut ed, PaletteItem::DbStandby, SEOUL, "b", 0);
    let lb2 = put(&mut ed, PaletteItem::LoadBalancer, SEOUL, "c", 0);
    let cases: [(&str, &str, &str); 7] = [
        (&app, &app, "a component cannot link to itself"),
        (&c, &lb, "is already connected to"),
        (&db, &app, "a database only answers queries"),
        (&app, &c, "nothing sends requests to clients"),
        (&app, &standby, "connect the app to the primary"),
        (&lb, &lb2, "chain load balancers through DNS"),
        (&c, &db, "clients reach a database only through an app server"),
    ];
    for (from, to, why) in cases {
        let before = ed.scenario.clone();
        let err = ed.connect(from, to).unwrap_err();
        assert!(err.reason.contains(why), "{from}->{to}: {err}");
        assert_eq!(ed.scenario, before);
    }
}

#[test]
fn a_bad_link_drawn_with_the_pointer_shows_the_reason_and_is_refused() {
    let (mut ed, [c, _, app, _]) = three_tier();
    let before = ed.scenario.clone();
    let from = handle_center(ed.scenario.component(&app).unwrap());
    let to = pos(&ed, &c);
    press_and_move(&mut ed, from, to, NONE);
    assert_eq!(ed.drag.hint(), Some("nothing sends requests to clients: they only start them"));
    let (sx, sy) = ed.view.to_screen(to.0, to.1);
    let err = ed.pointer_up(sx, sy).unwrap_err();
    assert!(err.reason.starts_with("nothing sends requests to clients"));
    assert_eq!(ed.scenario, before);
}

// ---------------------------------------------------------------- selecting and panning

#[test]
fn rubber_band_with_shift_selects_boxes_inside_and_escape_restores() {
    let (mut ed, [c, lb, app, db]) = three_tier();
    let (pc, pa) = (pos(&ed, &c), pos(&ed, &app));
    ed.selection.only(&db);
    // From above-left of clients to below-right of app: three boxes inside, db outside.
    press_and_move(&mut ed, (pc.0 - 80.0, pc.1 - 40.0), (pa.0 + 80.0, pa.1 + 40.0), SHIFT);
    let mut got = ed.selection.ids.clone();
    got.sort();
    let mut want = vec![c.clone(), lb.clone(), app.clone(), db.clone()];
    want.sort();
    assert_eq!(got, want, "shift keeps db and adds the three in the band");
    assert!(ed.drag.band().is_some());
    ed.escape();
    assert_eq!(ed.selection.ids, vec![db.clone()]);
}

#[test]
fn dragging_empty_space_pans_and_escape_restores_the_view() {
    let (mut ed, _) = three_tier();
    let before = (ed.scenario.clone(), ed.view);
    let (x0, y0) = ed.view.to_screen(-300.0, -300.0);
    ed.pointer_down(x0, y0, NONE);
    ed.pointer_move(x0 + 50.0, y0 + 30.0);
    // The model point under the pointer stays under it.
    let (mx, my) = ed.view.to_model(x0 + 50.0, y0 + 30.0);
    assert!((mx + 300.0).abs() < 1e-9 && (my + 300.0).abs() < 1e-9);
    ed.escape();
    assert_eq!((ed.scenario.clone(), ed.view), before);
    // Space-drag pans even over a component.
    let p = ed.view.to_screen(ed.scenario.components[0].x, ed.scenario.components[0].y);
    ed.pointer_down(p.0, p.1, Modifiers { shift: false, pan: true });
    ed.pointer_move(p.0 + 100.0, p.1);
    ed.pointer_up(p.0 + 100.0, p.1).unwrap();
    assert_eq!(ed.scenario, before.0);
    assert!((ed.view.x - (before.1.x - 100.0)).abs() < 1e-9);
}

#[test]
fn selection_survives_undo_when_its_ids_still_exist() {
    let (mut ed, [c, lb, app, _]) = three_tier();
    ed.selection.only(&lb);
    ed.selection.add(&app);
    let extra = put(&mut ed, PaletteItem::AppServer, SEOUL, "b", 0);
    ed.selection.add(&lb);
    assert_eq!(ed.selection.ids, vec![extra.clone(), lb.clone()]);
    assert!(ed.undo());
    assert_eq!(ed.selection.ids, vec![lb.clone()], "the undone component left the selection");
    ed.select_all();
    assert_eq!(ed.selection.ids.len(), 4);
    assert!(ed.selection.contains(&c));
}

// ---------------------------------------------------------------- undo and redo

#[test]
fn undo_and_redo_walk_the_exact_scenarios() {
    let mut ed = editor_with(&[]);
    let mut states = vec![ed.scenario.clone()];
    let mut step = |ed: &mut Editor, f: &dyn Fn(&mut Editor)| {
        f(ed);
        states.push(ed.scenario.clone());
    };
    step(&mut ed, &|ed| ed.add_region(SEOUL).unwrap());
    step(&mut ed, &|ed| drop(put(ed, PaletteItem::Clients, SEOUL, "a", 0)));
    step(&mut ed, &|ed| drop(put(ed, PaletteItem::AppServer, SEOUL, "b", 0)));
    step(&mut ed, &|ed| ed.connect("users-1", "app-1").unwrap());
    step(&mut ed, &|ed| apply_field(ed, "app-1", "processes", "8").unwrap());
    step(&mut ed, &|ed| {
        let from = pos(ed, "app-1");
        drag(ed, from, spot(ed, SEOUL, "c", 1), NONE).unwrap();
    });
    step(&mut ed, &|ed| ed.rename("app-1", "web").unwrap());
    step(&mut ed, &|ed| ed.add_zone(SEOUL).map(drop).unwrap());
    step(&mut ed, &|ed| {
        ed.selection.only("users-1");
        ed.delete_selection().unwrap();
    });
    for w in states.windows(2) {
        assert_ne!(w[0], w[1], "every step changed something");
    }
    assert_eq!(ed.history.undo_len(), states.len() - 1);
    for want in states.iter().rev().skip(1) {
        assert!(ed.undo());
        assert_eq!(&ed.scenario, want);
    }
    assert!(!ed.undo());
    for want in states.iter().skip(1) {
        assert!(ed.redo());
        assert_eq!(&ed.scenario, want);
    }
    assert!(!ed.redo());
    // A new edit after an undo forgets the redo branch.
    ed.undo();
    ed.add_region(TOKYO).unwrap();
    assert!(!ed.history.can_redo());
}

#[test]
fn history_is_bounded() {
    let (mut ed, [_, _, app, _]) = three_tier();
    for i in 0..(HISTORY_LIMIT + 30) {
        apply_field(&mut ed, &app, "processes", &(i % 60 + 2).to_string()).unwrap();
    }
    assert_eq!(ed.history.undo_len(), HISTORY_LIMIT);
}

// ---------------------------------------------------------------- fields

#[test]
fn field_edits_apply_valid_values_and_refuse_invalid_ones_changing_nothing() {
    let (mut ed, [c, lb, app, db]) = three_tier();
    let dns = put(&mut ed, PaletteItem::Dns, SEOUL, "b", 0);
    // (component, key, typed text, Ok(value shown afterwards) or Err(part of the message))
    let cases: Vec<(&str, &str, &str, Result<&str, &str>)> = vec![
        (&app, "processes", "8", Ok("8")),
        (&app, "processes", " 64 ", Ok("64")),
        (&app, "processes", "0", Err("between 1 and 64")),
        (&app, "processes", "65", Err("between 1 and 64")),
        (&app, "processes", "2.5", Err("whole number")),
        (&app, "processes", "-1", Err("whole number")),
        (&app, "processes", "", Err("whole number")),
        (&app, "vcpus", "96", Ok("96")),
        (&app, "vcpus", "97", Err("between 1 and 96")),
        (&app, "count", "64", Ok("64")),
        (&app, "count", "0", Err("between 1 and 64")),
        (&app, "cpu_ms", "12.5", Ok("12.5")),
        (&app, "cpu_ms", "0", Err("more than 0")),
        (&app, "cpu_ms", "NaN", Err("finite")),
        (&app, "cpu_ms", "inf", Err("finite")),
        (&app, "write_ratio", "35", Ok("35")),
        (&app, "write_ratio", "101", Err("between 0 and 100")),
        (&app, "service", "constant", Ok("constant")),
        (&app, "service", "gaussian", Err("choices")),
        (&lb, "algorithm", "least_connections", Ok("least_connections")),
        (&lb, "algorithm", "fastest", Err("choices")),
        (&lb, "layer", "l4", Ok("l4")),
        (&lb, "fail_open", "true", Ok("true")),
        (&lb, "fail_open", "yes", Err("true or false")),
        (&lb, "health_check.interval_s", "10", Ok("10")),
        (&lb, "health_check.interval_s", "5", Err("longer than the timeout (5 s)")),
        (&lb, "health_check.interval_s", "301", Err("between 1 and 300")),
        (&lb, "health_check.timeout_s", "9", Ok("9")),
        (&lb, "health_check.timeout_s", "10", Err("shorter than the interval (10 s)")),
        (&lb, "health_check.unhealthy_threshold", "11", Err("between 1 and 10")),
        (&dns, "health_check.interval_s", "60", Ok("60")),
        (&dns, "policy", "failover", Ok("failover")),
        (&dns, "ttl_s", "-5", Err("between 0 and 86400")),
        (&db, "max_connections", "5000", Ok("5000")),
        (&db, "max_connections", "5001", Err("between 1 and 5000")),
        (&db, "query_ms", "2", Ok("2")),
        (&db, "role", "standby", Err("role is fixed")),
        (&db, "primary", "db-9", Err("cannot be edited")),
        (&c, "weight", "2", Ok("2")),
        (&c, "processes", "2", Err("has no field")),
    ];
    for (id, key, text, want) in cases {
        let before = ed.scenario.clone();
        let steps = ed.history.undo_len();
        let got = apply_field(&mut ed, id, key, text);
        let shown = || {
            let f = fields_for(ed.scenario.component(id).unwrap());
            f.into_iter().find(|f| f.key == key).unwrap().value
        };
        match want {
            Ok(v) => {
                assert_eq!(got, Ok(()), "{id}.{key} = {text:?}");
                assert_eq!(shown(), v, "{id}.{key}");
                assert!(ed.history.undo_len() == steps + 1 || before == ed.scenario);
            }
            Err(part) => {
                let e = got.expect_err(&format!("{id}.{key} = {text:?} should be refused"));
                assert_eq!(e.key, key);
                assert!(e.message.contains(part), "{id}.{key} = {text:?}: {}", e.message);
                assert_eq!(ed.scenario, before, "{id}.{key} = {text:?} changed the scenario");
                assert_eq!(ed.history.undo_len(), steps);
            }
        }
        assert_valid(&ed);
    }
}

#[test]
fn fields_carry_units_ranges_and_i18n_keys() {
    let (ed, [_, lb, app, _]) = three_tier();
    let f = fields_for(ed.scenario.component(&app).unwrap());
    assert_eq!(f[0].key, "id");
    let p = f.iter().find(|f| f.key == "processes").unwrap();
    assert_eq!(
        (p.label.as_str(), p.input.clone(), p.value.as_str()),
        ("field.processes", Input::Int { min: 1, max: 64 }, "1")
    );
    assert_eq!(f.iter().find(|f| f.key == "vcpus").unwrap().unit, Some("vCPU"));
    assert_eq!(f.iter().find(|f| f.key == "write_ratio").unwrap().value, "20");
    let f = fields_for(ed.scenario.component(&lb).unwrap());
    let h = f.iter().find(|f| f.key == "health_check.interval_s").unwrap();
    assert_eq!((h.unit, h.value.as_str()), (Some("s"), "30"));
    assert!(
        matches!(f.iter().find(|f| f.key == "algorithm").unwrap().input, Input::Choice(c) if c.len() == 5)
    );
}

#[test]
fn renaming_updates_every_reference_and_refuses_bad_ids() {
    let (mut ed, [c, lb, app, db]) = three_tier();
    ed.scenario.faults.push(ScheduledFault {
        at_s: 5.0,
        action: FaultAction::Kill { target: Target::Component { id: app.clone() } },
    });
    let replica = put(&mut ed, PaletteItem::DbReplica, SEOUL, "b", 0);
    ed.selection.only(&app);
    apply_field(&mut ed, &app, "id", "web").unwrap();
    apply_field(&mut ed, &db, "id", "main_db").unwrap();
    let s = &ed.scenario;
    assert!(s.links.iter().any(|l| l.from == lb && l.to == "web"));
    assert!(s.links.iter().any(|l| l.from == "web" && l.to == "main_db"));
    assert!(
        matches!(&s.faults[0].action, FaultAction::Kill { target: Target::Component { id } } if id == "web")
    );
    assert!(
        matches!(&s.component(&replica).unwrap().kind, Kind::Database(d) if d.primary.as_deref() == Some("main_db"))
    );
    assert_eq!(ed.selection.ids, vec!["web".to_string()]);
    for (new, why) in
        [("web", ""), (c.as_str(), "already taken"), ("a b", "letters"), ("", "letters"), ("é", "letters")]
    {
        let before = ed.scenario.clone();
        let r = apply_field(&mut ed, "web", "id", new);
        if why.is_empty() {
            assert_eq!(r, Ok(()));
        } else {
            assert!(r.unwrap_err().message.contains(why), "{new:?}");
        }
        assert_eq!(ed.scenario, before);
    }
    assert_valid(&ed);
}

// ---------------------------------------------------------------- delete, duplicate

#[test]
fn delete_removes_links_and_faults_and_keeps_the_scenario_valid() {
    let (mut ed, [c, lb, app, db]) = three_tier();
    ed.scenario.faults.push(ScheduledFault {
        at_s: 5.0,
        action: FaultAction::Kill { target: Target::Server { id: app.clone(), index: 0 } },
    });
    let standby = put(&mut ed, PaletteItem::DbStandby, SEOUL, "b", 0);
    ed.selection.only(&app);
    ed.delete_selection().unwrap();
    assert!(ed.scenario.component(&app).is_none());
    assert_eq!(ed.scenario.links.len(), 1, "only {c} -> {lb} is left");
    assert!(ed.scenario.faults.is_empty());
    assert_valid(&ed);
    // A primary cannot go without its standby...
    ed.selection.only(&db);
    let before = ed.scenario.clone();
    let err = ed.delete_selection().unwrap_err();
    assert!(err.reason.contains(&standby), "{err}");
    assert_eq!(ed.scenario, before);
    // ...but both together can.
    ed.selection.add(&standby);
    ed.delete_selection().unwrap();
    assert_eq!(ed.scenario.components.len(), 2);
    assert_valid(&ed);
    // A selected link alone.
    ed.selection.only_link(&c, &lb);
    ed.delete_selection().unwrap();
    assert!(ed.scenario.links.is_empty());
    assert_eq!(ed.scenario.components.len(), 2);
}

#[test]
fn duplicate_copies_components_and_the_links_among_them() {
    let (mut ed, [c, lb, app, db]) = three_tier();
    ed.selection.only(&lb);
    ed.selection.add(&app);
    let steps = ed.history.undo_len();
    let copies = ed.duplicate_selection().unwrap();
    assert_eq!(copies, vec!["lb-2".to_string(), "app-2".to_string()]);
    assert_eq!(ed.selection.ids, copies);
    assert_eq!(ed.history.undo_len(), steps + 1);
    let (l0, l1) = (pos(&ed, &lb), pos(&ed, "lb-2"));
    assert_eq!((l1.0 - l0.0, l1.1 - l0.1), (40.0, 40.0));
    let has = |f: &str, t: &str| ed.scenario.links.iter().any(|l| l.from == f && l.to == t);
    assert!(has("lb-2", "app-2"), "the link between the copies is copied");
    assert!(!has(&c, "lb-2") && !has("app-2", &db), "links leaving the selection are not");
    assert_valid(&ed);
    // A standby copied alone would give its primary a second standby; with it, the copy
    // follows the copied primary.
    let standby = put(&mut ed, PaletteItem::DbStandby, SEOUL, "b", 0);
    ed.selection.only(&standby);
    let before = ed.scenario.clone();
    assert!(ed.duplicate_selection().unwrap_err().reason.contains("already has a standby"));
    assert_eq!(ed.scenario, before);
    ed.selection.add(&db);
    let copies = ed.duplicate_selection().unwrap();
    let primary = match &ed.scenario.component(&copies[0]).unwrap().kind {
        Kind::Database(d) => d.primary.clone(),
        _ => None,
    };
    assert_eq!(primary.as_deref(), Some(copies[1].as_str()));
    assert_valid(&ed);
}

// ---------------------------------------------------------------- regions and zones

#[test]
fn regions_and_zones_are_added_and_removed_with_their_rules() {
    let mut ed = editor_with(&[SEOUL, TOKYO]);
    assert!(ed.add_region(SEOUL).unwrap_err().reason.contains("already"));
    assert!(ed.add_region("mars-1").is_err());
    let seoul = ed.scenario.region(SEOUL).unwrap().clone();
    let tokyo = ed.scenario.region(TOKYO).unwrap().clone();
    assert!(tokyo.rect.x >= seoul.rect.x + seoul.rect.w, "new regions go to the right");
    assert_eq!(tokyo.zones.iter().map(|z| z.name.as_str()).collect::<Vec<_>>(), ["a", "c", "d"]);

    let app = put(&mut ed, PaletteItem::AppServer, SEOUL, "c", 0);
    let tk = put(&mut ed, PaletteItem::AppServer, TOKYO, "a", 0);
    let (app0, tk0) = (pos(&ed, &app), pos(&ed, &tk));
    assert_eq!(ed.add_zone(SEOUL).unwrap(), "d");
    // Existing zone columns keep their rectangles; the region to the right moves with its contents.
    assert_eq!(ed.scenario.region(SEOUL).unwrap().zone_rect(2), seoul.zone_rect(2));
    assert_eq!(pos(&ed, &app), app0);
    assert_eq!(zone_at(&ed.scenario, pos(&ed, &tk).0, pos(&ed, &tk).1), Some(Placement::new(TOKYO, "a")));
    assert!(pos(&ed, &tk).0 > tk0.0);

    let err = ed.remove_zone(SEOUL, "c").unwrap_err();
    assert!(err.reason.contains("holds 1"), "{err}");
    ed.remove_zone(SEOUL, "b").unwrap();
    // app moved one column left with its zone and is still inside zone c.
    let p = pos(&ed, &app);
    assert_eq!(zone_at(&ed.scenario, p.0, p.1), Some(Placement::new(SEOUL, "c")));
    assert_valid(&ed);

    let before = ed.scenario.clone();
    assert_eq!(ed.remove_region(TOKYO, false), Ok(RegionRemoval::NeedsConfirmation { components: 1 }));
    assert_eq!(ed.scenario, before);
    assert_eq!(ed.remove_region(TOKYO, true), Ok(RegionRemoval::Removed));
    assert!(ed.scenario.region(TOKYO).is_none() && ed.scenario.component(&tk).is_none());
    assert_valid(&ed);
    ed.clear().unwrap();
    assert!(ed.scenario.components.is_empty() && !ed.scenario.regions.is_empty());
    ed.new_scenario().unwrap();
    assert!(ed.scenario.regions.is_empty());
    ed.undo();
    ed.undo();
    assert!(ed.scenario.component(&app).is_some());
}

// ---------------------------------------------------------------- hit testing, view

#[test]
fn hit_testing_finds_handles_components_links_zones_and_regions() {
    let (ed, [c, lb, _, _]) = three_tier();
    let s = &ed.scenario;
    let cc = s.component(&c).unwrap();
    let (h, (lx, ly)) = (handle_center(cc), link_segment(s, &c, &lb).unwrap());
    let mid = ((lx.0 + ly.0) / 2.0, (lx.1 + ly.1) / 2.0);
    let r = s.regions[0].rect;
    let cases = [
        (h, Hit::Handle(c.clone())),
        ((cc.x, cc.y), Hit::Component(c.clone())),
        ((cc.x - COMPONENT_W / 2.0 + 1.0, cc.y + COMPONENT_H / 2.0 - 1.0), Hit::Component(c.clone())),
        (mid, Hit::Link { from: c.clone(), to: lb.clone() }),
        (spot(&ed, SEOUL, "c", 0), Hit::Zone(Placement::new(SEOUL, "c"))),
        ((r.x + 5.0, r.y + 5.0), Hit::Region(SEOUL.into())),
        ((-1000.0, 0.0), Hit::Empty),
    ];
    for ((x, y), want) in cases {
        assert_eq!(hit_test(s, x, y, 4.0), want, "at ({x}, {y})");
    }
    assert!(dist_to_segment((0.0, 5.0), (-10.0, 0.0), (10.0, 0.0)) == 5.0);
    assert!(dist_to_segment((13.0, 4.0), (-10.0, 0.0), (10.0, 0.0)) == 5.0);
}

#[test]
fn view_transforms_zoom_about_a_point_and_fit() {
    let mut v = View { x: 10.0, y: -20.0, zoom: 1.5 };
    let (sx, sy) = v.to_screen(123.0, 45.0);
    let back = v.to_model(sx, sy);
    assert!((back.0 - 123.0).abs() < 1e-9 && (back.1 - 45.0).abs() < 1e-9);
    let anchor = v.to_model(300.0, 200.0);
    v.zoom_at(1.7, 300.0, 200.0);
    let after = v.to_model(300.0, 200.0);
    assert!((anchor.0 - after.0).abs() < 1e-9 && (anchor.1 - after.1).abs() < 1e-9);
    v.zoom_at(100.0, 0.0, 0.0);
    assert_eq!(v.zoom, MAX_ZOOM);
    v.zoom_at(1e-6, 0.0, 0.0);
    assert_eq!(v.zoom, MIN_ZOOM);
    v.zoom_at(f64::NAN, 0.0, 0.0);
    assert_eq!(v.zoom, MIN_ZOOM);

    let mut ed = editor_with(&[SEOUL, TOKYO]);
    ed.fit_view(1280.0, 720.0);
    let b = bounds(&ed.scenario).unwrap();
    for (x, y) in [(b.x, b.y), (b.x + b.w, b.y + b.h)] {
        let (sx, sy) = ed.view.to_screen(x, y);
        assert!((0.0..=1280.0).contains(&sx) && (0.0..=720.0).contains(&sy), "({sx}, {sy})");
    }
}

// ---------------------------------------------------------------- random command sequences

/// Applies command `op` (decoded from four random bytes) the way a user could: through the
/// palette, the pointer, the inspector and the keyboard. Refusals are fine; panics are not.
fn random_command(ed: &mut Editor, op: u8, a: u8, b: u8, c: u8) {
    let regions: Vec<String> = ed.scenario.regions.iter().map(|r| r.code.clone()).collect();
    let ids: Vec<String> = ed.scenario.components.iter().map(|c| c.id.clone()).collect();
    let id = |k: u8| ids.get(k as usize % ids.len().max(1)).cloned();
    let zone_spot = |ed: &Editor, r: u8, z: u8, slot: u8| {
        let reg = ed.scenario.regions.get(r as usize % ed.scenario.regions.len().max(1))?;
        let zone = &reg.zones[z as usize % reg.zones.len()];
        Some(spot(ed, &reg.code.clone(), &zone.name.clone(), slot as usize % 5))
    };
    match op % 16 {
        0 | 1 => {
            if let Some((x, y)) = zone_spot(ed, a, b, c) {
                let _ = ed.place(PaletteItem::ALL[c as usize % 7], x + (a % 7) as f64, y);
            }
        }
        2 | 3 => {
            if let (Some(id), Some(to)) = (id(a), zone_spot(ed, b, c, a)) {
                let from = pos(ed, &id);
                let _ = drag(ed, from, to, if c.is_multiple_of(3) { SHIFT } else { NONE });
            }
        }
        4 => {
            if let (Some(f), Some(t)) = (id(a), id(b)) {
                let from = handle_center(ed.scenario.component(&f).unwrap());
                let to = pos(ed, &t);
                let _ = drag(ed, from, to, NONE);
            }
        }
        5 => {
            if let Some(i) = id(a) {
                ed.selection.only(&i);
                if c.is_multiple_of(2) {
                    id(b).inspect(|j| ed.selection.add(j));
                }
                let _ = ed.delete_selection();
            }
        }
        6 => {
            if let Some(i) = id(a) {
                ed.selection.only(&i);
                let _ = ed.duplicate_selection();
            }
        }
        7 => {
            const EDITS: &[(&str, &str)] = &[
                ("processes", "4"),
                ("processes", "0"),
                ("count", "3"),
                ("vcpus", "x"),
                ("health_check.interval_s", "3"),
                ("health_check.timeout_s", "2"),
                ("max_connections", "50"),
                ("algorithm", "random"),
                ("id", "node"),
                ("id", "bad id"),
                ("write_ratio", "150"),
                ("weight", "3"),
            ];
            if let Some(i) = id(a) {
                let (k, v) = EDITS[b as usize % EDITS.len()];
                let _ = apply_field(ed, &i, k, v);
            }
        }
        8 => {
            let _ = ed.add_region(archlab::catalog::REGIONS[a as usize % 4].code);
        }
        9 => {
            if let Some(r) = regions.get(a as usize % regions.len().max(1)) {
                let _ = ed.add_zone(r);
            }
        }
        10 => {
            if let Some(r) = ed.scenario.regions.get(a as usize % regions.len().max(1)).cloned() {
                let _ = ed.remove_zone(&r.code, &r.zones[b as usize % r.zones.len()].name);
            }
        }
        11 => {
            if let Some(r) = regions.get(a as usize % regions.len().max(1)) {
                let _ = ed.remove_region(r, b.is_multiple_of(2));
            }
        }
        12 => {
            if let (Some(i), Some(to)) = (id(a), zone_spot(ed, b, c, a)) {
                let from = pos(ed, &i);
                press_and_move(ed, from, to, NONE);
                ed.escape();
            }
        }
        13 => {
            ed.undo();
        }
        14 => {
            ed.redo();
        }
        _ => {
            if let Some(i) = id(a) {
                let from = pos(ed, &i);
                let _ = drag(ed, from, (-5000.0, -5000.0), NONE);
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(96))]

    #[test]
    fn random_commands_keep_the_scenario_valid_and_undo_all_returns_to_the_start(
        ops in proptest::collection::vec((0u8..=255, 0u8..=255, 0u8..=255, 0u8..=255), 1..80)
    ) {
        let (built, _) = three_tier();
        let mut ed = Editor::new(built.scenario.clone());
        let start = ed.scenario.clone();
        for (op, a, b, c) in ops {
            random_command(&mut ed, op, a, b, c);
            let d = validate(&ed.scenario);
            proptest::prop_assert!(d.is_empty(), "after op {}: {:?}", op % 16, d);
            proptest::prop_assert_eq!(&ed.drag, &Drag::Idle);
            proptest::prop_assert!(ed.selection.ids.iter().all(|i| ed.scenario.component(i).is_some()));
        }
        while ed.undo() {}
        proptest::prop_assert_eq!(&ed.scenario, &start);
    }
}

#[test]
fn a_box_dropped_near_a_zone_edge_is_kept_inside_it() {
    let mut ed = editor_with(&[SEOUL]);
    let z = ed.scenario.regions[0].zone_rect(1);
    let id = ed.place(PaletteItem::AppServer, z.x + 2.0, z.y + z.h - 2.0).unwrap();
    let c = ed.scenario.component(&id).unwrap();
    let r = component_rect(c);
    assert!(r.x >= z.x && r.x + r.w <= z.x + z.w && r.y >= z.y && r.y + r.h <= z.y + z.h, "{r:?} in {z:?}");
    assert_eq!(c.place, Placement::new(SEOUL, "b"));
}

#[test]
fn keyboard_actions_map_keys_and_perform() {
    let cases = [
        ("z", true, false, Some(Action::Undo)),
        ("Z", true, true, Some(Action::Redo)),
        ("y", true, false, Some(Action::Redo)),
        ("Delete", false, false, Some(Action::Delete)),
        ("Backspace", false, false, Some(Action::Delete)),
        ("d", true, false, Some(Action::Duplicate)),
        ("a", true, false, Some(Action::SelectAll)),
        ("Escape", false, false, Some(Action::Cancel)),
        ("z", false, false, None),
        ("d", false, false, None),
    ];
    for (key, ctrl, shift, want) in cases {
        assert_eq!(Action::for_key(key, ctrl, shift), want, "{key} ctrl={ctrl} shift={shift}");
    }
    let (mut ed, [_, _, app, _]) = three_tier();
    let start = ed.scenario.clone();
    ed.selection.only(&app);
    ed.perform(Action::Duplicate).unwrap();
    ed.perform(Action::Delete).unwrap();
    ed.perform(Action::SelectAll).unwrap();
    assert_eq!(ed.selection.ids.len(), 4);
    ed.perform(Action::Cancel).unwrap();
    assert!(ed.selection.is_empty());
    ed.perform(Action::Undo).unwrap();
    ed.perform(Action::Undo).unwrap();
    assert_eq!(ed.scenario, start);
    ed.perform(Action::Redo).unwrap();
    assert_eq!(ed.scenario.components.len(), 5);
}
