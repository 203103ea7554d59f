use super::common::*;

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
    assert!(err.reason.to_string().contains(&standby), "{err}");
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
    // The copies keep their arrangement (40 right and down of the originals, before issue 19)
    // and are nudged together to where they hide no card.
    let (l0, l1) = (pos(&ed, &lb), pos(&ed, "lb-2"));
    let (a0, a1) = (pos(&ed, &app), pos(&ed, "app-2"));
    assert_eq!((l1.0 - l0.0, l1.1 - l0.1), (a1.0 - a0.0, a1.1 - a0.1));
    let cs = &ed.scenario.components;
    assert!(cs.iter().all(|x| cs.iter().all(|y| x.id == y.id || !covers(x, y))), "no card hides another");
    let has = |f: &str, t: &str| ed.scenario.links.iter().any(|l| l.from == f && l.to == t);
    assert!(has("lb-2", "app-2"), "the link between the copies is copied");
    assert!(!has(&c, "lb-2") && !has("app-2", &db), "links leaving the selection are not");
    assert_valid(&ed);
    // A standby copied alone would give its primary a second standby; with it, the copy
    // follows the copied primary.
    let standby = put(&mut ed, PaletteItem::DbStandby, SEOUL, "b", 0);
    ed.selection.only(&standby);
    let before = ed.scenario.clone();
    assert!(ed.duplicate_selection().unwrap_err().reason.to_string().contains("already has a standby"));
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
    assert!(ed.add_region(SEOUL).unwrap_err().reason.to_string().contains("already"));
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
    assert!(err.reason.to_string().contains("holds 1"), "{err}");
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
    let named = ed.scenario.name.clone();
    ed.new_scenario().unwrap();
    assert!(ed.scenario.regions.is_empty());
    assert_eq!(ed.scenario.name, "", "a new design is untitled, not named after the old one");
    assert!(archlab::model::validate(&ed.scenario).is_empty(), "an untitled empty design is valid");
    ed.undo();
    assert_eq!(ed.scenario.name, named);
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

#[test]
fn a_pinch_zooms_with_the_fingers_and_keeps_the_model_point_under_them() {
    let start = View { x: 10.0, y: -20.0, zoom: 1.0 };
    let from = [(100.0, 200.0), (200.0, 200.0)];
    // Fingers twice as far apart, the pair moved 30 px right and 10 px down.
    let to = [(80.0, 210.0), (280.0, 210.0)];
    let under = start.to_model(150.0, 200.0);
    let v = start.pinch(from, to);
    assert!((v.zoom - 2.0).abs() < 1e-9, "{}", v.zoom);
    let (sx, sy) = v.to_screen(under.0, under.1);
    assert!((sx - 180.0).abs() < 1e-9 && (sy - 210.0).abs() < 1e-9, "({sx}, {sy})");
    // Two fingers moved together pan without zooming.
    let panned = start.pinch(from, [(130.0, 250.0), (230.0, 250.0)]);
    assert_eq!(panned.zoom, 1.0);
    assert!((panned.x - (start.x - 30.0)).abs() < 1e-9 && (panned.y - (start.y - 50.0)).abs() < 1e-9);
    // Clamped like any zoom; fingers on one spot or a NaN change nothing of the scale.
    assert_eq!(start.pinch(from, [(0.0, 0.0), (5000.0, 0.0)]).zoom, MAX_ZOOM);
    assert_eq!(start.pinch(from, [(150.0, 200.0), (150.1, 200.0)]).zoom, MIN_ZOOM);
    assert_eq!(start.pinch([(5.0, 5.0), (5.0, 5.0)], [(5.0, 5.0), (50.0, 5.0)]).zoom, 1.0);
    assert_eq!(start.pinch(from, [(f64::NAN, 0.0), (1.0, 1.0)]), start);
}

#[test]
fn a_second_finger_undoes_a_move_but_keeps_a_pan() {
    let (mut ed, [_, _, app, _]) = three_tier();
    let before = ed.scenario.clone();
    let from = pos(&ed, &app);
    press_and_move(&mut ed, from, (from.0 + 80.0, from.1), Modifiers::default());
    assert_ne!(ed.scenario, before, "the preview moved it");
    ed.yield_to_pinch();
    assert_eq!((&ed.scenario, &ed.drag), (&before, &Drag::Idle));

    // A one-finger pan on empty space keeps where it got to.
    let view = ed.view;
    ed.pointer_down(2.0, 2.0, Modifiers { shift: false, pan: true });
    ed.pointer_move(42.0, 2.0);
    let panned = ed.view;
    assert_ne!(panned, view);
    ed.yield_to_pinch();
    assert_eq!((ed.view, &ed.drag), (panned, &Drag::Idle));
}
