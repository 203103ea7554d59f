//! Labels outside the key tables: the inspector's choices and units, and why a link or file
//! did not open, in both languages.

use archlab::i18n::{Key, Lang};

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Every choice the inspector offers (and the read-only database role) has a label in both
/// languages, so no raw value like `least_connections` reaches the screen.
#[test]
fn every_inspector_choice_has_a_label() {
    use archlab::editor::{fields_for, Input};
    use archlab::i18n::{choice_key, unit_key};
    let mut seen = 0;
    for p in archlab::catalog::PRESETS {
        for c in &p.scenario().components {
            for f in fields_for(c) {
                if let Input::Choice(options) = f.input {
                    for o in options.iter().filter(|o| !matches!(**o, "true" | "false")) {
                        if f.key == "size" {
                            // Sizes are shown as the catalog's instance names, the same in both
                            // languages ("m5.xlarge · 4 vCPU"), never as the bare number.
                            let label =
                                archlab::ui::components::inspector::operate::option_label(&c.kind, f.key, o);
                            assert!(label.contains("m5.") && label.ends_with("vCPU"), "size {o}: {label}");
                            seen += 1;
                            continue;
                        }
                        assert!(choice_key(f.key, o).is_some(), "{}: {o} has no label", f.key);
                        seen += 1;
                    }
                }
                if f.key == "role" {
                    assert!(choice_key(f.key, &f.value).is_some(), "role {} has no label", f.value);
                }
                if let Some(u) = f.unit.filter(|u| *u != "vCPU") {
                    assert!(unit_key(u).is_some(), "unit {u} of {} has no key", f.key);
                }
            }
        }
    }
    assert!(seen > 10, "the presets should offer several choices, saw {seen}");
    assert_eq!(choice_key("algorithm", "least_connections"), Some(Key::AlgoLeastConnections));
    assert_eq!(choice_key("algorithm", "nonsense"), None);
}

/// Why a link or file did not open: the English words are exactly `ShareError`'s own (which the
/// runner prints), and every reason has Korean words with the same numbers in them.
#[test]
fn share_errors_in_both_languages() {
    use archlab::i18n::describe_share_error;
    use archlab::model::{Diagnostic, Problem};
    use archlab::share::ShareError::*;
    use archlab::share::{Base64Detail, ShapeDetail};
    let diag = |i: usize| Diagnostic {
        path: format!("components[{i}].name"),
        problem: Problem::NoSuchComponent("x".repeat(200)),
    };
    let all = vec![
        Empty,
        LinkTooLong { len: 70001, max: 65536 },
        FileTooLarge { len: 3_000_000, max: 2_000_000 },
        NoVersionMarker,
        UnknownLinkVersion { found: 9, supported: 1 },
        UnknownLinkVersion { found: 0, supported: 1 },
        NotBase64 { detail: Base64Detail::BadSymbol { byte: b'<', at: 3 } },
        Truncated,
        NotDeflate,
        ChecksumMismatch,
        DecodedTooLarge { max: 1_000_000 },
        NotUtf8 { valid_up_to: 17 },
        Utf16,
        Json { line: 3, column: 14, message: "expected value".into() },
        MissingVersion,
        VersionNotNumber,
        VersionOutOfRange,
        NewerVersion { found: 7, supported: 2 },
        UnknownVersion { found: 0, oldest: 1 },
        Migration { from: 1, message: "zones missing".into() },
        Shape { path: "regions[0]".into(), detail: ShapeDetail::MissingField("code".into()) },
        Invalid(vec![diag(0)]),
        Invalid((0..8).map(diag).collect()),
    ];
    for e in &all {
        assert_eq!(describe_share_error(Lang::En, e), e.to_string());
        let ko = describe_share_error(Lang::Ko, e);
        assert!(ko.chars().any(is_hangul), "{e:?} has no Korean: {ko}");
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        assert_eq!(digits(&ko), digits(&e.to_string()), "{e:?}: the Korean carries other numbers: {ko}");
    }
}
