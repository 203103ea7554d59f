//! A pinned curve in a share link (`#s=…&c=…`): it round-trips, hostile or oversized curve
//! parts are refused with an error that says what, and a link without one is as before.

use archlab::catalog::preset;
use archlab::share::{fragment_value, FRAGMENT_KEY};
use archlab::sweep::default_rates;
use archlab::sweep::message::{answer, CurvePoint, SweepJob, WorkerAnswer};
use archlab::sweep::pinned::{decode, encode, CurveLinkError, PinnedCurve, CURVE_KEY, MAX_POINTS};
use miniz_oxide::deflate::compress_to_vec_zlib;
use serde_json::{json, Value};

/// A short sweep of the two-zone preset, as the page would pin it.
fn pinned() -> PinnedCurve {
    let design = preset("multi-az").unwrap();
    let rates = default_rates(&design);
    let points = SweepJob::for_sweep(&design, &rates, 1.0, 3.0, 1)
        .iter()
        .step_by(3)
        .map(|job| match WorkerAnswer::from_json(&answer(&job.to_json())).unwrap() {
            WorkerAnswer::Point(p) => p,
            other => panic!("{other:?}"),
        })
        .collect();
    PinnedCurve { title: design.name.clone(), design, points }
}

/// What a link keeps of a point: its numbers and the limit's kind and component.
fn as_linked(p: &CurvePoint, i: usize) -> CurvePoint {
    let mut q = p.clone();
    q.point = i;
    q.seed = 0;
    q.events = 0;
    let (kind, component, id) = (p.bottleneck.kind, p.bottleneck.component, p.bottleneck.id.clone());
    q.bottleneck = archlab::analysis::Diagnosis::none();
    (q.bottleneck.kind, q.bottleneck.component, q.bottleneck.id) = (kind, component, id);
    q
}

/// Packs any JSON as a curve part.
fn pack(v: &Value) -> String {
    archlab::share::link_from_zlib(&compress_to_vec_zlib(v.to_string().as_bytes(), 6))
}

fn json_of(c: &PinnedCurve) -> Value {
    serde_json::from_str(&c.to_json()).unwrap()
}

#[test]
fn a_pinned_curve_round_trips_through_its_link() {
    let c = pinned();
    assert!(c.points.iter().any(|p| p.bottleneck.is_limited()), "the sweep reaches a limit");
    let back = decode(&encode(&c)).unwrap();
    assert_eq!(back.title, c.title);
    assert_eq!(back.design, c.design);
    let expected: Vec<CurvePoint> = c.points.iter().enumerate().map(|(i, p)| as_linked(p, i)).collect();
    assert_eq!(back.points, expected);
    // Twice is the same text: nothing is lost or added on the way.
    assert_eq!(encode(&back), encode(&decode(&encode(&back)).unwrap()));
}

#[test]
fn the_curve_travels_beside_the_design_and_older_links_have_none() {
    let frag = format!("#{FRAGMENT_KEY}=1.abc&{CURVE_KEY}=1.def");
    assert_eq!(fragment_value(&frag, FRAGMENT_KEY), Some("1.abc"));
    assert_eq!(fragment_value(&frag, CURVE_KEY), Some("1.def"));
    assert_eq!(fragment_value("#s=1.abc", CURVE_KEY), None, "an older link has no curve part");
}

#[test]
fn hostile_curve_parts_are_refused_with_what_is_wrong() {
    let good = json_of(&pinned());
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        decode(&pack(&v)).unwrap_err()
    };
    assert!(matches!(decode("1.!!!"), Err(CurveLinkError::Envelope(_))));
    assert!(matches!(decode("2.abc"), Err(CurveLinkError::Envelope(_))));
    assert!(matches!(with(&|v| v["extra"] = json!(1)), CurveLinkError::Shape(m) if m.contains("extra")));
    assert!(matches!(with(&|v| v["v"] = json!(9)), CurveLinkError::Shape(m) if m.contains("format 9")));
    assert_eq!(
        with(&|v| v["points"][0]["p95_ms"] = json!(1e300)),
        CurveLinkError::BadNumber { point: 1, field: "p95_ms" }
    );
    assert_eq!(
        with(&|v| v["points"][1]["offered_rps"] = json!(-1)),
        CurveLinkError::BadNumber { point: 2, field: "offered_rps" }
    );
    assert_eq!(
        with(&|v| v["points"][0]["error_rate"] = json!(2)),
        CurveLinkError::BadNumber { point: 1, field: "error_rate" }
    );
    assert_eq!(with(&|v| v["points"][0]["limit"] = json!("gremlins")), CurveLinkError::BadLimit { point: 1 });
    assert_eq!(
        with(&|v| v["points"][2]["component"] = json!("nobody")),
        CurveLinkError::BadLimit { point: 3 }
    );
    assert_eq!(with(&|v| v["title"] = json!("before\u{202e}after")), CurveLinkError::BadTitle);
    assert_eq!(with(&|v| v["title"] = json!("x".repeat(65))), CurveLinkError::BadTitle);
    let many = |v: &mut Value| {
        let p = v["points"][0].clone();
        v["points"] = Value::Array(vec![p; MAX_POINTS + 1]);
    };
    assert_eq!(with(&many), CurveLinkError::TooManyPoints { count: MAX_POINTS + 1, max: MAX_POINTS });
    assert!(matches!(with(&|v| v["design"] = json!("{\"v\":1}")), CurveLinkError::Design(_)));
    // A decompression bomb stops at the size cap.
    let bomb = archlab::share::link_from_zlib(&compress_to_vec_zlib(&vec![b' '; 2 << 20], 10));
    assert!(matches!(
        decode(&bomb),
        Err(CurveLinkError::Envelope(archlab::share::ShareError::DecodedTooLarge { .. }))
    ));
}
