//! Layout rules (cards never hide each other; a drop onto a card is nudged), editing several
//! components at once, and the keyboard's list of link targets.

use super::common::*;

fn no_card_hides_another(ed: &Editor) {
    let cs = &ed.scenario.components;
    for (i, a) in cs.iter().enumerate() {
        for b in &cs[i + 1..] {
            assert!(!covers(a, b), "{} lies over {}", a.id, b.id);
        }
    }
}

#[test]
fn a_card_dropped_onto_another_is_nudged_to_the_nearest_free_place_in_its_zone() {
    let mut ed = editor_with(&[SEOUL]);
    let app = put(&mut ed, PaletteItem::AppServer, SEOUL, "a", 1);
    let steps = ed.history.undo_len();
    // Exactly onto the app tier's card.
    let (x, y) = pos(&ed, &app);
    let db = ed.place(PaletteItem::DbPrimary, x, y).unwrap();
    assert_eq!(ed.history.undo_len(), steps + 1, "the drop and its nudge are one step");
    let (dx, dy) = pos(&ed, &db);
    assert_ne!((dx, dy), (x, y), "nudged");
    assert_eq!((dx % GRID, dy % GRID), (0.0, 0.0), "still on the grid");
    assert_eq!(ed.scenario.component(&db).unwrap().place, Placement::new(SEOUL, "a"));
    assert!(clashes(&ed.scenario).is_empty(), "{:?}", clashes(&ed.scenario));
    // The nearest free place: no free grid place is closer to the drop point.
    let near = (dx - x).hypot(dy - y);
    assert!(near <= 260.0, "nudged {near} units away");
    assert_valid(&ed);
    ed.undo();
    assert!(ed.scenario.component(&db).is_none());
}

#[test]
fn a_move_onto_another_card_is_nudged_in_the_same_step_and_escape_or_undo_restore() {
    let mut ed = editor_with(&[SEOUL]);
    let a = put(&mut ed, PaletteItem::AppServer, SEOUL, "b", 0);
    let b = put(&mut ed, PaletteItem::AppServer, SEOUL, "b", 3);
    assert!(clashes(&ed.scenario).is_empty());
    let before = ed.scenario.clone();
    let steps = ed.history.undo_len();
    let (pa, pb) = (pos(&ed, &a), pos(&ed, &b));
    drag(&mut ed, pb, pa, NONE).unwrap();
    assert_eq!(ed.history.undo_len(), steps + 1, "move and nudge: one step");
    assert_ne!(pos(&ed, &b), pa, "not left on top of {a}");
    no_card_hides_another(&ed);
    assert!(clashes(&ed.scenario).is_empty(), "{:?}", clashes(&ed.scenario));
    ed.undo();
    assert_eq!(ed.scenario, before);
}

#[test]
fn duplicates_land_beside_their_originals_not_over_them() {
    let mut ed = editor_with(&[SEOUL]);
    let lb = put(&mut ed, PaletteItem::LoadBalancer, SEOUL, "a", 0);
    let app = put(&mut ed, PaletteItem::AppServer, SEOUL, "a", 2);
    ed.selection.only(&lb);
    ed.selection.add(&app);
    let copies = ed.duplicate_selection().unwrap();
    assert_eq!(copies.len(), 2);
    no_card_hides_another(&ed);
    assert_valid(&ed);
}

#[test]
fn a_card_can_always_be_put_back_where_it_was() {
    // Rows 90 units apart: a balancer's strip reaches the card below. Moving it away and back
    // must not make it jump: what it already lay over before the move is allowed.
    let (mut ed, [_, lb, _, _]) = three_tier();
    let p = pos(&ed, &lb);
    drag(&mut ed, p, (p.0 + 1.0, p.1 + 1.0), NONE).unwrap();
    assert_eq!(pos(&ed, &lb), p);
}

#[test]
fn footprints_reserve_the_strips_under_cards_that_have_them() {
    let mut ed = editor_with(&[SEOUL]);
    let app = put(&mut ed, PaletteItem::AppServer, SEOUL, "a", 0);
    let users = put(&mut ed, PaletteItem::Clients, SEOUL, "b", 0);
    let (a, u) = (ed.scenario.component(&app).unwrap(), ed.scenario.component(&users).unwrap());
    let below = |c: &archlab::model::Component| footprint(c).y + footprint(c).h - (c.y + COMPONENT_H / 2.0);
    // Pips and "n/m in service", a queue bar, a failure counter; users only the counter.
    assert!(below(a) >= STRIP_GAP + tray_height(&a.kind) + 30.0, "{}", below(a));
    assert!(below(u) < below(a));
    assert_eq!(strip_height(&u.kind), archlab::editor::FAILED_LINE);
}

// ---------------------------------------------------------------- several at once

#[test]
fn editing_processes_of_three_app_tiers_is_one_undo_step() {
    let mut ed = editor_with(&[SEOUL]);
    let ids: Vec<String> =
        ["a", "b", "c"].iter().map(|z| put(&mut ed, PaletteItem::AppServer, SEOUL, z, 1)).collect();
    let fields = shared_fields(&ed.scenario, &ids).expect("one kind");
    assert!(fields.iter().any(|f| f.key == "processes"));
    assert!(fields.iter().all(|f| f.key != "id"), "names are not shared");
    let steps = ed.history.undo_len();
    apply_field_to_all(&mut ed, &ids, "processes", "4").unwrap();
    assert_eq!(ed.history.undo_len(), steps + 1);
    for id in &ids {
        assert!(matches!(&ed.scenario.component(id).unwrap().kind, Kind::AppServer(a) if a.processes == 4));
    }
    let f = shared_fields(&ed.scenario, &ids).unwrap();
    assert_eq!(f.iter().find(|f| f.key == "processes").unwrap().value, "4");
    ed.undo();
    for id in &ids {
        assert!(matches!(&ed.scenario.component(id).unwrap().kind, Kind::AppServer(a) if a.processes == 1));
    }
    // A differing value shows empty; an invalid one changes nothing.
    apply_field(&mut ed, &ids[0], "processes", "2").unwrap();
    let f = shared_fields(&ed.scenario, &ids).unwrap();
    assert_eq!(f.iter().find(|f| f.key == "processes").unwrap().value, "");
    let before = ed.scenario.clone();
    assert!(apply_field_to_all(&mut ed, &ids, "processes", "0").is_err());
    assert!(apply_field_to_all(&mut ed, &ids, "id", "x").is_err());
    assert_eq!(ed.scenario, before);
}

#[test]
fn only_components_of_one_kind_share_fields() {
    let (ed, [c, lb, app, db]) = three_tier();
    assert!(shared_fields(&ed.scenario, &[lb.clone(), app.clone()]).is_none());
    assert!(shared_fields(&ed.scenario, &[c.clone(), db.clone()]).is_none());
    assert!(shared_fields(&ed.scenario, std::slice::from_ref(&app)).is_none(), "one is the normal inspector");
}

#[test]
fn the_keyboard_connect_list_holds_exactly_the_links_that_would_be_accepted() {
    let (mut ed, [c, lb, app, db]) = three_tier();
    let app2 = put(&mut ed, PaletteItem::AppServer, SEOUL, "b", 2);
    assert_eq!(link_targets(&ed.scenario, &lb), vec![app2.clone()], "app-1 is linked already");
    assert!(link_targets(&ed.scenario, &db).is_empty(), "a database starts no link");
    assert!(!link_targets(&ed.scenario, &c).contains(&c));
    for to in link_targets(&ed.scenario, &app) {
        assert!(check_link(&ed.scenario, &app, &to).is_ok());
    }
    ed.connect(&lb, &app2).unwrap();
    assert!(link_targets(&ed.scenario, &lb).is_empty());
}
