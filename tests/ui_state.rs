//! The canvas reducer (`ui::state`) natively: what it adds around the pure editor — one undo
//! step per field however many keystrokes, refused text kept with its error, the engine's
//! `revision` untouched by a move preview, and region removal waiting for confirmation.

use std::rc::Rc;

use archlab::editor::{self, Modifiers};
use archlab::model::*;
use archlab::ui::state::{Action, EditorState};
use yew::Reducible;

/// One host in a region with two zones, so a component can be dragged across zones; the drop
/// points and field values below are measured against this layout.
fn single_server() -> Scenario {
    let mut s = Scenario::empty("Single server");
    s.regions.push(Region {
        code: "ap-northeast-2".into(),
        rect: Rect { x: 0.0, y: 0.0, w: 900.0, h: 420.0 },
        zones: vec![Zone { name: "a".into() }, Zone { name: "b".into() }],
    });
    let place = Placement::new("ap-northeast-2", "a");
    s.components.push(Component {
        id: "users".into(),
        place: place.clone(),
        x: 100.0,
        y: 200.0,
        kind: Kind::Clients(Clients::default()),
    });
    s.components.push(Component {
        id: "app-1".into(),
        place: place.clone(),
        x: 300.0,
        y: 200.0,
        kind: Kind::AppServer(AppServer::default()),
    });
    s.components.push(Component {
        id: "db-1".into(),
        place,
        x: 300.0,
        y: 320.0,
        kind: Kind::Database(Database { host: Some("app-1".into()), ..Database::default() }),
    });
    s.links.push(Link { from: "users".into(), to: "app-1".into(), rtt_ms: None });
    s.links.push(Link { from: "app-1".into(), to: "db-1".into(), rtt_ms: None });
    s
}

fn start() -> Rc<EditorState> {
    Rc::new(EditorState::new(single_server()))
}

fn processes(s: &Scenario, id: &str) -> u32 {
    match &s.component(id).expect("component exists").kind {
        Kind::AppServer(a) => a.processes,
        other => panic!("{id} is not an app server: {other:?}"),
    }
}

fn type_into(st: Rc<EditorState>, key: &str, text: &str) -> Rc<EditorState> {
    st.reduce(Action::SetField { id: "app-1".into(), key: key.into(), text: text.into() })
}

#[test]
fn keystrokes_into_one_field_make_one_undo_step() {
    let st = start();
    let original = st.scenario().clone();
    let st = type_into(st, "processes", "2");
    let st = type_into(st, "processes", "24");
    assert_eq!(processes(st.scenario(), "app-1"), 24);
    let st = st.reduce(Action::Key(editor::Action::Undo));
    assert_eq!(st.scenario(), &original, "one undo returns to before the first keystroke");
    assert!(!st.editor().history.can_undo());
}

#[test]
fn leaving_a_field_ends_its_typing_and_otherwise_changes_nothing() {
    let st = start();
    // Nothing typed: the same state comes back (no re-render of every panel on each blur).
    let left = st.clone().reduce(Action::FieldLeft);
    assert!(Rc::ptr_eq(&st, &left), "a blur with nothing typed is not a change");
    // Typed, left, typed again: two undo steps.
    let st = type_into(left, "processes", "4");
    let st = st.reduce(Action::FieldLeft);
    let st = type_into(st, "processes", "6");
    let st = st.reduce(Action::Key(editor::Action::Undo));
    assert_eq!(processes(st.scenario(), "app-1"), 4, "the second visit is its own step");
}

#[test]
fn edits_to_two_fields_are_two_steps() {
    let st = start();
    let st = type_into(st, "processes", "4");
    let st = type_into(st, "vcpus", "8");
    let st = st.reduce(Action::Key(editor::Action::Undo));
    assert_eq!(processes(st.scenario(), "app-1"), 4, "the vCPU edit is undone, not the processes edit");
}

#[test]
fn a_refused_value_is_kept_with_its_error_and_changes_nothing() {
    let mut st = start().reduce(Action::Select(vec!["app-1".into()]));
    for (bad, good) in [("0", 3), ("999", 5), ("four", 2), ("", 7)] {
        let before = (st.scenario().clone(), st.revision);
        st = type_into(st, "processes", bad);
        assert_eq!((st.scenario().clone(), st.revision), before, "{bad:?} applied nothing");
        let draft = st.draft("app-1", "processes").expect("the refused text is kept");
        assert_eq!(draft.text, bad);
        assert!(!draft.error.as_ref().expect("with its reason").to_string().is_empty());
        // A valid value clears the error.
        st = type_into(st, "processes", &good.to_string());
        assert!(st.draft("app-1", "processes").is_none());
        assert_eq!(processes(st.scenario(), "app-1"), good);
    }
}

/// A name is applied on Enter or when the field is left; the keystrokes before that are a
/// draft without an error, so the inspector shows them through any render in between.
#[test]
fn a_name_being_typed_is_kept_until_it_is_applied() {
    let st = start().reduce(Action::Select(vec!["app-1".into()]));
    let before = (st.scenario().clone(), st.revision);
    let mut st = st;
    for text in ["w", "we", "web"] {
        st = st.reduce(Action::TypeField { id: "app-1".into(), key: "id".into(), text: text.into() });
    }
    assert_eq!((st.scenario().clone(), st.revision), before, "typing applies nothing");
    let draft = st.draft("app-1", "id").expect("the typed name is kept");
    assert_eq!((draft.text.as_str(), draft.error.is_none()), ("web", true));
    let st = st.reduce(Action::SetField { id: "app-1".into(), key: "id".into(), text: "web".into() });
    assert!(st.scenario().component("web").is_some(), "Enter applies it");
    assert!(st.draft("web", "id").is_none() && st.draft("app-1", "id").is_none());
}

#[test]
fn a_refused_keystroke_after_a_valid_one_keeps_the_valid_value() {
    let st = start();
    let st = type_into(st, "processes", "6");
    let st = type_into(st, "processes", "65");
    assert_eq!(processes(st.scenario(), "app-1"), 6);
    assert!(st.editor().history.can_undo(), "the valid step survives the refused keystroke");
}

#[test]
fn a_move_preview_does_not_bump_the_revision_until_it_is_dropped() {
    let st = start();
    let (sx, sy) = st.editor().view.to_screen(300.0, 200.0); // app-1's centre
    let rev = st.revision;
    let st = st.reduce(Action::PointerDown { x: sx, y: sy, mods: Modifiers::default() });
    let st = st.reduce(Action::PointerMove { x: sx + 150.0, y: sy });
    let st = st.reduce(Action::PointerMove { x: sx + 300.0, y: sy });
    assert_eq!(st.scenario().component("app-1").unwrap().place.zone, "b", "the preview is drawn");
    assert_eq!(st.revision, rev, "the engine is not rebuilt on every pointer move");
    let st = st.reduce(Action::PointerUp { x: sx + 300.0, y: sy });
    assert_eq!(st.revision, rev + 1);
    assert_eq!(st.scenario().component("app-1").unwrap().place.zone, "b");
}

#[test]
fn escape_during_a_move_restores_and_a_refused_drop_leaves_a_notice() {
    let st = start();
    let original = st.scenario().clone();
    let (sx, sy) = st.editor().view.to_screen(300.0, 200.0);
    let st = st.reduce(Action::PointerDown { x: sx, y: sy, mods: Modifiers::default() });
    let st = st.reduce(Action::PointerMove { x: sx + 300.0, y: sy });
    let st = st.reduce(Action::Key(editor::Action::Cancel));
    assert_eq!(st.scenario(), &original);
    // Dropped far below the region, outside every zone: refused, restored, explained.
    let st = st.reduce(Action::PointerDown { x: sx, y: sy, mods: Modifiers::default() });
    let st = st.reduce(Action::PointerUp { x: sx, y: sy + 600.0 });
    assert_eq!(st.scenario(), &original);
    let notice = st.notice.clone().expect("a notice explains the refusal");
    let words = notice.words(archlab::i18n::Lang::En);
    assert!(words.contains("availability zone"), "{words}");
    assert_eq!(notice.at, Some((sx, sy + 600.0)));
    let st = st.reduce(Action::DismissNotice(notice.seq));
    assert!(st.notice.is_none());
}

#[test]
fn removing_a_region_with_components_waits_for_confirmation() {
    let st = start();
    let st = st.reduce(Action::RemoveRegion("ap-northeast-2".into()));
    let pending = st.pending_removal.clone().expect("asks first");
    assert_eq!(pending.components, 3);
    assert_eq!(st.scenario().regions.len(), 1);
    let st = st.reduce(Action::CancelRemoval);
    assert!(st.pending_removal.is_none());
    let st = st.reduce(Action::RemoveRegion("ap-northeast-2".into()));
    let st = st.reduce(Action::ConfirmRemoval);
    assert!(st.scenario().regions.is_empty() && st.scenario().components.is_empty());
    let st = st.reduce(Action::Key(editor::Action::Undo));
    assert_eq!(st.scenario().components.len(), 3);
}

#[test]
fn replace_loads_a_scenario_as_one_undo_step_and_asks_for_a_fit() {
    let st = start();
    let st = type_into(st, "processes", "4");
    let edited = st.scenario().clone();
    let refit = st.refit;
    let mut other = single_server();
    other.name = "other".into();
    let st = st.reduce(Action::Replace(other.clone()));
    assert_eq!(st.scenario(), &other);
    assert_eq!(st.refit, refit + 1);
    let st = st.reduce(Action::Key(editor::Action::Undo));
    assert_eq!(st.scenario(), &edited);
}

#[test]
fn run_settings_are_no_undo_step_and_survive_undo() {
    let st = start();
    let st = type_into(st, "processes", "4");
    let rev = st.revision;
    let st = st.reduce(Action::SetSpeed(10.0));
    let st = st.reduce(Action::SetSeed(42));
    assert_eq!(st.revision, rev + 2, "the lab sees each change");
    let st = st.reduce(Action::Key(editor::Action::Undo));
    assert_eq!(processes(st.scenario(), "app-1"), 1, "undo reverts the design edit");
    assert_eq!((st.scenario().run.speed, st.scenario().seed), (10.0, 42), "and keeps the run settings");
}

#[test]
fn selection_is_readable_by_panels() {
    let st = start().reduce(Action::Select(vec!["app-1".into(), "db-1".into()]));
    assert_eq!(st.selected(), ["app-1".to_string(), "db-1".to_string()]);
    let st = st.reduce(Action::Select(Vec::new()));
    assert!(st.selected().is_empty());
}
