//! Hand-made hostile links and files: each is refused with its own, specific error.

use archlab::model::{Diagnostic, Kind, LinkRule, Problem};
use archlab::share::{decode, encode, from_json_file, ShapeDetail, ShareError, MAX_JSON_LEN, MAX_LINK_LEN};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

const SINGLE_SERVER: &str = include_str!("../../scenarios/examples/single-server.json");

/// A link made the way `encode` makes one, around arbitrary bytes.
fn link_of_bytes(bytes: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(bytes, 10);
    format!("1.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The single-server example with a change applied, as a link (long keys pass through).
fn link_with(change: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(SINGLE_SERVER).unwrap();
    change(&mut v);
    link_of_bytes(v.to_string().as_bytes())
}

fn valid_link() -> String {
    encode(&from_json_file(SINGLE_SERVER).unwrap())
}

fn packed(link: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(&link[2..]).unwrap()
}

fn kind(r: Result<impl std::fmt::Debug, ShareError>) -> &'static str {
    r.expect_err("a hostile input was accepted").kind()
}

fn diagnostics(r: Result<impl std::fmt::Debug, ShareError>) -> Vec<Diagnostic> {
    match r {
        Err(ShareError::Invalid(d)) => d,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn empty() {
    for input in ["", "   ", "#s=", "https://lab.example/#s="] {
        assert_eq!(decode(input), Err(ShareError::Empty), "{input:?}");
    }
    assert_eq!(from_json_file(""), Err(ShareError::Empty));
    assert_eq!(from_json_file("\u{feff}\n"), Err(ShareError::Empty));
}

#[test]
fn too_long() {
    let huge = format!("1.{}", "A".repeat(MAX_LINK_LEN));
    assert_eq!(decode(&huge), Err(ShareError::LinkTooLong { len: MAX_LINK_LEN + 2, max: MAX_LINK_LEN }));
    let url = format!("https://lab.example/#s={}", &huge[..MAX_LINK_LEN]);
    assert_ne!(kind(decode(&url)), "link_too_long", "a link at the limit inside a URL is read");
    let huge_url = format!("https://lab.example/#s={huge}");
    assert_eq!(kind(decode(&huge_url)), "link_too_long");
    let file = " ".repeat(MAX_JSON_LEN + 1);
    assert_eq!(kind(from_json_file(&file)), "file_too_large");
}

#[test]
fn no_or_wrong_version_marker() {
    for input in ["hello", "abc.def", ".eNq", "1x.eNq", "-1.eNq", "12345678901.eNq"] {
        assert_eq!(decode(input), Err(ShareError::NoVersionMarker), "{input:?}");
    }
    let body = &valid_link()[1..];
    let newer = decode(&format!("2{body}"));
    assert_eq!(newer, Err(ShareError::UnknownLinkVersion { found: 2, supported: 1 }));
    assert!(newer.unwrap_err().to_string().contains("newer Archlab"));
    assert_eq!(decode(&format!("0{body}")), Err(ShareError::UnknownLinkVersion { found: 0, supported: 1 }));
}

#[test]
fn not_base64url() {
    let e = decode("1.eNq+abc").unwrap_err();
    assert_eq!(e.kind(), "not_base64");
    assert!(e.to_string().contains("'+' at position 5"), "{e}");
    assert_eq!(kind(decode("1.eNqa=")), "not_base64", "padding is never written");
    assert_eq!(kind(decode("1.eNq/")), "not_base64", "standard base64's '/' is not base64url");
    assert_eq!(kind(decode("1.e")), "not_base64", "one symbol cannot hold a byte");
}

#[test]
fn truncated_at_every_byte() {
    let bytes = packed(&valid_link());
    for cut in 0..bytes.len() {
        let link = format!("1.{}", URL_SAFE_NO_PAD.encode(&bytes[..cut]));
        assert_eq!(decode(&link), Err(ShareError::Truncated), "cut at byte {cut}");
    }
    let e = decode(&format!("1.{}", URL_SAFE_NO_PAD.encode(&bytes[..bytes.len() / 2]))).unwrap_err();
    assert_eq!(e.to_string(), "This link is damaged: it ends too early (the data is truncated).");
}

#[test]
fn changed_characters_fail_the_checksum() {
    let mut bytes = packed(&valid_link());
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01; // a bit of the Adler-32 trailer
    assert_eq!(decode(&format!("1.{}", URL_SAFE_NO_PAD.encode(&bytes))), Err(ShareError::ChecksumMismatch));
}

#[test]
fn not_a_zlib_stream() {
    let link = format!("1.{}", URL_SAFE_NO_PAD.encode(b"hello, world"));
    assert_eq!(decode(&link), Err(ShareError::NotDeflate));
    // A raw deflate stream (no zlib header) is not format 1 either.
    let raw = miniz_oxide::deflate::compress_to_vec(SINGLE_SERVER.as_bytes(), 10);
    assert_eq!(decode(&format!("1.{}", URL_SAFE_NO_PAD.encode(raw))), Err(ShareError::NotDeflate));
}

#[test]
fn decompression_bomb_stops_at_the_limit() {
    let bomb = link_of_bytes(&vec![b' '; 8 * MAX_JSON_LEN]);
    assert!(bomb.len() < 16 * 1024, "the bomb is a few KB ({} bytes)", bomb.len());
    assert_eq!(decode(&bomb), Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN }));
    // Exactly at the limit is still read (and then fails as JSON, not as a bomb).
    let at_limit = link_of_bytes(&vec![b' '; MAX_JSON_LEN]);
    assert_eq!(kind(decode(&at_limit)), "json");
}

#[test]
fn not_utf8() {
    assert_eq!(
        decode(&link_of_bytes(b"{\"name\":\"\xff\xfe\"}")),
        Err(ShareError::NotUtf8 { valid_up_to: 9 })
    );
}

#[test]
fn bad_json_names_line_and_column() {
    match decode(&link_of_bytes(b"{\"version\":1,\n  \"name\": }")) {
        Err(ShareError::Json { line: 2, column: 11, message }) => assert!(message.contains("expected value")),
        other => panic!("{other:?}"),
    }
    assert_eq!(kind(decode(&link_of_bytes(b"{\"version\":1} trailing"))), "json");
    assert_eq!(kind(from_json_file("{\"version\": 1,")), "json");
}

#[test]
fn a_hundred_thousand_components() {
    let one = json!({"id": "app-1", "place": {"region": "ap-northeast-2", "zone": "a"}, "x": 0, "y": 0,
                     "kind": {"type": "app_server"}});
    let link = link_with(|v| v["components"] = Value::Array(vec![one.clone(); 100_000]));
    assert!(link.len() <= MAX_LINK_LEN, "the link itself is small: {} bytes", link.len());
    assert_eq!(decode(&link), Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN }));
    // As a file it is refused by size before it is parsed.
    let mut v: Value = serde_json::from_str(SINGLE_SERVER).unwrap();
    v["components"] = Value::Array(vec![one; 100_000]);
    assert_eq!(kind(from_json_file(&v.to_string())), "file_too_large");
}

#[test]
fn too_many_components_and_links_within_the_size_limit() {
    let mut s = from_json_file(SINGLE_SERVER).unwrap();
    let template = s.components[1].clone();
    for i in 0..200 {
        let mut c = template.clone();
        c.id = format!("extra-{i}");
        s.components.push(c);
    }
    let d = diagnostics(decode(&encode(&s)));
    let problem = Problem::TooManyComponents { max: 200, got: 203 };
    assert_eq!(d, vec![Diagnostic { path: "components".into(), problem }]);
    assert_eq!(d[0].to_string(), "components: at most 200 components (got 203)");

    let mut s = from_json_file(SINGLE_SERVER).unwrap();
    s.links = (0..1001).map(|_| s.links[0].clone()).collect();
    let d = diagnostics(decode(&encode(&s)));
    assert_eq!(d[0].problem.to_string(), "at most 1000 links (got 1001)");
}

#[test]
fn infinite_nan_and_negative_numbers() {
    // JSON has no NaN or infinity: 1e999 overflows f64 and is refused by the parser.
    match decode(&link_with(|v| v["components"][1]["x"] = json!(0))).map(|_| ()) {
        Ok(()) => {}
        other => panic!("the control case must load: {other:?}"),
    }
    let text = serde_json::from_str::<Value>(SINGLE_SERVER)
        .unwrap()
        .to_string()
        .replace("\"x\":320.0", "\"x\":1e999");
    match decode(&link_of_bytes(text.as_bytes())) {
        Err(ShareError::Json { message, .. }) => {
            assert!(message.contains("number out of range"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(kind(decode(&link_of_bytes(text.replace("1e999", "NaN").as_bytes()))), "json");
    // -1 where a count (u32) is expected does not fit the shape, and says where.
    match decode(&link_with(|v| v["components"][1]["kind"]["count"] = json!(-1))) {
        Err(ShareError::Shape { path, detail }) => {
            assert_eq!(path, "components[1](app-1).kind.count");
            let (found, expected) = ("integer `-1`".to_string(), "u32".to_string());
            assert_eq!(detail, ShapeDetail::InvalidValue { found, expected });
        }
        other => panic!("{other:?}"),
    }
    // Negative and zero floats parse but break the model's ranges: named by component and field.
    let d = diagnostics(decode(&link_with(|v| {
        v["components"][1]["kind"]["cpu_ms"] = json!(-1.0);
        v["components"][2]["kind"]["query_ms"] = json!(0);
        v["traffic"]["rate_rps"] = json!(-5);
    })));
    let paths: Vec<&str> = d.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["app-1.cpu_ms", "db-1.query_ms", "traffic.rate_rps"]);
    assert_eq!(d[0].to_string(), "app-1.cpu_ms: must be > 0");
}

#[test]
fn script_tags_stay_plain_text_in_names_and_are_refused_in_ids() {
    let name = "<script>alert('x')</script><img src=x onerror=alert(1)>&amp;";
    let s = decode(&link_with(|v| v["name"] = json!(name))).unwrap();
    assert_eq!(s.name, name, "the name is kept byte for byte: the UI renders it as text");
    let d = diagnostics(decode(&link_with(|v| {
        v["components"][0]["id"] = json!("<script>");
        v["links"][0]["from"] = json!("<script>");
    })));
    assert_eq!(d[0].path, "components.<script>");
    assert_eq!(d[0].problem, Problem::BadId);
    assert_eq!(d[0].problem.to_string(), "an id is 1-32 letters, digits, '-' or '_'");
    let d = diagnostics(decode(&link_with(|v| v["name"] = json!("line\nbreak"))));
    assert_eq!(d[0].to_string(), "name: contains control characters");
}

#[test]
fn load_balancer_weights_name_each_app_server_once() {
    let mut s = from_json_file(include_str!("../../scenarios/examples/lb-two-zones.json")).unwrap();
    let Kind::LoadBalancer(lb) = &mut s.component_mut("lb-1").unwrap().kind else { unreachable!() };
    let w = |t: &str| archlab::model::TargetWeight { target: t.into(), weight: 2 };
    lb.weights = vec![w("app-1"), w("app-1"), w("db-1"), w("nowhere")];
    let d = diagnostics(decode(&encode(&s)));
    let found: Vec<String> = d.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "lb-1.weights.app-1: appears twice",
            "lb-1.weights.db-1: is not an app server",
            "lb-1.weights.nowhere: is not an app server",
        ]
    );
}

#[test]
fn links_that_would_form_a_cycle_are_refused() {
    let mut s = from_json_file(include_str!("../../scenarios/examples/lb-two-zones.json")).unwrap();
    assert!(matches!(s.component("lb-1").unwrap().kind, Kind::LoadBalancer(_)));
    s.links.push(archlab::model::Link { from: "app-1".into(), to: "lb-1".into(), rtt_ms: None });
    let d = diagnostics(decode(&encode(&s)));
    assert_eq!(
        d,
        vec![Diagnostic {
            path: "links.app-1->lb-1".into(),
            problem: Problem::LinkKinds(LinkRule::AppOnlyToDatabases),
        }]
    );
    assert_eq!(d[0].to_string(), "links.app-1->lb-1: an app server sends requests only to databases");
}

#[test]
fn unknown_fields_are_refused_with_their_place() {
    match decode(&link_with(|v| v["evil"] = json!(true))) {
        Err(ShareError::Shape { detail, .. }) => {
            assert!(detail.to_string().starts_with("unknown field `evil`, expected one of `"), "{detail}");
            assert!(
                matches!(&detail, ShapeDetail::UnknownField { field, .. } if field == "evil"),
                "{detail:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    match decode(&link_with(|v| v["components"][1]["kind"]["gpus"] = json!(8))) {
        Err(ShareError::Shape { path, detail }) => {
            assert_eq!(path, "components[1](app-1).kind.gpus");
            assert!(detail.to_string().contains("unknown field `gpus`"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        kind(decode(&link_with(|v| v["components"][1]["kind"]["type"] = json!("mainframe")))),
        "shape"
    );
    // A hostile key a megabyte long is not echoed back whole.
    let e = decode(&link_with(|v| v["x".repeat(500_000)] = json!(1))).unwrap_err();
    assert_eq!(e.kind(), "shape");
    assert!(e.to_string().len() < 400, "{} characters", e.to_string().len());
    // A short code next to the key it stands for is refused, not silently merged.
    assert_eq!(kind(decode(&link_with(|v| v["A"] = json!([])))), "shape");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    match decode(&link_of_bytes(deep.as_bytes())) {
        Err(ShareError::Json { message, .. }) => assert!(message.contains("recursion limit"), "{message}"),
        other => panic!("{other:?}"),
    }
    let deep_obj = format!("{{\"version\":1,\"name\":{}1{}}}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert_eq!(kind(from_json_file(&deep_obj)), "json");
}

#[test]
fn versions_inside_the_json() {
    let newer = decode(&link_with(|v| v["version"] = json!(2)));
    assert_eq!(newer, Err(ShareError::NewerVersion { found: 2, supported: 1 }));
    assert_eq!(
        decode(&link_with(|v| v["version"] = json!(0))),
        Err(ShareError::UnknownVersion { found: 0, oldest: 1 })
    );
    // Issue 20, finding 6: a version of the wrong type or out of range says so, not "no version".
    assert_eq!(decode(&link_with(|v| v["version"] = json!("1"))), Err(ShareError::VersionNotNumber));
    assert_eq!(decode(&link_with(|v| v["version"] = json!(true))), Err(ShareError::VersionNotNumber));
    assert_eq!(decode(&link_with(|v| v["version"] = json!(1.5))), Err(ShareError::VersionOutOfRange));
    assert_eq!(decode(&link_with(|v| v["version"] = json!(-1))), Err(ShareError::VersionOutOfRange));
    let two_to_the_64 = SINGLE_SERVER.replacen("\"version\": 1", "\"version\": 18446744073709551616", 1);
    assert_ne!(two_to_the_64, SINGLE_SERVER);
    assert_eq!(from_json_file(&two_to_the_64), Err(ShareError::VersionOutOfRange));
    assert!(ShareError::VersionOutOfRange.to_string().contains("out of range"));
    assert!(ShareError::VersionNotNumber.to_string().contains("not a number"));
    let mut no_version: Value = serde_json::from_str(SINGLE_SERVER).unwrap();
    no_version.as_object_mut().unwrap().remove("version");
    assert_eq!(from_json_file(&no_version.to_string()), Err(ShareError::MissingVersion));
    assert_eq!(decode(&link_of_bytes(b"[1,2,3]")).unwrap_err().kind(), "shape");
}

#[test]
fn every_message_is_one_plain_sentence() {
    let errors = [
        decode(""),
        decode("hello"),
        decode("3.eNq"),
        decode("1.eNq+"),
        decode(&link_of_bytes(b"{")),
        decode(&link_with(|v| v["components"][1]["kind"]["cpu_ms"] = json!(-1.0))),
    ];
    for e in errors {
        let msg = e.unwrap_err().to_string();
        assert!(msg.ends_with('.') && !msg.contains('\n') && msg.len() < 400, "{msg}");
    }
}

/// Inside a component's `kind` (read by serde through a buffer that forgets where it was) the
/// error still names the nested field, and a field outside any kind is named directly.
#[test]
fn shape_errors_name_nested_fields() {
    let base: Value =
        serde_json::from_str(include_str!("../../scenarios/examples/lb-two-zones.json")).unwrap();
    let lb = base["components"].as_array().unwrap().iter().position(|c| c["id"] == "lb-1").unwrap();
    let shape = |change: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        change(&mut v);
        match from_json_file(&v.to_string()) {
            Err(ShareError::Shape { path, detail }) => (path, detail.to_string()),
            other => panic!("{other:?}"),
        }
    };
    let (path, message) =
        shape(&|v| v["components"][lb]["kind"]["health_check"]["healthy_threshold"] = json!(-3));
    assert_eq!(path, format!("components[{lb}](lb-1).kind.health_check.healthy_threshold"));
    assert!(message.contains("-3"), "{message}");
    let (path, message) = shape(&|v| v["components"][lb]["kind"]["health_check"]["jitter"] = json!(1));
    assert_eq!(path, format!("components[{lb}](lb-1).kind.health_check.jitter"));
    assert!(message.contains("unknown field `jitter`"), "{message}");
    let (path, _) = shape(&|v| v["components"][lb]["place"]["zone"] = json!(7));
    assert_eq!(path, format!("components[{lb}](lb-1).place.zone"));
    let (path, _) = shape(&|v| v["links"][2]["from"] = json!(null));
    assert_eq!(path, "links[2].from");
}

/// Issue 20, finding 2: `invoice\u{202E}gnp.exe` showed as "invoiceexe.png", and 64 × U+202E
/// as nothing. Every format character (Cf) and the bidi separators are refused in names and
/// ids, each with its own problem; text around them in other scripts is still fine.
#[test]
fn bidi_overrides_and_invisible_characters_are_refused_in_names() {
    let refused = [
        "invoice\u{202E}gnp.exe",
        &"\u{202E}".repeat(64),
        "a\u{202A}b",
        "a\u{202B}b",
        "a\u{202C}b",
        "a\u{202D}b",
        "a\u{2066}b\u{2069}",
        "a\u{2067}b",
        "a\u{2068}b",
        "a\u{200E}b",
        "a\u{200F}b",
        "zero\u{200B}width",
        "a\u{200C}b",
        "a\u{200D}b",
        "word\u{2060}joiner",
        "\u{FEFF}bom",
        "soft\u{AD}hyphen",
        "arabic\u{61C}mark",
        "tag\u{E0041}",
        "line\u{2028}sep",
    ];
    for name in refused {
        let d = diagnostics(decode(&link_with(|v| v["name"] = json!(name))));
        assert!(
            d.iter().any(|d| d.path == "name" && d.problem == Problem::FormatChars),
            "{name:?} was not refused for its format characters: {d:?}"
        );
    }
    for name in ["서울 → 도쿄", "Café (v2)", "שלום", "مرحبا", "a-b_c", "🙂"] {
        assert!(decode(&link_with(|v| v["name"] = json!(name))).is_ok(), "{name:?} was refused");
    }
    let problem = Problem::FormatChars.to_string();
    assert!(problem.contains("formatting characters"), "{problem}");
}

/// Issue 20, finding 3: one rule about a file's bytes, in the browser and the runner alike.
#[test]
fn file_bytes_are_strict_utf8_with_one_byte_order_mark_rule() {
    use archlab::share::{file_text, from_file_bytes};
    let ok = from_json_file(SINGLE_SERVER).unwrap();
    assert_eq!(from_file_bytes(SINGLE_SERVER.as_bytes()), Ok(ok.clone()));
    let bom = [b"\xEF\xBB\xBF".as_slice(), SINGLE_SERVER.as_bytes()].concat();
    assert_eq!(from_file_bytes(&bom), Ok(ok), "a UTF-8 byte-order mark is skipped");
    let latin1 = SINGLE_SERVER.replacen("Single server", "Caf\u{E9}", 1);
    assert_ne!(latin1, SINGLE_SERVER);
    let latin1: Vec<u8> = latin1.chars().map(|c| c as u8).collect();
    let at = latin1.iter().position(|&b| b == 0xE9).unwrap();
    assert_eq!(file_text(&latin1), Err(ShareError::NotUtf8 { valid_up_to: at }));
    let utf16le: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(SINGLE_SERVER.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf16be: Vec<u8> =
        [0xFE, 0xFF].into_iter().chain(SINGLE_SERVER.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    assert_eq!(from_file_bytes(&utf16le), Err(ShareError::Utf16));
    assert_eq!(from_file_bytes(&utf16be), Err(ShareError::Utf16));
    assert!(ShareError::Utf16.to_string().contains("not UTF-8"));
    assert!(ShareError::NotUtf8 { valid_up_to: 3 }.to_string().contains("not UTF-8"));
    let big = vec![b' '; MAX_JSON_LEN + 1];
    assert_eq!(file_text(&big), Err(ShareError::FileTooLarge { len: MAX_JSON_LEN + 1, max: MAX_JSON_LEN }));
}

/// Issue 20, finding 6: a file written with the link's short keys said "no version"; it is
/// read through the same frozen key table a link is.
#[test]
fn a_file_with_the_short_link_keys_is_read() {
    let ok = from_json_file(SINGLE_SERVER).unwrap();
    let short = archlab::share::to_compact_json(&ok);
    assert!(short.contains("\"M\":1"), "the compact JSON uses short keys: {short}");
    assert_eq!(from_json_file(&short), Ok(ok));
}
