use super::common::*;

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
