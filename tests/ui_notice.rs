//! The share banner keeps what happened and words it per render, so a language switch rewords
//! it; preset names read as the preset's translated title.

use archlab::catalog::PRESETS;
use archlab::i18n::{t, Key, Lang};
use archlab::share::ShareError;
use archlab::ui::platform::notice::{scenario_name, Notice, Says, Source, Why};

fn all_notices() -> Vec<Notice> {
    let opened = |from| Says::Opened { next: "Single server".into(), from, previous: "My shop".into() };
    let says = vec![
        opened(Source::Link),
        opened(Source::File("shop.json".into())),
        opened(Source::Recent),
        opened(Source::Preset),
        Says::AlreadyOpen { name: "Two regions".into() },
        Says::Rejected { what: Source::Link, why: Why::Share(ShareError::ChecksumMismatch) },
        Says::Rejected { what: Source::File("x.json".into()), why: Why::Share(ShareError::Truncated) },
        Says::Rejected { what: Source::Recent, why: Why::Share(ShareError::NotDeflate) },
        Says::Rejected {
            what: Source::Autosave { kept: true },
            why: Why::NotAutosave { line: 1, column: 7 },
        },
        Says::Rejected { what: Source::Autosave { kept: false }, why: Why::NotAutosaveRecord },
        Says::Rejected {
            what: Source::Autosave { kept: true },
            why: Why::AutosaveTooLarge { len: 3_000_000, max: 2_000_000 },
        },
        Says::NotJson { file: "photo.png".into() },
        Says::DownloadFailed { detail: "blocked".into() },
        Says::StorageFailed,
    ];
    says.into_iter().map(Notice::new).collect()
}

#[test]
fn every_notice_is_worded_in_the_language_asked_for() {
    for n in all_notices() {
        let (en, ko) = (n.words(Lang::En), n.words(Lang::Ko));
        assert_ne!(en, ko, "{n:?}");
        assert!(!en.is_empty() && !en.contains('{'), "{n:?}: {en}");
        assert!(!ko.contains('{'), "{n:?}: {ko}");
        // Korean text has Hangul (a sentence left in English would have none).
        assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{n:?}: {ko}");
    }
}

#[test]
fn the_english_sentences_are_the_ones_the_banner_always_showed() {
    let n = &all_notices()[1];
    assert_eq!(
        n.words(Lang::En),
        "Opened “Single server” from the file shop.json. Your previous work “My shop” was kept: \
         Recent → “My shop”."
    );
    let autosave = &all_notices()[8];
    assert_eq!(
        autosave.words(Lang::En),
        format!(
            "{}: {}",
            t(Lang::En, Key::KeepAutosaveRejected),
            "This scenario is not valid JSON (line 1, column 7): not an autosave record."
        )
    );
    assert_eq!(autosave.words(Lang::Ko).matches("자동 저장 기록이 아닙니다").count(), 1);
    assert!(all_notices()[3].words(Lang::En).contains(" from the Presets menu. "));
}

#[test]
fn errors_are_the_refusals_and_failures() {
    let errors: Vec<bool> = all_notices().iter().map(Notice::error).collect();
    let want = [false, false, false, false, false, true, true, true, true, true, true, true, true, true];
    assert_eq!(errors, want);
}

#[test]
fn a_preset_name_reads_as_its_title_and_a_typed_name_as_typed() {
    for p in PRESETS {
        assert_eq!(p.scenario().name, p.name, "preset {} names its scenario as its table says", p.id);
        assert_eq!(scenario_name(Lang::Ko, p.name), t(Lang::Ko, p.title));
        assert_eq!(scenario_name(Lang::En, p.name), p.name);
    }
    let n = Notice::new(Says::AlreadyOpen { name: "Two regions".into() });
    assert_eq!(n.words(Lang::Ko), "“6. 두 개의 리전”은(는) 이미 열려 있습니다.");
    assert_eq!(scenario_name(Lang::Ko, "My shop"), "My shop");
    assert_eq!(scenario_name(Lang::Ko, "Single server (copy)"), "Single server (copy)");
    assert_eq!(scenario_name(Lang::Ko, " "), "제목 없는 설계");
}

#[test]
fn the_benchmark_design_is_named_in_korean_too() {
    use archlab::ui::bench::scenario::bench_scenario;
    use archlab::ui::platform::notice::BENCH_NAME;
    assert_eq!(bench_scenario().name, BENCH_NAME);
    assert_eq!(scenario_name(Lang::En, BENCH_NAME), BENCH_NAME);
    assert_eq!(scenario_name(Lang::Ko, BENCH_NAME), "벤치마크: 구성 요소 100개, 리전 3개");
}

#[test]
fn a_fault_outcome_is_worded_in_either_language() {
    use archlab::model::{FaultAction, Problem, Target};
    use archlab::ui::components::chaos::Injected;
    let action = FaultAction::Kill { target: Target::Server { id: "app-1".into(), index: 7 } };
    let problem = Problem::NoServer { id: "app-1".into(), index: 7 };
    let refused = Injected { action: action.clone(), refused: Some(problem) };
    let ko = refused.words(Lang::Ko);
    assert!(ko.starts_with("적용하지 못했습니다: ") && ko.ends_with("app-1에는 7번 서버가 없습니다"), "{ko}");
    assert!(refused.words(Lang::En).ends_with("app-1 has no server 7"));
    let applied = Injected { action, refused: None };
    assert!(applied.words(Lang::Ko).starts_with("적용됨: "));
}

/// Issue 20, finding 5: a broken autosave whose copy storage refused says it is lost, never
/// that a copy was kept.
#[test]
fn an_autosave_copy_that_failed_is_said_to_be_lost() {
    let says =
        |kept| Notice::new(Says::Rejected { what: Source::Autosave { kept }, why: Why::NotAutosaveRecord });
    for lang in [Lang::En, Lang::Ko] {
        let (kept, lost) = (says(true).words(lang), says(false).words(lang));
        assert!(kept.contains(t(lang, Key::KeepAutosaveRejected)), "{kept}");
        assert!(
            lost.contains(t(lang, Key::KeepAutosaveLost))
                && !lost.contains(t(lang, Key::KeepAutosaveRejected)),
            "{lost}"
        );
    }
    assert!(
        says(false).words(Lang::En).contains("lost") && !says(false).words(Lang::En).contains("was kept")
    );
}

/// Issue 20, finding 2: the banner marks every user text for isolation (a `<bdi>` each), and
/// drops format characters from file names, which nothing validated.
#[test]
fn names_in_the_banner_are_isolated() {
    use archlab::ui::platform::notice::isolated_parts;
    let n = Notice::new(Says::Opened {
        next: "שלום 2".into(),
        from: Source::File("evil\u{202E}nosj.exe".into()),
        previous: "My shop".into(),
    });
    let marked = n.marked(Lang::En);
    let parts = isolated_parts(&marked);
    let isolated: Vec<&str> = parts.iter().filter(|(iso, _)| *iso).map(|(_, s)| *s).collect();
    // "… was kept: Recent → “My shop”": the previous name is shown twice.
    assert_eq!(isolated, ["שלום 2", "evilnosj.exe", "My shop", "My shop"]);
    let plain: String = parts.iter().map(|(_, s)| *s).collect();
    assert_eq!(plain, n.words(Lang::En));
    assert!(!plain.contains('\u{202E}'));
}
