//! Why the editor refused something (`editor::Reason`: refusals, inspector field errors and
//! the Operate tab's form errors) has words in both languages, with the same numbers.

use archlab::editor::Reason;
use archlab::i18n::{describe_reason, Lang};
use archlab::model::{Diagnostic, LinkRule, Problem};

mod words;
use words::{is_hangul, numbers};

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// One example of every variant. The match without a wildcard makes a new variant fail to
/// compile here until it has an example.
fn examples() -> Vec<Reason> {
    use Reason::*;
    let id = |s: &str| s.to_string();
    let mut all = vec![
        NeedPrimary,
        EveryPrimaryHasStandby,
        DropInZone,
        DropIdInZone(id("app-3")),
        NothingToDuplicate,
        BadId,
        IdTaken(id("db-2")),
        NoComponent(id("lb-7")),
        PrimaryOf { primary: id("db-1"), copy: id("db-12") },
        HasStandby { primary: id("db-1"), standby: id("standby-4") },
        LinkSelf,
        LinkEnds,
        LinkExists { from: id("users-1"), to: id("lb-2") },
        NotInCatalog(id("mars-1")),
        RegionOnCanvas(id("ap-northeast-2")),
        MaxRegions(12),
        NoRegion(id("us-east-9")),
        MaxZones(6),
        NoZoneLetter,
        ZoneNotEmpty { zone: id("b"), held: 3 },
        NoZone { zone: id("f"), region: id("eu-west-1") },
        LastZone,
        TooNarrow,
        AlarmExists(id("slow-5")),
        NoAlarm(id("slow-6")),
        AlarmInUse { deployment: 2, alarm: id("p95-7") },
        NoDeployment(4),
        NotApp(id("db-8")),
        NotGroup(id("app-9")),
        PickMetric,
        PickAction,
        PickStrategy,
        WholeFrom { min: 1, max: 64 },
        Between { min: 0.5, max: 300.0 },
        MoreThan { min: 0.0, max: 120.0 },
        EnterNumber,
        Finite,
        PickChoice,
        TrueOrFalse,
        NotEditable,
        NoSuchField,
        NoFieldOf { id: id("app-1"), key: id("ttl_s") },
        RoleFixed,
        LongerThanTimeout(2.5),
        ShorterThanInterval(10.0),
        GroupOff,
        PickSize,
        NotAboveMax(6),
        NotAboveCount(4),
        NotBelowMin(3),
        NotBelowCount(5),
        CountOutsideGroup { min: 2, max: 6 },
        SharedHost(id("db-1")),
        Invalid(Diagnostic {
            path: "app-1.count".into(),
            problem: Problem::OutOfRange { lo: 1.0, hi: 64.0, got: 65.0 },
        }),
    ];
    all.extend(LinkRule::ALL.map(LinkKinds));
    for r in &all {
        match r {
            NeedPrimary
            | EveryPrimaryHasStandby
            | DropInZone
            | DropIdInZone(_)
            | NothingToDuplicate
            | BadId
            | IdTaken(_)
            | NoComponent(_)
            | PrimaryOf { .. }
            | HasStandby { .. }
            | LinkSelf
            | LinkEnds
            | LinkExists { .. }
            | LinkKinds(_)
            | NotInCatalog(_)
            | RegionOnCanvas(_)
            | MaxRegions(_)
            | NoRegion(_)
            | MaxZones(_)
            | NoZoneLetter
            | ZoneNotEmpty { .. }
            | NoZone { .. }
            | LastZone
            | TooNarrow
            | AlarmExists(_)
            | NoAlarm(_)
            | AlarmInUse { .. }
            | NoDeployment(_)
            | NotApp(_)
            | NotGroup(_)
            | PickMetric
            | PickAction
            | PickStrategy
            | WholeFrom { .. }
            | Between { .. }
            | MoreThan { .. }
            | EnterNumber
            | Finite
            | PickChoice
            | TrueOrFalse
            | NotEditable
            | NoSuchField
            | NoFieldOf { .. }
            | RoleFixed
            | LongerThanTimeout(_)
            | ShorterThanInterval(_)
            | GroupOff
            | PickSize
            | NotAboveMax(_)
            | NotAboveCount(_)
            | NotBelowMin(_)
            | NotBelowCount(_)
            | CountOutsideGroup { .. }
            | SharedHost(_)
            | Invalid(_) => {}
        }
    }
    all
}

#[test]
fn every_reason_has_words_in_both_languages_with_the_same_numbers() {
    let all = examples();
    assert_eq!(all.len(), 54 + LinkRule::ALL.len());
    for r in &all {
        let en = describe_reason(Lang::En, r);
        assert_eq!(en, capitalize(&r.to_string()), "{r:?}: English differs from Display");
        let ko = describe_reason(Lang::Ko, r);
        assert!(ko.chars().any(is_hangul), "{r:?} has no Korean: {ko}");
        assert!(!ko.contains('{') && !en.contains('{'), "{r:?}: a slot was left unfilled: {en} / {ko}");
        assert_eq!(numbers(&ko), numbers(&en), "{r:?}: the Korean carries other numbers: {ko} / {en}");
    }
}

/// Every link rule reads differently (no two share one sentence) in both languages.
#[test]
fn link_rules_are_told_apart() {
    for lang in Lang::ALL {
        let mut words: Vec<String> =
            LinkRule::ALL.iter().map(|r| describe_reason(lang, &Reason::LinkKinds(*r))).collect();
        words.sort();
        words.dedup();
        assert_eq!(words.len(), LinkRule::ALL.len(), "{lang:?}");
    }
}

/// The cross-field rules a student meets first in the inspector are reasons of their own (so
/// they are worded in Korean too), not a quoted English validation problem.
#[test]
fn a_shared_host_and_a_count_outside_the_group_are_reasons_of_their_own() {
    use archlab::editor::{apply_field, Editor};
    let mut ed = Editor::new(archlab::catalog::single_server());
    let before = ed.scenario.clone();
    let e = apply_field(&mut ed, "app-1", "count", "2").unwrap_err();
    assert_eq!(e.reason, Reason::SharedHost("db-1".into()));
    assert_eq!(ed.scenario, before);
    apply_field(&mut ed, "app-1", "count", "1").unwrap();

    let mut ed = Editor::new(archlab::catalog::preset("separate-db").unwrap());
    apply_field(&mut ed, "app-1", "count", "2").unwrap();
    apply_field(&mut ed, "app-1", "autoscaling", "true").unwrap();
    apply_field(&mut ed, "app-1", "autoscaling.min", "2").unwrap();
    let max = match &ed.scenario.component("app-1").unwrap().kind {
        archlab::model::Kind::AppServer(a) => a.autoscaling.as_ref().unwrap().max,
        _ => unreachable!(),
    };
    let e = apply_field(&mut ed, "app-1", "count", &(max + 1).to_string()).unwrap_err();
    assert_eq!(e.reason, Reason::CountOutsideGroup { min: 2, max });
}
