//! The pure parts of the share menu and autosave: recent list, file names, shown names, the QR
//! code's reach, and what a damaged autosave may restore.

use archlab::i18n::Lang;
use archlab::share;
use archlab::ui::components::share::qr::{module_px, qr_data_url, qr_image};
use archlab::ui::platform::file_io::export_file_name;
use archlab::ui::platform::notice::clip;
use archlab::ui::platform::persist::{
    preset_url, sane_extras, shareable_search, with_recent, Extras, SavedView, RECENT_MAX,
};
use base64::Engine;

#[test]
fn recent_list_is_newest_first_without_duplicates_and_bounded() {
    let mut list = Vec::new();
    for i in 0..15 {
        list = with_recent(list, &format!("s{i}"), &format!("1.link{i}"), i as f64);
    }
    assert_eq!(list.len(), RECENT_MAX);
    assert_eq!(list[0].name, "s14");
    assert_eq!(list[RECENT_MAX - 1].name, "s5");
    // The same link again moves up instead of appearing twice, with the new name and time.
    let list = with_recent(list, "renamed", "1.link9", 99.0);
    assert_eq!(list.len(), RECENT_MAX);
    assert_eq!((list[0].name.as_str(), list[0].saved_at), ("renamed", 99.0));
    assert_eq!(list.iter().filter(|r| r.link == "1.link9").count(), 1);
}

#[test]
fn export_file_names_are_safe() {
    assert_eq!(export_file_name("Load balancer over two zones"), "load-balancer-over-two-zones.json");
    assert_eq!(export_file_name("Seoul + Tokyo: 20 parts!"), "seoul-tokyo-20-parts.json");
    assert_eq!(export_file_name("../../etc/passwd"), "etc-passwd.json");
    assert_eq!(export_file_name("<script>"), "script.json");
    assert_eq!(export_file_name("서울"), "archlab-scenario.json");
    assert_eq!(export_file_name(""), "archlab-scenario.json");
    assert!(export_file_name(&"x".repeat(500)).len() <= 40 + ".json".len());
}

#[test]
fn shown_names_are_never_empty_and_clipped() {
    assert_eq!(clip(Lang::En, "  "), "Untitled design");
    assert_eq!(clip(Lang::Ko, "  "), "제목 없는 설계");
    assert_eq!(clip(Lang::Ko, "Single server"), "Single server");
    let long = clip(Lang::En, &"가".repeat(64));
    assert_eq!(long.chars().count(), 49);
    assert!(long.ends_with('…'));
}

#[test]
fn qr_code_is_an_svg_data_url_and_reaches_a_twenty_component_link() {
    let text = std::fs::read_to_string("scenarios/examples/two-regions-20.json").unwrap();
    let scenario = share::from_json_file(&text).unwrap();
    let url = format!("https://archlab.example.org/some/path/{}", share::fragment(&scenario));
    let data = qr_data_url(Lang::En, &url).unwrap();
    let b64 = data.strip_prefix("data:image/svg+xml;base64,").unwrap();
    let svg = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b64).unwrap()).unwrap();
    assert!(svg.contains("<svg") && svg.contains("</svg>"));
    assert!(!svg.contains("<script"));
    // Version 40 at level L holds 2,953 bytes: one more gets a plain message, not a panic.
    assert!(qr_data_url(Lang::En, &"a".repeat(2953)).is_ok());
    let err = qr_data_url(Lang::En, &"a".repeat(2954)).unwrap_err();
    assert!(err.contains("too long for a QR code (2954 characters)"), "{err}");
    assert!(qr_data_url(Lang::Ko, &"a".repeat(2954)).unwrap_err().contains("2954자"));
}

#[test]
fn a_damaged_autosave_restores_no_broken_view_or_huge_selection() {
    let bad = |x: f64, zoom: f64| Extras {
        selection: vec!["app-1".into(); 5000],
        view: Some(SavedView { x, y: 0.0, zoom }),
    };
    for (x, zoom) in [(f64::NAN, 1.0), (f64::INFINITY, 1.0), (0.0, 0.0), (0.0, -1.0)] {
        let e = sane_extras(bad(x, zoom));
        assert_eq!(e.view, None, "x={x} zoom={zoom}");
        assert_eq!(e.selection.len(), 1000);
    }
    assert!(sane_extras(bad(3.0, 2.0)).view.is_some());
}

/// An unchanged preset is shared by its id: a QR code of 37 modules (version 3 and its quiet
/// zone) instead of about 90, each module drawn at 28 px in a 1,056 px square (docs/qr-reach.md).
#[test]
fn a_preset_link_is_short_and_its_code_has_few_large_modules() {
    assert_eq!(
        preset_url("https://lab.example.org/", "multi-az"),
        "https://lab.example.org/?preset=multi-az"
    );
    assert_eq!(preset_url("https://x.org/a/?lang=ko", "lb-spof"), "https://x.org/a/?lang=ko&preset=lb-spof");
    let short = qr_image(Lang::En, &preset_url("https://archlab.example.org/", "multi-az")).unwrap();
    assert_eq!(short.modules, 29 + 8, "version 3 with its quiet zone");
    let svg = base64::engine::general_purpose::STANDARD
        .decode(short.src.strip_prefix("data:image/svg+xml;base64,").unwrap())
        .unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains(r#"viewBox="0 0 37 37""#), "one SVG unit per module: {}", &svg[..200]);
    let preset = archlab::catalog::preset("multi-az").unwrap();
    let long = format!("https://archlab.example.org/{}", share::fragment(&preset));
    let full = qr_image(Lang::En, &long).unwrap();
    assert!(full.modules > 2 * short.modules, "{} modules for {} characters", full.modules, long.len());
    assert_eq!(module_px(short.modules, 1056.0), 28);
    assert_eq!(module_px(37, 36.0), 1, "never below one pixel");
    assert_eq!(module_px(0, 100.0), 1);
    assert_eq!(module_px(37, f64::NAN), 1);
}

#[test]
fn a_share_url_drops_the_parameters_that_outrank_its_fragment() {
    assert_eq!(shareable_search(""), "");
    assert_eq!(shareable_search("?preset=zone-outage"), "", "a link made on a preset page opens the link");
    assert_eq!(shareable_search("?bench=20"), "");
    assert_eq!(shareable_search("?bench"), "");
    assert_eq!(shareable_search("?lang=ko&preset=multi-az&x=1"), "?lang=ko&x=1");
    assert_eq!(shareable_search("?presets=1"), "?presets=1", "only the exact keys go");
}

/// The autosave and recent records hold the compact JSON now and link text from older builds:
/// both open, through the same checks, and the size caps hold before anything is parsed.
#[test]
fn autosaves_and_recent_entries_open_in_both_forms() {
    use archlab::ui::platform::notice::Why;
    use archlab::ui::platform::persist::{read_recent_list, read_saved, MAX_AUTOSAVE_LEN};
    let text = std::fs::read_to_string("scenarios/examples/lb-two-zones.json").unwrap();
    let scenario = share::from_json_file(&text).unwrap();
    let record = |kept: &str| {
        format!(
            r#"{{"link":{},"selection":["lb-1"],"view":{{"x":1,"y":2,"zoom":0.5}}}}"#,
            serde_json::Value::from(kept)
        )
    };
    let json = share::to_compact_json(&scenario);
    for kept in [json.as_str(), &share::encode(&scenario)] {
        let (s, extras) = read_saved(&record(kept)).unwrap();
        assert_eq!(s, scenario);
        assert_eq!(extras.selection, ["lb-1"]);
        assert_eq!(extras.view, Some(SavedView { x: 1.0, y: 2.0, zoom: 0.5 }));
        let list = format!(r#"[{{"name":"a","saved_at":1,"link":{}}}]"#, serde_json::Value::from(kept));
        let recent = read_recent_list(&list);
        assert_eq!(share::from_stored(&recent[0].link), Ok(scenario.clone()));
    }
    // Damaged kept JSON is refused as a link's inflated JSON would be, and says where.
    let broken = read_saved(&record(&json[..json.len() / 2])).unwrap_err();
    assert!(matches!(broken, Why::Share(share::ShareError::Json { line: 1, .. })), "{broken:?}");
    // Issue 20, finding 6: `[1,2,3]` is valid JSON, not "not valid JSON"; an oversized record
    // is not called a link.
    assert_eq!(read_saved("[1,2,3]"), Err(Why::NotAutosaveRecord));
    assert_eq!(read_saved("[1]"), Err(Why::NotAutosaveRecord));
    assert!(matches!(read_saved("{\"link\":"), Err(Why::NotAutosave { .. })));
    let huge = record(&" ".repeat(MAX_AUTOSAVE_LEN));
    assert!(matches!(read_saved(&huge), Err(Why::AutosaveTooLarge { max: MAX_AUTOSAVE_LEN, .. })));
    use archlab::i18n::Lang;
    use archlab::ui::platform::notice::{Notice, Says, Source};
    let say =
        |why| Notice::new(Says::Rejected { what: Source::Autosave { kept: true }, why }).words(Lang::En);
    let shape = say(Why::NotAutosaveRecord);
    assert!(
        shape.contains("valid JSON, but not an autosave record") && !shape.contains("not valid JSON"),
        "{shape}"
    );
    let big = say(Why::AutosaveTooLarge { len: 3_000_000, max: MAX_AUTOSAVE_LEN });
    assert!(!big.to_lowercase().contains("link") && big.contains("3000000"), "{big}");
    assert_eq!(read_recent_list(&format!("[{}]", " ".repeat(MAX_AUTOSAVE_LEN * RECENT_MAX))), vec![]);
}
