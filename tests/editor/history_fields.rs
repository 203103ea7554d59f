use super::common::*;

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
                assert!(e.reason.to_string().contains(part), "{id}.{key} = {text:?}: {}", e.reason);
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
            assert!(r.unwrap_err().reason.to_string().contains(why), "{new:?}");
        }
        assert_eq!(ed.scenario, before);
    }
    assert_valid(&ed);
}
