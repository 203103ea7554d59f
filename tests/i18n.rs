//! The translation tables: complete, really Korean, never HTML, and the event log's wording.

use archlab::engine::{
    secs, AlarmState, DeployKind, ErrorCause, InjectedFault, LogEntry, LogKind, ScaleReason,
};
use archlab::i18n::{
    describe_fault, describe_log, describe_log_line, fill, format_number, format_time, slots, t, text_blocks,
    tf, Key, Lang, Names,
};
use archlab::model::{FaultAction, Placement, Target};

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{1100}'..='\u{11FF}').contains(&c)
}

/// Texts that are the same in both languages: proper nouns, symbols and units.
const NOT_TRANSLATED: &[Key] = &[
    Key::AppTitle,
    Key::LangEnglish,
    Key::KindDns,
    Key::LatencyP95,
    Key::LatencyP99,
    Key::UnitMs,
    Key::UnitPercent,
    Key::ChaosPlusMs,
    Key::ChaosProcessShort,
    // "CPU" is what Korean dashboards (CloudWatch, top) write too.
    Key::ResCpu,
];

#[test]
fn all_lists_every_key_once_in_declaration_order() {
    // `Key` and `Key::ALL` come from one macro list; this pins that ALL is complete and ordered:
    // the i-th entry is the i-th variant, so no variant is skipped or repeated.
    for (i, k) in Key::ALL.iter().enumerate() {
        assert_eq!(*k as usize, i, "{k:?} is out of place in Key::ALL");
    }
    assert_eq!(exhaustive_last_check(*Key::ALL.last().unwrap()), Key::ALL.len());
}

/// An exhaustive-by-construction helper: the last variant's discriminant + 1 is the variant
/// count; if ALL stopped early its last element would not be the last variant.
fn exhaustive_last_check(last: Key) -> usize {
    assert_eq!(last, Key::CurveNoWorker, "a key was added after CurveNoWorker: update this test");
    last as usize + 1
}

/// The texts are (key, text) lists gathered into a table, so a key written twice would
/// silently keep its last text: each key is written exactly once per language.
#[test]
fn every_key_is_written_once_per_language() {
    for lang in Lang::ALL {
        let mut count = vec![0; Key::ALL.len()];
        for &(k, _) in text_blocks(lang).iter().flat_map(|b| b.iter()) {
            count[k as usize] += 1;
        }
        for (&k, &n) in Key::ALL.iter().zip(&count) {
            assert_eq!(n, 1, "{k:?} is written {n} times in {lang:?}");
        }
    }
}

#[test]
fn every_key_has_text_in_both_languages() {
    for &k in Key::ALL {
        for lang in Lang::ALL {
            assert!(!t(lang, k).trim().is_empty(), "{k:?} is empty in {lang:?}");
        }
    }
}

#[test]
fn korean_text_is_korean_and_english_is_not() {
    for &k in Key::ALL {
        let ko = t(Lang::Ko, k);
        if NOT_TRANSLATED.contains(&k) {
            assert_eq!(ko, t(Lang::En, k), "{k:?} is listed as untranslated but differs");
        } else {
            assert!(ko.chars().any(is_hangul), "{k:?} has no Korean: {ko}");
        }
        if k != Key::LangKorean {
            assert!(!t(Lang::En, k).chars().any(is_hangul), "{k:?} has Hangul in English");
        }
    }
}

#[test]
fn no_text_is_html() {
    for &k in Key::ALL {
        for lang in Lang::ALL {
            let s = t(lang, k);
            assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'), "{k:?} in {lang:?}: {s}");
        }
    }
}

#[test]
fn both_languages_use_the_same_slots() {
    for &k in Key::ALL {
        assert_eq!(slots(t(Lang::En, k)), slots(t(Lang::Ko, k)), "{k:?}");
        let s = slots(t(Lang::En, k));
        assert!(s.iter().enumerate().all(|(i, n)| i == *n), "{k:?} skips a slot: {s:?}");
    }
}

#[test]
fn browser_tags() {
    for (tag, lang) in [
        ("ko-KR", Lang::Ko),
        ("ko", Lang::Ko),
        ("KO_kr", Lang::Ko),
        ("en-US", Lang::En),
        ("ja-JP", Lang::En),
        ("", Lang::En),
        ("kok", Lang::En),
    ] {
        assert_eq!(Lang::from_browser_tag(tag), lang, "{tag}");
    }
    assert_eq!(Lang::from_code("ko"), Some(Lang::Ko));
    assert_eq!(Lang::from_code("xx"), None);
}

#[test]
fn fill_and_numbers() {
    assert_eq!(fill("{1} then {0}", &["a", "b"]), "b then a");
    assert_eq!(fill("{0} and {2}", &["a"]), "a and {2}");
    assert_eq!(fill("{x} {", &[]), "{x} {");
    assert_eq!(format_time(0.0), "0.0 s");
    assert_eq!(format_time(12.34), "12.3 s");
    assert_eq!(format_time(59.96), "1:00.0");
    assert_eq!(format_time(125.3), "2:05.3");
    assert_eq!(format_time(f64::NAN), "0.0 s");
    assert_eq!(format_number(0), "0");
    assert_eq!(format_number(1250), "1,250");
    assert_eq!(format_number(1_000_000), "1,000,000");
    assert_eq!(tf(Lang::Ko, Key::RunningAt, &["0.4"]), "실제 시간의 0.4배로 실행 중");
}

fn names() -> Names {
    Names {
        ids: ["users-1", "lb-1", "app-1", "app-2", "db-1", "standby-1", "dns-1"].map(String::from).to_vec(),
        hosts: vec![1, 1, 4, 1, 1, 1, 1],
        isolate: false,
    }
}

/// Issue 20: on the page every user text inside a log sentence is isolated, so a right-to-left
/// alarm or component id cannot reorder the lab's sentence; plain-text output stays plain.
#[test]
fn log_sentences_isolate_user_text_on_the_page() {
    let fsi = |s: &str| format!("\u{2068}{s}\u{2069}");
    let page = Names { isolate: true, ..names() };
    let alarm = "\u{5d0}\u{5dc}\u{5e8}\u{5dd}"; // Hebrew letters
    let changed = entry(
        None,
        LogKind::AlarmStateChanged {
            alarm: alarm.into(),
            from: AlarmState::Ok,
            to: AlarmState::Alarm,
            value: 1.0,
        },
    );
    let line = describe_log(Lang::En, &changed, &page);
    assert!(line.contains(&fsi(alarm)), "{line}");
    assert!(!describe_log(Lang::En, &changed, &names()).contains('\u{2068}'));
    let healed = entry(None, LogKind::Healed { a: "ap-northeast-2a".into(), b: "us-east-1a".into() });
    let line = describe_log(Lang::Ko, &healed, &page);
    assert!(line.contains(&fsi("ap-northeast-2a")) && line.contains(&fsi("us-east-1a")), "{line}");
    let failed = entry(Some(2), LogKind::ComponentDown);
    assert!(describe_log(Lang::En, &failed, &page).contains(&fsi("app-1")));
}

fn entry(component: Option<usize>, kind: LogKind) -> LogEntry {
    LogEntry { time: secs(12.3), component, kind }
}

fn kill_app2() -> InjectedFault {
    InjectedFault(FaultAction::Kill { target: Target::Component { id: "app-2".into() } })
}

/// One case per LogKind variant: (entry, English, Korean).
fn cases() -> Vec<(LogEntry, &'static str, &'static str)> {
    use LogKind::*;
    let s = String::from;
    vec![
        (entry(None, FaultInjected { what: kill_app2() }), "Fault: Kill app-2", "장애 주입: app-2 중단"),
        (entry(Some(2), ServerDown { server: 2 }), "app-1 server 3 is down", "app-1 서버 3: 중단됨"),
        (entry(Some(3), ServerUp { server: 0 }), "app-2 is back up", "app-2: 복구됨"),
        (
            entry(Some(3), ProcessCrashed { server: 0, process: 1 }),
            "app-2: process 2 crashed; the process manager will restart it",
            "app-2: 프로세스 2 비정상 종료, 프로세스 매니저가 곧 재시작합니다",
        ),
        (
            entry(Some(2), ProcessRestarted { server: 0, process: 0 }),
            "app-1 server 1: the process manager restarted process 1",
            "app-1 서버 1: 프로세스 매니저가 프로세스 1 재시작",
        ),
        (entry(Some(1), ComponentDown), "lb-1 is down", "lb-1: 중단됨"),
        (entry(Some(1), ComponentUp), "lb-1 is back up", "lb-1: 복구됨"),
        (
            entry(Some(1), TargetUnhealthy { target: 3, server: 0, failures: 2 }),
            "app-2 failed 2 health checks, removed from the target group of lb-1",
            "lb-1: app-2 헬스 체크 2회 연속 실패, 대상 그룹에서 제외",
        ),
        (
            entry(Some(1), TargetHealthy { target: 2, server: 1, passes: 5 }),
            "app-1 server 2 passed 5 health checks, back in the target group of lb-1",
            "lb-1: app-1 서버 2 헬스 체크 5회 연속 통과, 대상 그룹에 다시 포함",
        ),
        (
            entry(Some(1), NoHealthyTargets),
            "lb-1 has no healthy target: requests fail",
            "lb-1: 정상 대상이 없어 요청이 실패합니다",
        ),
        (
            entry(Some(6), DnsRemoved { target: 1 }),
            "dns-1 stopped answering with lb-1: it failed its health checks",
            "dns-1: 헬스 체크에 실패한 lb-1 대상을 응답에서 제외",
        ),
        (
            entry(Some(6), DnsRestored { target: 1 }),
            "dns-1 answers with lb-1 again",
            "dns-1: lb-1 대상을 다시 응답에 포함",
        ),
        (
            entry(Some(4), FailoverStarted { standby: 5, seconds: 60.0 }),
            "db-1 is down: promoting standby standby-1, which takes about 60 s",
            "db-1: 기본 데이터베이스 중단, 대기 데이터베이스 standby-1 승격 시작 (약 60초 소요)",
        ),
        (
            entry(Some(4), FailoverDone { standby: 5 }),
            "standby-1 was promoted and is the new primary",
            "standby-1: 승격 완료, 이제 기본 데이터베이스로 동작",
        ),
        (
            entry(Some(3), QueueFull),
            "app-2: queue full, requests rejected",
            "app-2: 대기열이 가득 차 요청 거부",
        ),
        (
            entry(Some(3), Errors { cause: ErrorCause::QueueFull, count: 1234 }),
            "app-2: 1,234 requests failed in the last second (Queue full)",
            "app-2: 지난 1초 동안 요청 1,234건 실패 (대기열 가득 참)",
        ),
        (
            entry(None, ZoneDown { region: s("ap-northeast-2"), zone: s("a") }),
            "Availability zone ap-northeast-2a is down: everything in it stopped",
            "가용 영역 ap-northeast-2a 중단: 그 안의 모든 구성 요소가 멈췄습니다",
        ),
        (
            entry(None, ZoneUp { region: s("ap-northeast-2"), zone: s("a") }),
            "Availability zone ap-northeast-2a is back",
            "가용 영역 ap-northeast-2a 복구",
        ),
        (
            entry(None, RegionDown { region: s("us-east-1") }),
            "Region N. Virginia is down: everything in it stopped",
            "버지니아 북부 리전 중단: 리전 안의 모든 구성 요소가 멈췄습니다",
        ),
        (entry(None, RegionUp { region: s("ap-northeast-2") }), "Region Seoul is back", "서울 리전 복구"),
        (
            entry(None, Partitioned { a: s("ap-northeast-2a"), b: s("ap-northeast-2b") }),
            "Network cut between ap-northeast-2a and ap-northeast-2b",
            "ap-northeast-2a ↔ ap-northeast-2b 네트워크 단절",
        ),
        (
            entry(None, Healed { a: s("ap-northeast-2a"), b: s("ap-northeast-2b") }),
            "Network between ap-northeast-2a and ap-northeast-2b restored",
            "ap-northeast-2a ↔ ap-northeast-2b 네트워크 복구",
        ),
        (
            entry(None, LatencyAdded { a: s("ap-northeast-2a"), b: s("ap-northeast-2b"), ms: 50.0 }),
            "50.0 ms of extra round trip between ap-northeast-2a and ap-northeast-2b",
            "ap-northeast-2a ↔ ap-northeast-2b 왕복 지연 50.0 ms 추가",
        ),
        (
            entry(None, LatencyCleared { a: s("ap-northeast-2a"), b: s("ap-northeast-2b") }),
            "Extra latency between ap-northeast-2a and ap-northeast-2b removed",
            "ap-northeast-2a ↔ ap-northeast-2b 추가 지연 제거",
        ),
        (
            entry(Some(2), ScaledOut { from: 2, to: 4, reason: ScaleReason::Cpu { pct: 91.4 } }),
            "app-1: auto scaling adds servers, 2 → 4 (average CPU 91% against its target)",
            "app-1: 오토 스케일링이 서버를 늘립니다, 2대 → 4대 (평균 CPU 91%, 목표값 기준)",
        ),
        (
            entry(Some(2), ScaledIn { from: 4, to: 3, reason: ScaleReason::Alarm { alarm: s("low-cpu") } }),
            "app-1: auto scaling removes servers, 4 → 3 (alarm low-cpu)",
            "app-1: 오토 스케일링이 서버를 줄입니다, 4대 → 3대 (경보 low-cpu)",
        ),
        (
            entry(Some(2), HostLaunched { server: 1 }),
            "app-1 server 2 launched, booting",
            "app-1 서버 2 시작, 부팅 중",
        ),
        (
            entry(Some(2), HostInService { server: 1 }),
            "app-1 server 2 booted and is in service",
            "app-1 서버 2 부팅 완료, 서비스 시작",
        ),
        (
            entry(Some(2), HostDraining { server: 1 }),
            "app-1 server 2 deregistered: it finishes its requests (connection draining)",
            "app-1 서버 2 대상 그룹에서 해제: 처리 중인 요청을 마무리합니다 (연결 드레이닝)",
        ),
        (entry(Some(2), HostTerminated { server: 1 }), "app-1 server 2 terminated", "app-1 서버 2 종료"),
        (
            entry(Some(2), DeploymentStarted { kind: DeployKind::Rolling }),
            "app-1: rolling deployment of a new version started",
            "app-1: 새 버전 롤링 배포 시작",
        ),
        (
            entry(Some(2), DeploymentBatchDone { done: 1, total: 4 }),
            "app-1: 1 of 4 servers replaced",
            "app-1: 서버 4대 중 1대 교체 완료",
        ),
        (entry(Some(2), DeploymentFinished), "app-1: deployment finished", "app-1: 배포 완료"),
        (
            entry(Some(2), DeploymentRolledBack { alarm: s("errors") }),
            "app-1: alarm errors fired, rolling back to the previous version",
            "app-1: 경보 errors 발생, 이전 버전으로 롤백합니다",
        ),
        (
            entry(
                None,
                AlarmStateChanged {
                    alarm: s("p95"),
                    from: AlarmState::Ok,
                    to: AlarmState::Alarm,
                    value: 250.0,
                },
            ),
            "Alarm p95: OK → ALARM (value 250)",
            "경보 p95: 정상 → 경보 (값 250)",
        ),
    ]
}

/// Exhaustive over LogKind: adding a variant breaks this until it gets a case above.
fn variant(k: &LogKind) -> usize {
    use LogKind::*;
    match k {
        FaultInjected { .. } => 0,
        ServerDown { .. } => 1,
        ServerUp { .. } => 2,
        ProcessCrashed { .. } => 3,
        ProcessRestarted { .. } => 4,
        ComponentDown => 5,
        ComponentUp => 6,
        TargetUnhealthy { .. } => 7,
        TargetHealthy { .. } => 8,
        NoHealthyTargets => 9,
        DnsRemoved { .. } => 10,
        DnsRestored { .. } => 11,
        FailoverStarted { .. } => 12,
        FailoverDone { .. } => 13,
        QueueFull => 14,
        Errors { .. } => 15,
        ZoneDown { .. } => 16,
        ZoneUp { .. } => 17,
        RegionDown { .. } => 18,
        RegionUp { .. } => 19,
        Partitioned { .. } => 20,
        Healed { .. } => 21,
        LatencyAdded { .. } => 22,
        LatencyCleared { .. } => 23,
        ScaledOut { .. } => 24,
        ScaledIn { .. } => 25,
        HostLaunched { .. } => 26,
        HostInService { .. } => 27,
        HostDraining { .. } => 28,
        HostTerminated { .. } => 29,
        DeploymentStarted { .. } => 30,
        DeploymentBatchDone { .. } => 31,
        DeploymentFinished => 32,
        DeploymentRolledBack { .. } => 33,
        AlarmStateChanged { .. } => 34,
    }
}

#[test]
fn every_log_kind_is_worded_in_both_languages() {
    let names = names();
    let cases = cases();
    let mut covered: Vec<usize> = cases.iter().map(|(e, _, _)| variant(&e.kind)).collect();
    covered.sort_unstable();
    assert_eq!(covered, (0..35).collect::<Vec<_>>(), "every LogKind variant needs exactly one case");
    for (e, en, ko) in &cases {
        assert_eq!(describe_log(Lang::En, e, &names), *en);
        assert_eq!(describe_log(Lang::Ko, e, &names), *ko);
    }
}

#[test]
fn log_lines_carry_the_time_and_survive_bad_indices() {
    let names = names();
    let e = entry(Some(3), LogKind::QueueFull);
    assert_eq!(describe_log_line(Lang::En, &e, &names), "12.3 s  app-2: queue full, requests rejected");
    let stray = entry(Some(99), LogKind::ComponentDown);
    assert_eq!(describe_log(Lang::En, &stray, &names), "a component is down");
    let all = entry(None, LogKind::Errors { cause: ErrorCause::Timeout, count: 3 });
    assert_eq!(describe_log(Lang::En, &all, &names), "3 requests failed in the last second (Timeout)");
}

#[test]
fn faults_in_words() {
    let zone = |z: &str| Placement::new("ap-northeast-2", z);
    let kill_zone =
        FaultAction::Kill { target: Target::Zone { region: "ap-northeast-2".into(), zone: "a".into() } };
    assert_eq!(describe_fault(Lang::En, &kill_zone), "Kill zone ap-northeast-2a");
    assert_eq!(describe_fault(Lang::Ko, &kill_zone), "가용 영역 ap-northeast-2a 중단");
    let region = FaultAction::Revive { target: Target::Region { region: "ap-northeast-1".into() } };
    assert_eq!(describe_fault(Lang::En, &region), "Revive region Tokyo");
    assert_eq!(describe_fault(Lang::Ko, &region), "도쿄 리전 복구");
    let proc = FaultAction::Kill { target: Target::Process { id: "app-1".into(), server: 0, index: 2 } };
    assert_eq!(describe_fault(Lang::En, &proc), "Kill app-1 server 1 process 3");
    let cut = FaultAction::Partition { a: zone("a"), b: zone("b") };
    assert_eq!(
        describe_fault(Lang::En, &cut),
        "Cut the network between zone ap-northeast-2a and zone ap-northeast-2b"
    );
}

/// A key no code asks for is text no one sees: it goes stale and still ships in the bundle.
#[test]
fn no_key_is_unused() {
    fn sources(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            let is_table = path.parent().is_some_and(|p| p.ends_with("i18n"))
                && (name == "key.rs" || name.starts_with("en") || name.starts_with("ko"));
            if path.is_dir() {
                sources(&path, out);
            } else if name.ends_with(".rs") && !is_table {
                out.push_str(&std::fs::read_to_string(&path).expect("source is readable"));
            }
        }
    }
    let mut code = String::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src", "crates/engine/src", "crates/lab/src", "crates/runner/src"] {
        sources(&root.join(dir), &mut code);
    }
    let used = |name: &str| {
        code.match_indices(name).any(|(i, _)| {
            let before = code[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
            let after =
                code[i + name.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
            !before && !after
        })
    };
    let unused: Vec<String> = Key::ALL.iter().map(|k| format!("{k:?}")).filter(|n| !used(n)).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}
