//! The pure parts of the lesson UI: step navigation, progress in storage, presentation keys,
//! the first-fault clock, the language choice and the root class.

use archlab::catalog::{lesson, lesson_text, preset, LessonId};
use archlab::engine::{secs, InjectedFault, LogEntry, LogKind};
use archlab::i18n::Lang;
use archlab::model::{FaultAction, Target};
use archlab::ui::components::lessons::flow::*;
use archlab::ui::state::lang::initial_lang;

fn state_at(lesson: usize, slide: usize) -> LessonsState {
    LessonsState { lesson, slide, ..LessonsState::default() }
}

#[test]
fn both_languages_have_the_same_slides() {
    for id in LessonId::ALL {
        let en = slides(&lesson_text(Lang::En, id));
        let ko = slides(&lesson_text(Lang::Ko, id));
        assert_eq!(en, ko, "{id:?}: the Korean lesson must have the same steps as the English one");
        assert_eq!(en.first(), Some(&Slide::Intro));
        assert_eq!(en.last(), Some(&Slide::Task));
    }
}

#[test]
fn next_walks_every_slide_of_every_lesson_then_stops() {
    let mut s = LessonsState::default();
    let total: usize = (0..LessonId::ALL.len()).map(slide_count).sum();
    let mut crossings = 0;
    for _ in 1..total {
        let (n, crossed) = s.apply(LessonsAction::Next);
        crossings += usize::from(crossed);
        // A crossing lands on the next lesson's intro, and only a crossing changes lesson.
        assert_eq!(crossed, n.lesson != s.lesson);
        if crossed {
            assert_eq!((n.lesson, n.slide), (s.lesson + 1, 0));
        }
        s = n;
    }
    assert_eq!(crossings, LessonId::ALL.len() - 1);
    let last = LessonId::ALL.len() - 1;
    assert_eq!((s.lesson, s.slide), (last, slide_count(last) - 1));
    // Past the very last slide nothing moves and nothing loads.
    let (n, crossed) = s.apply(LessonsAction::Next);
    assert!(!crossed);
    assert_eq!((n.lesson, n.slide), (s.lesson, s.slide));
}

#[test]
fn prev_undoes_next_and_lands_on_the_previous_lessons_task() {
    let s = state_at(1, 0);
    let (p, crossed) = s.apply(LessonsAction::Prev);
    assert!(crossed);
    assert_eq!((p.lesson, p.slide), (0, slide_count(0) - 1));
    let (back, crossed) = p.apply(LessonsAction::Next);
    assert!(crossed);
    assert_eq!((back.lesson, back.slide), (1, 0));
    let (first, crossed) = state_at(0, 0).apply(LessonsAction::Prev);
    assert!(!crossed);
    assert_eq!((first.lesson, first.slide), (0, 0));
    let (mid, crossed) = state_at(2, 3).apply(LessonsAction::Prev);
    assert!(!crossed);
    assert_eq!((mid.lesson, mid.slide), (2, 2));
}

#[test]
fn select_starts_at_the_intro_and_is_clamped() {
    let (s, crossed) = state_at(3, 4).apply(LessonsAction::Select(5));
    assert!(!crossed, "choosing from the list does not load by itself");
    assert_eq!((s.lesson, s.slide), (5, 0));
    assert_eq!(s.progress.current, Some(LessonId::ALL[5]));
    let (s, _) = s.apply(LessonsAction::Select(999));
    assert_eq!(s.lesson, LessonId::ALL.len() - 1);
}

#[test]
fn progress_survives_storage_and_rejects_foreign_text() {
    let mut p = Progress::default();
    p.passed.insert(LessonId::MultiAz);
    p.passed.insert(LessonId::SingleServer);
    p.current = Some(LessonId::ZoneOutage);
    let raw = p.to_storage();
    assert!(raw.contains("multi-az") && raw.contains("zone-outage"), "stored by slug: {raw}");
    assert_eq!(Progress::from_storage(&raw), p);
    // A lesson this version does not know is dropped, the rest kept.
    let mixed = r#"{"passed":["single-server","future-lesson"],"current":"nope"}"#;
    let read = Progress::from_storage(mixed);
    assert_eq!(read.passed.iter().collect::<Vec<_>>(), vec![LessonId::SingleServer]);
    assert_eq!(read.current, None);
    for junk in ["", "null", "[1,2]", "{", "{\"passed\":7}", &"x".repeat(10_000)] {
        assert_eq!(Progress::from_storage(junk), Progress::default(), "{junk:.20}");
    }
    let huge = format!("{{\"passed\":[{}\"single-server\"]}}", "\"a\",".repeat(2000));
    assert_eq!(Progress::from_storage(&huge), Progress::default());
}

#[test]
fn a_stored_current_lesson_is_where_the_student_comes_back() {
    let p = Progress { current: Some(LessonId::Processes), ..Progress::default() };
    let s = LessonsState::new(p);
    assert_eq!(s.id(), LessonId::Processes);
    assert_eq!(s.slide, 0);
    assert!(!s.presenting);
}

#[test]
fn passing_and_presenting_are_recorded() {
    let (s, _) = LessonsState::default().apply(LessonsAction::Passed(LessonId::LbSpof));
    assert!(s.progress.passed.contains(&LessonId::LbSpof));
    let (s, _) = s.apply(LessonsAction::Present(true));
    assert!(s.presenting);
    let (s, _) = s.apply(LessonsAction::ToggleTimeline);
    assert!(s.timeline);
    let (s, _) = s.apply(LessonsAction::ToggleTimeline);
    assert!(!s.timeline);
}

#[test]
fn presentation_keys() {
    use Command::*;
    let cases = [
        ("ArrowRight", Some(Next)),
        ("PageDown", Some(Next)),
        ("ArrowLeft", Some(Prev)),
        ("PageUp", Some(Prev)),
        (" ", Some(PlayPause)),
        ("f", Some(InjectFailure)),
        ("F", Some(InjectFailure)),
        ("t", Some(ToggleTimeline)),
        ("b", Some(Chaos)),
        ("E", Some(Edit)),
        ("q", Some(Qr)),
        ("s", Some(SelectNext(true))),
        ("S", Some(SelectNext(false))),
        ("Escape", Some(Leave)),
        ("Enter", None),
        ("Tab", None),
        ("a", None),
    ];
    for (key, want) in cases {
        assert_eq!(presentation_command(key, false), want, "{key:?}");
    }
    // Ctrl+F is the browser's find, Alt+← its back button.
    assert_eq!(presentation_command("f", true), None);
    assert_eq!(presentation_command("ArrowLeft", true), None);
    // `c` stays the editor's (connect from the keyboard), in presentation mode too.
    assert_eq!(presentation_command("c", false), None);
}

#[test]
fn the_keyboard_selects_components_in_turn() {
    let ids = ["users-1", "lb-1", "app-1"];
    let sel = |s: &str| vec![s.to_string()];
    assert_eq!(next_selection(&ids, &[], true), Some("users-1"));
    assert_eq!(next_selection(&ids, &[], false), Some("app-1"));
    assert_eq!(next_selection(&ids, &sel("users-1"), true), Some("lb-1"));
    assert_eq!(next_selection(&ids, &sel("app-1"), true), Some("users-1"), "wraps around");
    assert_eq!(next_selection(&ids, &sel("users-1"), false), Some("app-1"), "wraps back");
    assert_eq!(next_selection(&ids, &sel("gone"), true), Some("users-1"), "a stale selection starts over");
    assert_eq!(next_selection(&[], &sel("x"), true), None);
}

fn kill() -> InjectedFault {
    InjectedFault(FaultAction::Kill { target: Target::Component { id: "app-1".into() } })
}

fn fault_at(s: f64) -> LogEntry {
    LogEntry { time: secs(s), component: None, kind: LogKind::FaultInjected { what: kill() } }
}

#[test]
fn the_first_fault_is_kept_when_the_log_drops_it_and_forgotten_on_restart() {
    let mut clock = FaultClock::default();
    assert_eq!(clock.observe(10.0, &[]), None);
    assert_eq!(clock.observe(50.0, &[fault_at(40.0), fault_at(45.0)]), Some(40.0));
    // The bounded log dropped the first entry: the time stays.
    assert_eq!(clock.observe(900.0, &[fault_at(45.0)]), Some(40.0));
    // The run restarted (time went back): a new run has had no fault yet.
    assert_eq!(clock.observe(1.0, &[]), None);
    assert_eq!(clock.observe(5.0, &[fault_at(3.0)]), Some(3.0));
}

#[test]
fn language_choice_prefers_the_stored_one_then_the_browser() {
    assert_eq!(initial_lang(None, None), Lang::En);
    assert_eq!(initial_lang(None, Some("ko-KR")), Lang::Ko);
    assert_eq!(initial_lang(None, Some("en-GB")), Lang::En);
    assert_eq!(initial_lang(Some("en"), Some("ko-KR")), Lang::En);
    assert_eq!(initial_lang(Some("ko"), Some("en-US")), Lang::Ko);
    // Something else in storage does not count as a choice.
    assert_eq!(initial_lang(Some("klingon"), Some("ko")), Lang::Ko);
}

#[test]
fn root_class_is_added_once_and_removed_without_touching_others() {
    assert_eq!(with_class("", "presenting", true), "presenting");
    assert_eq!(with_class("dark presenting", "presenting", true), "dark presenting");
    assert_eq!(with_class("a presenting b", "presenting", false), "a b");
    assert_eq!(with_class("presenting-ish", "presenting", false), "presenting-ish");
}

#[test]
fn every_lesson_has_a_design_and_a_failure_to_inject() {
    for id in LessonId::ALL {
        assert!(preset(id.slug()).is_some(), "{id:?} has no preset to load");
        assert!(lesson(id).failure.is_some(), "{id:?}: F in presentation mode would do nothing");
    }
}

/// `?preset=ID` selects that preset's lesson (i18n3); other addresses select nothing.
#[test]
fn a_preset_in_the_address_selects_its_lesson() {
    use archlab::catalog::PRESETS;
    for p in PRESETS {
        let i = lesson_of_search(&format!("?lang=ko&preset={}", p.id)).expect(p.id);
        assert_eq!(LessonId::ALL[i], p.lesson, "{}", p.id);
    }
    assert_eq!(lesson_of_search("?preset=nope"), None);
    assert_eq!(lesson_of_search("?bench"), None);
    assert_eq!(lesson_of_search(""), None);
}
