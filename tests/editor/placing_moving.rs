use super::common::*;

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
        assert!(err.reason.to_string().contains("inside an availability zone"), "{err}");
        assert_eq!(ed.scenario, before);
        assert_eq!(ed.history.undo_len(), steps);
    }
}

#[test]
fn a_standby_or_replica_needs_a_primary_and_picks_the_nearest() {
    let mut ed = editor_with(&[SEOUL]);
    let (x, y) = spot(&ed, SEOUL, "b", 0);
    for item in [PaletteItem::DbStandby, PaletteItem::DbReplica] {
        assert_eq!(ed.place(item, x, y).unwrap_err().reason.to_string(), "place a primary database first");
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
    assert_eq!(err.reason.to_string(), "every primary already has a standby");
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
    assert!(ed.drag.hint().is_some_and(|h| h.to_string().contains("inside an availability zone")));
    let (sx, sy) = ed.view.to_screen(-400.0, -300.0);
    let err = ed.pointer_up(sx, sy).unwrap_err();
    assert!(err.reason.to_string().contains(&app), "{err}");
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
    // Sideways, not 40 down: that drops the balancer onto the app tier's card, which is
    // nudged away since a drop never hides a card (issue 19).
    drag(&mut ed, p, (p.0 + 20.0, p.1 + 2.0), NONE).unwrap();
    drag(&mut ed, (p.0 + 20.0, p.1 + 2.0), (p.0 + 1.0, p.1 + 1.0), NONE).unwrap();
    assert_eq!(ed.history.undo_len(), steps + 2);
    let q = pos(&ed, &lb);
    press_and_move(&mut ed, q, (q.0 + 60.0, q.1), NONE);
    let (sx, sy) = ed.view.to_screen(q.0, q.1);
    ed.pointer_up(sx, sy).unwrap();
    assert_eq!(ed.history.undo_len(), steps + 2, "moved away and back: nothing to undo");
}
