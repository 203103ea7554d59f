//! What is wrong with a scenario has words in both languages, with the same numbers: the
//! validation problems (`model::Problem`), the shape errors serde reports for a malformed link or
//! file (`share::ShapeDetail`) and serde_json's syntax errors (`share::JsonSyntax`).

use archlab::i18n::{
    describe_base64_detail, describe_diagnostic, describe_json_syntax, describe_problem, describe_reason,
    describe_shape_detail, describe_share_error, Lang,
};
use archlab::model::{validate, Diagnostic, LinkRule, Problem, Scenario};
use archlab::share::{decode, from_json_file, Base64Detail, JsonSyntax, ShapeDetail, ShareError};
use serde_json::{json, Value};

const MULTI_AZ_COST: &str = include_str!("../scenarios/presets/multi-az-cost.json");

mod words;
use words::{is_hangul, numbers};

/// English is exactly `display`; Korean has Hangul, every slot filled and the same numbers.
fn check_both(what: &dyn std::fmt::Debug, display: String, en: String, ko: String) {
    assert_eq!(en, display, "{what:?}: English differs from Display");
    assert!(ko.chars().any(is_hangul), "{what:?} has no Korean: {ko}");
    assert!(!ko.contains("{0}") && !ko.contains("{1}") && !ko.contains("{2}"), "{what:?}: {ko}");
    assert_eq!(numbers(&ko), numbers(&en), "{what:?}: the Korean carries other numbers: {ko} / {en}");
}

/// One example of every problem. The match without a wildcard makes a new variant fail to
/// compile here until it has an example.
fn problems() -> Vec<Problem> {
    use Problem::*;
    let id = |s: &str| s.to_string();
    let mut all = vec![
        NotFinite,
        OutOfRange { lo: 1.0, hi: 64.0, got: 65.0 },
        OutOfRange { lo: 0.1, hi: 100.0, got: 0.05 },
        MustBePositive,
        AtMost { hi: 600000.0, got: 700000.5 },
        WrongVersion { expected: 1, got: 7 },
        TooLong { max: 64 },
        ControlChars,
        FormatChars,
        BadId,
        IdTwice,
        AppearsTwice,
        TooManyRegions(12),
        TooManyComponents { max: 200, got: 203 },
        TooManyLinks { max: 1000, got: 1001 },
        TooManyFaults(500),
        TooManyDeployments(50),
        TooManyAlarms(49),
        RegionNotInCatalog,
        ZoneCount { max: 6 },
        BadZoneName,
        NoSuchZone { region: id("eu-west-1"), zone: id("c") },
        NoSuchRegion(id("us-west-2")),
        NoSuchComponent(id("lb-9")),
        NotAnAppServer(id("db-3")),
        IsNotAnAppServer,
        NotAutoScalingGroup(id("app-4")),
        NoSuchAlarm(id("slow-5")),
        NoServer { id: id("app-1"), index: 3 },
        NoProcess { id: id("app-2"), server: 1, index: 7 },
        ShorterThanInterval,
        PrimaryHasNoPrimary,
        NamePrimary,
        NotAPrimary(id("replica-8")),
        OneStandby,
        SharedHostSingle,
        LinkToSelf,
        DuplicateLink,
        SpikeTooHigh { max: 1000000.0 },
        AlarmIdUnique,
        MinAboveMax,
        CountOutsideGroup { min: 2, max: 6 },
        BeforeNow(42.5),
        NoRoomForSecondFleet(id("app-6")),
    ];
    all.extend(LinkRule::ALL.map(LinkKinds));
    for p in &all {
        match p {
            NotFinite
            | OutOfRange { .. }
            | MustBePositive
            | AtMost { .. }
            | WrongVersion { .. }
            | TooLong { .. }
            | ControlChars
            | FormatChars
            | BadId
            | IdTwice
            | AppearsTwice
            | TooManyRegions(_)
            | TooManyComponents { .. }
            | TooManyLinks { .. }
            | TooManyFaults(_)
            | TooManyDeployments(_)
            | TooManyAlarms(_)
            | RegionNotInCatalog
            | ZoneCount { .. }
            | BadZoneName
            | NoSuchZone { .. }
            | NoSuchRegion(_)
            | NoSuchComponent(_)
            | NotAnAppServer(_)
            | IsNotAnAppServer
            | NotAutoScalingGroup(_)
            | NoSuchAlarm(_)
            | NoServer { .. }
            | NoProcess { .. }
            | ShorterThanInterval
            | PrimaryHasNoPrimary
            | NamePrimary
            | NotAPrimary(_)
            | OneStandby
            | SharedHostSingle
            | LinkToSelf
            | DuplicateLink
            | LinkKinds(_)
            | SpikeTooHigh { .. }
            | AlarmIdUnique
            | MinAboveMax
            | CountOutsideGroup { .. }
            | BeforeNow(_)
            | NoRoomForSecondFleet(_) => {}
        }
    }
    all
}

#[test]
fn every_problem_has_words_in_both_languages_with_the_same_numbers() {
    let all = problems();
    assert_eq!(all.len(), 44 + LinkRule::ALL.len());
    for p in &all {
        let (en, ko) = (describe_problem(Lang::En, p), describe_problem(Lang::Ko, p));
        check_both(p, p.to_string(), en, ko);
    }
    // A diagnostic is its path, then the problem, in either language.
    let d = Diagnostic {
        path: "app-1.count".into(),
        problem: Problem::OutOfRange { lo: 1.0, hi: 64.0, got: 65.0 },
    };
    assert_eq!(describe_diagnostic(Lang::En, &d), "app-1.count: must be between 1 and 64 (got 65)");
    assert!(describe_diagnostic(Lang::Ko, &d).starts_with("app-1.count: "));
    // An edit refused for a validation problem quotes it in the page's language, path untouched.
    let refusal = archlab::editor::Reason::Invalid(d.clone());
    let ko = describe_reason(Lang::Ko, &refusal);
    assert!(ko.ends_with(&describe_diagnostic(Lang::Ko, &d)), "{ko}");
    assert_eq!(describe_reason(Lang::En, &refusal), "App-1.count: must be between 1 and 64 (got 65)");
}

/// No two problems share one Korean sentence unless they share the English one.
#[test]
fn problems_are_told_apart_in_korean() {
    let all = problems();
    for a in &all {
        for b in &all {
            if a.to_string() != b.to_string() {
                assert_ne!(describe_problem(Lang::Ko, a), describe_problem(Lang::Ko, b), "{a:?} / {b:?}");
            }
        }
    }
}

/// A scenario broken in many places at once: every diagnostic `validate` finds reads in Korean
/// without the English sentence, keeps its path and its numbers.
#[test]
fn every_diagnostic_of_a_broken_scenario_reads_in_korean() {
    let mut v: Value = serde_json::from_str(MULTI_AZ_COST).unwrap();
    let app = |v: &mut Value, field: &str, x: Value| v["components"][4]["kind"][field] = x;
    app(&mut v, "processes", json!(500));
    app(&mut v, "count", json!(0));
    app(&mut v, "write_ratio", json!(1.5));
    v["name"] = json!("line\nbreak");
    v["components"][2]["kind"]["health_check"]["timeout_s"] = json!(60.0);
    v["components"][7]["kind"]["primary"] = json!("app-2");
    v["components"][7]["place"]["zone"] = json!("f");
    v["links"].as_array_mut().unwrap().push(json!({ "from": "app-1", "to": "ghost" }));
    v["links"].as_array_mut().unwrap().push(json!({ "from": "lb-1", "to": "lb-1" }));
    v["faults"][0]["action"]["target"] = json!({ "kind": "server", "id": "app-2", "index": 9 });
    v["alarms"][0]["metric"]["component"] = json!("nobody");
    v["traffic"]["rate_rps"] = json!(-5.0);
    v["run"]["duration_s"] = json!(0.0);
    let scenario: Scenario = archlab::share::from_value(&v).expect("the shape is still a scenario");
    let diags = validate(&scenario);
    assert!(diags.len() >= 13, "{diags:#?}");
    for d in &diags {
        let ko = describe_diagnostic(Lang::Ko, d);
        assert!(ko.starts_with(&format!("{}: ", d.path)), "{ko}");
        assert!(!ko.contains(&d.problem.to_string()), "{d}: English left in the Korean: {ko}");
        assert!(ko.chars().any(is_hangul), "{d}: {ko}");
        assert_eq!(numbers(&ko), numbers(&d.to_string()), "{d}: {ko}");
        assert_eq!(describe_diagnostic(Lang::En, d), d.to_string());
    }
    // The same list, refused as a file, is listed in Korean too (the first five, then a count).
    let Err(e @ ShareError::Invalid(_)) = from_json_file(&v.to_string()) else {
        panic!("refused as invalid")
    };
    let ko = describe_share_error(Lang::Ko, &e);
    assert!(ko.contains(&describe_diagnostic(Lang::Ko, &diags[0])), "{ko}");
    assert!(!ko.contains("must be"), "{ko}");
    assert_eq!(describe_share_error(Lang::En, &e), e.to_string());
}

/// "Deploy now" refuses with a diagnostic (validation's or the engine's), worded in Korean.
#[test]
fn a_refused_deploy_now_reads_in_korean() {
    use archlab::editor::DeployForm;
    use archlab::ui::Runtime;
    let s = archlab::catalog::preset("load-balancer").unwrap();
    let mut rt = Runtime::new(s.clone()).unwrap();
    rt.step(archlab::engine::secs(3.0));
    let mut form = DeployForm::new_for(&s);
    form.strategy = "blue_green".into();
    let d = form.parse(&s, Some(0.0)).unwrap();
    let err = rt.deploy_now(d).expect_err("no room for a second fleet in this run");
    assert_eq!(err.path, "deployment.strategy");
    assert_eq!(err.problem, Problem::NoRoomForSecondFleet("app-1".into()));
    let ko = describe_diagnostic(Lang::Ko, &err);
    assert!(ko.contains("app-1") && ko.contains("블루/그린"), "{ko}");

    // Validation's refusal, at the deployment's place in the scenario.
    let mut d = DeployForm::new_for(&s).parse(&s, Some(0.0)).unwrap();
    d.rollback_on = Some("no-such-alarm".into());
    let err = rt.deploy_now(d).expect_err("no such alarm");
    assert_eq!(err.path, "deployments.0.rollback_on");
    assert_eq!(err.problem, Problem::NoSuchAlarm("no-such-alarm".into()));
    assert!(describe_diagnostic(Lang::Ko, &err).contains("no-such-alarm 경보가 없습니다"));
}

/// One example of every shape detail, and every one read back from serde's own message.
#[test]
fn shape_details_in_both_languages() {
    use ShapeDetail::*;
    let s = |x: &str| x.to_string();
    let all = vec![
        MissingField(s("code")),
        UnknownField { field: s("gpus"), expected: Some(s("one of `count`, `vcpus`, `processes`")) },
        UnknownField { field: s("x"), expected: None },
        UnknownVariant { variant: s("mainframe"), expected: Some(s("`dns` or `clients`")) },
        UnknownVariant { variant: s("y"), expected: None },
        InvalidType { found: s("string \"a\""), expected: s("u32") },
        InvalidValue { found: s("integer `-1`"), expected: s("u32") },
        InvalidLength { len: 3, expected: s("fewer elements in array") },
        DuplicateField(s("id")),
        KeyTwice,
        NotAnObject,
    ];
    for d in &all {
        match d {
            MissingField(_)
            | UnknownField { .. }
            | UnknownVariant { .. }
            | InvalidType { .. }
            | InvalidValue { .. }
            | InvalidLength { .. }
            | DuplicateField(_)
            | KeyTwice
            | NotAnObject
            | Other(_) => {}
        }
        let (en, ko) = (describe_shape_detail(Lang::En, d), describe_shape_detail(Lang::Ko, d));
        check_both(d, d.to_string(), en, ko);
        if !matches!(d, KeyTwice | NotAnObject) {
            assert_eq!(&ShapeDetail::classify(&d.to_string()), d, "{d} reads back");
        }
    }
    // Text serde never writes stays as it is, in both languages.
    let odd = ShapeDetail::classify("unknown field `a");
    assert_eq!(odd, Other("unknown field `a".into()));
    assert_eq!(describe_shape_detail(Lang::Ko, &odd), "unknown field `a");
}

/// Links and files broken the common ways are sorted, not left as English text.
#[test]
fn serde_messages_from_real_files_are_sorted() {
    let base: Value = serde_json::from_str(MULTI_AZ_COST).unwrap();
    let shape = |change: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        change(&mut v);
        match from_json_file(&v.to_string()) {
            Err(e @ ShareError::Shape { .. }) => e,
            other => panic!("{other:?}"),
        }
    };
    type Change = dyn Fn(&mut Value);
    let cases: Vec<(&Change, &str)> = vec![
        (&|v| v["regions"][0].as_object_mut().unwrap().remove("code").map(drop).unwrap(), "missing"),
        (&|v| v["evil"] = json!(1), "unknown field"),
        (&|v| v["components"][0]["kind"]["type"] = json!("mainframe"), "unknown variant"),
        (&|v| v["components"][4]["kind"]["count"] = json!("a"), "invalid type"),
        (&|v| v["components"][4]["kind"]["count"] = json!(-1), "invalid value"),
        (&|v| v["seed"] = json!(true), "invalid type"),
    ];
    for (change, starts) in cases {
        let e = shape(change);
        let ShareError::Shape { detail, .. } = &e else { unreachable!() };
        assert!(!matches!(detail, ShapeDetail::Other(_)), "not sorted: {detail:?}");
        assert!(detail.to_string().starts_with(starts), "{detail}");
        assert_eq!(describe_share_error(Lang::En, &e), e.to_string());
        let ko = describe_share_error(Lang::Ko, &e);
        assert!(!ko.contains(starts), "{ko}");
        assert_eq!(numbers(&ko), numbers(&e.to_string()), "{ko}");
    }
}

/// Every message serde_json's parser writes is sorted and worded in Korean.
#[test]
fn json_syntax_errors_in_both_languages() {
    let messages = [
        "EOF while parsing a list",
        "EOF while parsing an object",
        "EOF while parsing a string",
        "EOF while parsing a value",
        "expected `:`",
        "expected `,` or `]`",
        "expected `,` or `}`",
        "expected ident",
        "expected value",
        "expected `\"`",
        "invalid escape",
        "invalid number",
        "number out of range",
        "control character (\\u0000-\\u001F) found while parsing a string",
        "key must be a string",
        "trailing comma",
        "trailing characters",
        "recursion limit exceeded",
    ];
    for m in messages {
        let j = JsonSyntax::classify(m);
        assert!(!matches!(j, JsonSyntax::Other(_)), "{m}");
        let (en, ko) = (describe_json_syntax(Lang::En, &j), describe_json_syntax(Lang::Ko, &j));
        check_both(&j, m.to_string(), en, ko);
    }
    // And as the parser reports it on a real file.
    let e = from_json_file("{\"version\": 1,").unwrap_err();
    let ko = describe_share_error(Lang::Ko, &e);
    assert!(ko.contains("중간에 끊겼습니다 (읽던 부분: 값)"), "{ko}");
    assert_eq!(describe_share_error(Lang::En, &e), e.to_string());
}

/// Why a damaged link is not base64url, in both languages, as the decoder finds it.
#[test]
fn base64_details_in_both_languages() {
    use Base64Detail::*;
    let all = [
        BadSymbol { byte: b'+', at: 5 },
        BadSymbol { byte: b'\n', at: 12 },
        BadLastSymbol { byte: b'q', at: 4 },
        BadLength,
        Padding,
    ];
    for d in &all {
        match d {
            BadSymbol { .. } | BadLastSymbol { .. } | BadLength | Padding => {}
        }
        let (en, ko) = (describe_base64_detail(Lang::En, d), describe_base64_detail(Lang::Ko, d));
        check_both(d, d.to_string(), en, ko);
    }
    assert_eq!(
        BadSymbol { byte: b'\n', at: 12 }.to_string(),
        "byte 0x0a at position 12 is not allowed in a link"
    );
    for link in ["1.eNq+", "1.eNqa=", "1.e", "1.eNr"] {
        let e = decode(link).unwrap_err();
        assert_eq!(e.kind(), "not_base64", "{link}");
        assert_eq!(describe_share_error(Lang::En, &e), e.to_string());
        let ko = describe_share_error(Lang::Ko, &e);
        assert!(!ko.contains("link") && !ko.contains("position"), "{ko}");
        assert_eq!(numbers(&ko), numbers(&e.to_string()), "{ko}");
    }
}

/// A fault aimed at something the run does not have is refused with a problem, worded in Korean.
#[test]
fn a_refused_fault_reads_in_korean() {
    let s = archlab::catalog::preset("load-balancer").unwrap();
    let mut sim = archlab::engine::Sim::new(&s, 1).unwrap();
    let bad: archlab::model::FaultAction = archlab::share::from_value(
        &json!({ "do": "kill", "target": { "kind": "server", "id": "app-1", "index": 9 } }),
    )
    .unwrap();
    let err = sim.inject(&bad).unwrap_err();
    assert_eq!(err, Problem::NoServer { id: "app-1".into(), index: 9 });
    assert_eq!(describe_problem(Lang::Ko, &err), "app-1에는 9번 서버가 없습니다");
    assert!(sim.log().is_empty(), "nothing was applied");
}
