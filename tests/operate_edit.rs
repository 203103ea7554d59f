//! Editing the operating parts (issue #9) natively: the inspector's auto-scaling, size and
//! draining fields, the alarm and deployment forms, their editor operations, the reducer's
//! `Operate` action, and "Deploy now" on the running lab.

use std::rc::Rc;

use archlab::catalog::pricing::{component_cost, design_cost, prices};
use archlab::editor::{apply_field, fields_for, AlarmForm, DeployForm, Editor, OperateEdit};
use archlab::engine::{secs, to_secs, Sim};
use archlab::model::{validate, AlarmAction, AlarmMetric, Kind, Scenario, Strategy};
use archlab::ui::state::{Action, EditorState};
use archlab::ui::Runtime;
use yew::Reducible;

/// The load-balancer preset: users → lb → app tier → db, one region.
fn base() -> Scenario {
    let s = archlab::catalog::preset("load-balancer").expect("preset");
    assert!(validate(&s).is_empty());
    s
}

fn app_id(s: &Scenario) -> String {
    s.components.iter().find(|c| matches!(c.kind, Kind::AppServer(_))).unwrap().id.clone()
}

fn lb_id(s: &Scenario) -> String {
    s.components.iter().find(|c| matches!(c.kind, Kind::LoadBalancer(_))).unwrap().id.clone()
}

fn group(ed: &Editor, id: &str) -> Option<archlab::model::AutoScaling> {
    match &ed.scenario.component(id).unwrap().kind {
        Kind::AppServer(a) => a.autoscaling.clone(),
        _ => None,
    }
}

fn value(ed: &Editor, id: &str, key: &str) -> Option<String> {
    fields_for(ed.scenario.component(id).unwrap()).into_iter().find(|f| f.key == key).map(|f| f.value)
}

#[test]
fn the_autoscaling_switch_shows_its_fields_and_min_max_are_checked_at_the_field() {
    let s = base();
    let app = app_id(&s);
    let mut ed = Editor::new(s);
    assert_eq!(value(&ed, &app, "autoscaling").as_deref(), Some("false"));
    assert_eq!(value(&ed, &app, "autoscaling.min"), None, "hidden while off");
    apply_field(&mut ed, &app, "autoscaling", "true").unwrap();
    let g = group(&ed, &app).expect("on");
    let Kind::AppServer(a) = &ed.scenario.component(&app).unwrap().kind else { unreachable!() };
    assert!(g.min <= a.count && a.count <= g.max, "the current count is a valid desired count");
    assert!(validate(&ed.scenario).is_empty());
    apply_field(&mut ed, &app, "autoscaling.min", "1").unwrap();
    apply_field(&mut ed, &app, "autoscaling.max", "6").unwrap();
    let before = ed.scenario.clone();
    // max below min, min above max, max below the desired count: refused at the field with
    // the bound, nothing changes.
    let e = apply_field(&mut ed, &app, "autoscaling.max", "0").unwrap_err();
    assert_eq!(e.key, "autoscaling.max");
    apply_field(&mut ed, &app, "count", "2").unwrap();
    apply_field(&mut ed, &app, "autoscaling.min", "2").unwrap();
    let mid = ed.scenario.clone();
    let e = apply_field(&mut ed, &app, "autoscaling.max", "1").unwrap_err();
    assert!(e.reason.to_string().contains("min (2)"), "{e:?}");
    let e = apply_field(&mut ed, &app, "autoscaling.min", "7").unwrap_err();
    assert!(e.reason.to_string().contains("max (6)"), "{e:?}");
    let e = apply_field(&mut ed, &app, "count", "9").unwrap_err();
    assert!(e.reason.to_string().contains("between min 2 and max 6"), "{e:?}");
    for bad in ["NaN", "1e12", "-1", "", "inf"] {
        assert!(apply_field(&mut ed, &app, "autoscaling.target_cpu_pct", bad).is_err(), "{bad}");
        assert!(apply_field(&mut ed, &app, "autoscaling.cooldown_s", bad).is_err(), "{bad}");
    }
    assert_eq!(ed.scenario, mid);
    assert_ne!(before, mid);
    apply_field(&mut ed, &app, "autoscaling.target_cpu_pct", "45").unwrap();
    apply_field(&mut ed, &app, "autoscaling.boot_s", "60").unwrap();
    let g = group(&ed, &app).unwrap();
    assert_eq!((g.min, g.max, g.target_cpu_pct, g.boot_s), (2, 6, 45.0, 60.0));
    apply_field(&mut ed, &app, "autoscaling", "false").unwrap();
    assert_eq!(group(&ed, &app), None);
}

#[test]
fn a_group_that_an_alarm_scales_cannot_be_turned_off() {
    let s = base();
    let app = app_id(&s);
    let mut ed = Editor::new(s);
    apply_field(&mut ed, &app, "autoscaling", "true").unwrap();
    let mut f = AlarmForm::new_for(&ed.scenario);
    f.action = "scale_out".into();
    f.tier = app.clone();
    let a = f.parse(&ed.scenario).unwrap();
    ed.save_alarm(None, a).unwrap();
    let e = apply_field(&mut ed, &app, "autoscaling", "false").unwrap_err();
    assert!(e.reason.to_string().contains("auto-scaling group"), "{e:?}");
    assert!(group(&ed, &app).is_some());
}

#[test]
fn size_and_draining_fields_change_the_price_shown() {
    let s = base();
    let (app, lb) = (app_id(&s), lb_id(&s));
    let mut ed = Editor::new(s);
    let cost = |ed: &Editor| component_cost(&ed.scenario, ed.scenario.component(&app).unwrap()).per_hour();
    let Kind::AppServer(a) = ed.scenario.component(&app).unwrap().kind.clone() else { unreachable!() };
    let p = prices(&ed.scenario.component(&app).unwrap().place.region);
    apply_field(&mut ed, &app, "size", "8").unwrap();
    assert_eq!(value(&ed, &app, "vcpus").as_deref(), Some("8"));
    // 8 vCPU = 4 × the 2-vCPU price, per host.
    let want = a.count as f64 * p.m5_large_hour * 4.0;
    assert!((cost(&ed) - want).abs() < 1e-12, "{} vs {want}", cost(&ed));
    assert!(apply_field(&mut ed, &app, "size", "3").is_err(), "not a catalog size");
    // The parts add up to the design's cost.
    let sum: f64 = ed.scenario.components.iter().map(|c| component_cost(&ed.scenario, c).per_hour()).sum();
    assert!((sum - design_cost(&ed.scenario).per_hour()).abs() < 1e-12);
    // The same tier in another region costs that region's price (m5 is cheaper in N. Virginia).
    let mut moved = ed.scenario.clone();
    moved.component_mut(&app).unwrap().place.region = "us-east-1".into();
    let there = component_cost(&moved, moved.component(&app).unwrap()).per_hour();
    let want_there = a.count as f64 * prices("us-east-1").m5_large_hour * 4.0;
    assert!((there - want_there).abs() < 1e-12 && there < cost(&ed), "{there} vs {}", cost(&ed));
    apply_field(&mut ed, &lb, "deregistration_delay_s", "15").unwrap();
    assert_eq!(value(&ed, &lb, "deregistration_delay_s").as_deref(), Some("15"));
    assert!(apply_field(&mut ed, &lb, "deregistration_delay_s", "1e12").is_err());
    assert!(apply_field(&mut ed, &lb, "deregistration_delay_s", "NaN").is_err());
}

#[test]
fn alarm_forms_parse_round_trip_and_report_each_wrong_field() {
    let s = base();
    let app = app_id(&s);
    let mut f = AlarmForm::new_for(&s);
    f.metric = "cpu_pct".into();
    f.component = app.clone();
    f.above = false;
    f.threshold = "20".into();
    let a = f.parse(&s).unwrap();
    assert_eq!(a.metric, AlarmMetric::CpuPct { component: app.clone() });
    assert_eq!(AlarmForm::from_alarm(&a, &s), f);
    let mut bad = f.clone();
    bad.id = "no spaces".into();
    bad.threshold = "NaN".into();
    bad.period_s = "0".into();
    bad.evaluation_periods = "1e12".into();
    bad.component = "ghost".into();
    bad.action = "scale_in".into();
    bad.tier = app.clone();
    bad.step = "0".into();
    let errs = bad.parse(&s).unwrap_err();
    let mut keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["component", "evaluation_periods", "id", "period_s", "step", "threshold", "tier"]);
    assert!(errs.iter().any(|e| e.key == "tier" && e.reason.to_string().contains("auto-scaling group")));
}

#[test]
fn saving_renaming_and_deleting_alarms_keeps_the_deployments_that_use_them() {
    let s = base();
    let app = app_id(&s);
    let mut ed = Editor::new(s);
    let a = AlarmForm::new_for(&ed.scenario).parse(&ed.scenario).unwrap();
    ed.save_alarm(None, a.clone()).unwrap();
    assert!(ed.save_alarm(None, a.clone()).unwrap_err().reason.to_string().contains("already"));
    let mut d = DeployForm::new_for(&ed.scenario);
    d.rollback_on = a.id.clone();
    let dep = d.parse(&ed.scenario, None).unwrap();
    assert_eq!(dep.tier, app);
    ed.save_deployment(None, dep).unwrap();
    let mut renamed = a.clone();
    renamed.id = "slow".into();
    ed.save_alarm(Some(&a.id), renamed).unwrap();
    assert_eq!(ed.scenario.deployments[0].rollback_on.as_deref(), Some("slow"));
    let before = ed.scenario.clone();
    assert!(ed.delete_alarm("slow").unwrap_err().reason.to_string().contains("deployment 1"));
    assert_eq!(ed.scenario, before);
    ed.delete_deployment(0).unwrap();
    ed.delete_alarm("slow").unwrap();
    assert!(ed.scenario.alarms.is_empty() && ed.scenario.deployments.is_empty());
    // Two steps back is the scenario with the renamed alarm and its deployment.
    ed.undo();
    ed.undo();
    assert_eq!(ed.scenario, before);
}

#[test]
fn deployment_forms_refuse_bad_input_and_round_trip() {
    let s = base();
    let mut f = DeployForm::new_for(&s);
    f.strategy = "rolling".into();
    f.batch = "2".into();
    f.pause_s = "5".into();
    f.error_pct = "30".into();
    f.extra_ms = "50".into();
    let d = f.parse(&s, Some(12.5)).unwrap();
    assert_eq!(d.at_s, 12.5);
    assert_eq!(d.strategy, Strategy::Rolling { batch: 2, pause_s: 5.0 });
    assert!((d.version.error_rate - 0.3).abs() < 1e-12);
    let mut g = DeployForm::from_deployment(&d, &s);
    assert_eq!(g.at_s, "12.5");
    g.at_s = f.at_s.clone();
    assert_eq!(g, f);
    for (field, text) in
        [("batch", "0"), ("tier", "nope"), ("error_pct", "NaN"), ("boot_s", "1e12"), ("rollback_on", "x")]
    {
        let mut bad = f.clone();
        match field {
            "batch" => bad.batch = text.into(),
            "tier" => bad.tier = text.into(),
            "error_pct" => bad.error_pct = text.into(),
            "boot_s" => bad.boot_s = text.into(),
            _ => bad.rollback_on = text.into(),
        }
        let errs = bad.parse(&s, None).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].key, field);
    }
    let mut late = f.clone();
    late.at_s = "1e12".into();
    assert_eq!(late.parse(&s, None).unwrap_err()[0].key, "at_s");
}

#[test]
fn renaming_or_deleting_a_tier_follows_into_alarms_and_deployments() {
    let s = base();
    let app = app_id(&s);
    let mut ed = Editor::new(s);
    apply_field(&mut ed, &app, "autoscaling", "true").unwrap();
    let mut f = AlarmForm::new_for(&ed.scenario);
    (f.metric, f.component, f.action, f.tier) =
        ("queue".into(), app.clone(), "scale_out".into(), app.clone());
    ed.save_alarm(None, f.parse(&ed.scenario).unwrap()).unwrap();
    let mut d = DeployForm::new_for(&ed.scenario);
    d.rollback_on = "alarm-1".into();
    ed.save_deployment(None, d.parse(&ed.scenario, None).unwrap()).unwrap();
    apply_field(&mut ed, &app, "id", "web").unwrap();
    assert_eq!(ed.scenario.deployments[0].tier, "web");
    assert_eq!(ed.scenario.alarms[0].action, AlarmAction::ScaleOut { tier: "web".into(), step: 1 });
    ed.selection.clear();
    ed.selection.add("web");
    ed.perform(archlab::editor::Action::Delete).unwrap();
    assert!(ed.scenario.alarms.is_empty() && ed.scenario.deployments.is_empty());
    assert!(validate(&ed.scenario).is_empty());
}

#[test]
fn the_reducer_applies_operate_edits_as_one_step_and_shows_refusals() {
    let s = base();
    let st = Rc::new(EditorState::new(s.clone()));
    let a = AlarmForm::new_for(&s).parse(&s).unwrap();
    let op = OperateEdit::SaveAlarm { original: None, alarm: a.clone() };
    assert!(op.check(&s).is_ok());
    let st = st.reduce(Action::Operate(op.clone()));
    assert_eq!(st.scenario().alarms, vec![a]);
    assert!(op.check(st.scenario()).is_err(), "a second alarm with the same id");
    let st = st.reduce(Action::Operate(op));
    assert!(st.notice.as_ref().is_some_and(|n| n.words(archlab::i18n::Lang::En).contains("already")));
    assert_eq!(st.scenario().alarms.len(), 1);
    let st = st.reduce(Action::Key(archlab::editor::Action::Undo));
    assert!(st.scenario().alarms.is_empty());
}

#[test]
fn deploy_now_keeps_the_run_going_and_records_the_deployment_for_a_replay() {
    let s = base();
    let app = app_id(&s);
    let mut rt = Runtime::new(s.clone()).unwrap();
    rt.step(secs(17.25));
    let d = DeployForm::new_for(&s).parse(&s, Some(0.0)).unwrap();
    let recorded = rt.deploy_now(d).unwrap();
    assert_eq!(recorded.at_s, 17.25);
    assert_eq!(recorded.tier, app);
    assert_eq!(rt.scenario().deployments, vec![recorded.clone()]);
    // The edited scenario gets the same deployment: the lab does not restart.
    let mut edited = s.clone();
    edited.deployments.push(recorded);
    rt.sync(&edited).unwrap();
    assert_eq!(to_secs(rt.sim().now()), 17.25);
    rt.step(secs(60.0));
    let mut replay = Sim::new(&edited, edited.seed).unwrap();
    replay.advance_to(rt.sim().now());
    assert_eq!(replay.fingerprint(), rt.sim().fingerprint());
    // A refusal changes nothing.
    let mut bad = DeployForm::new_for(&s).parse(&s, Some(0.0)).unwrap();
    bad.tier = "ghost".into();
    let fp = rt.sim().fingerprint();
    assert!(rt.deploy_now(bad).is_err());
    assert_eq!(rt.sim().fingerprint(), fp);
    assert_eq!(rt.scenario().deployments.len(), 1);
}

#[test]
fn a_share_link_carries_the_group_the_alarms_and_the_deployments() {
    let s = base();
    let app = app_id(&s);
    let mut ed = Editor::new(s);
    apply_field(&mut ed, &app, "autoscaling", "true").unwrap();
    ed.save_alarm(None, AlarmForm::new_for(&ed.scenario).parse(&ed.scenario).unwrap()).unwrap();
    let mut d = DeployForm::new_for(&ed.scenario);
    d.rollback_on = "alarm-1".into();
    let mut dep = d.parse(&ed.scenario, None).unwrap();
    dep.at_s = to_secs(secs(17.0) + 16_666_667);
    ed.save_deployment(None, dep).unwrap();
    let link = archlab::share::encode(&ed.scenario);
    assert_eq!(archlab::share::decode(&link).unwrap(), ed.scenario);
}

#[test]
fn blue_green_is_ready_now_only_when_the_run_reserved_its_second_fleet() {
    let s = base();
    let app = app_id(&s);
    assert!(!archlab::editor::blue_green_ready(&s, &app));
    let mut f = DeployForm::new_for(&s);
    f.strategy = "blue_green".into();
    let mut rt = Runtime::new(s.clone()).unwrap();
    rt.step(secs(3.0));
    assert!(rt.deploy_now(f.parse(&s, Some(0.0)).unwrap()).is_err(), "no room in this run");
    let mut with_bg = s.clone();
    with_bg.deployments.push(f.parse(&s, Some(500.0)).unwrap());
    assert!(archlab::editor::blue_green_ready(&with_bg, &app));
    let mut rt = Runtime::new(with_bg.clone()).unwrap();
    rt.step(secs(3.0));
    assert_eq!(rt.deploy_now(f.parse(&with_bg, Some(0.0)).unwrap()).unwrap().at_s, 3.0);
}
