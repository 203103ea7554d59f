use super::common::*;

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
        assert!(err.reason.to_string().contains(why), "{from}->{to}: {err}");
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
    assert_eq!(
        ed.drag.hint().map(|h| h.to_string()).as_deref(),
        Some("nothing sends requests to clients: they only start them")
    );
    let (sx, sy) = ed.view.to_screen(to.0, to.1);
    let err = ed.pointer_up(sx, sy).unwrap_err();
    assert!(err.reason.to_string().starts_with("nothing sends requests to clients"));
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
