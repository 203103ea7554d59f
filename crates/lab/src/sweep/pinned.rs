//! A pinned curve in a share link: an instructor sends "before and after" as one address,
//! `#s=<the design now>&c=<the pinned curve>`. The `c` part is packed like a design's link
//! (`1.` + base64url of zlib of JSON, `share::unwrap_packed`), and holds the format of
//! `share::format::curve`: the pinned design (its compact JSON) and its points.
//!
//! It is read like everything a stranger sends: the envelope's checks, then the shape
//! (unknown fields refused), then every number (finite, in range), the title (plain text),
//! the design (every check of a link), the points' count, and each limit's component (one of
//! the design's). Any failure refuses the curve alone, with a [`CurveLinkError`] the page
//! words; the design in `s` opens regardless. Older links have no `c` and open unchanged.

use crate::analysis::{Diagnosis, LimitKind};
use crate::model::{is_format_char, Scenario, LIMITS};
use crate::share::format::curve::{self as format, CURVE_FORMAT};
use crate::share::{stored_form, to_compact_json, ShareError, Stored};

use super::message::{CurveLatency, CurvePoint};

/// The fragment parameter of a pinned curve: `#s=…&c=…`.
pub const CURVE_KEY: &str = "c";
/// Most points a pinned curve may have (the sweep form's own limit).
pub const MAX_POINTS: usize = 40;
/// Longest title, in characters (a scenario's name is at most 64).
pub const MAX_TITLE: usize = 64;

/// A curve kept to compare with: the design it came from and its points.
#[derive(Clone, Debug, PartialEq)]
pub struct PinnedCurve {
    pub title: String,
    pub design: Scenario,
    pub points: Vec<CurvePoint>,
}

/// Why the curve part of a link was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum CurveLinkError {
    /// The packing: base64url, zlib, size, checksum, UTF-8.
    Envelope(ShareError),
    /// Not the shape of a pinned curve (the message names the field), or another version.
    Shape(String),
    TooManyPoints {
        count: usize,
        max: usize,
    },
    /// Point `point` (from 1) has a number out of range: its field.
    BadNumber {
        point: usize,
        field: &'static str,
    },
    /// Point `point` names a limit kind or a component the design does not have.
    BadLimit {
        point: usize,
    },
    /// The title is longer than [`MAX_TITLE`] or holds control or format characters.
    BadTitle,
    /// The pinned design itself fails a link's checks.
    Design(ShareError),
}

impl PinnedCurve {
    /// The curve part's JSON (before packing).
    pub fn to_json(&self) -> String {
        let points = self.points.iter().map(|p| format::CurvePoint {
            offered_rps: p.offered_rps,
            throughput_rps: p.throughput_rps,
            goodput_rps: p.goodput_rps,
            mean_ms: p.latency_ms.mean,
            p50_ms: p.latency_ms.p50,
            p95_ms: p.latency_ms.p95,
            p99_ms: p.latency_ms.p99,
            error_rate: p.error_rate,
            limit: p.bottleneck.kind.key().to_string(),
            component: p.bottleneck.id.clone(),
        });
        let f = format::PinnedCurve {
            v: CURVE_FORMAT,
            title: self.title.clone(),
            design: to_compact_json(&self.design),
            points: points.collect(),
        };
        serde_json::to_string(&f).unwrap_or_default()
    }

    /// Reads the curve part's JSON (inflated and checked by the envelope), checking all of it.
    pub fn from_json(bytes: &[u8]) -> Result<PinnedCurve, CurveLinkError> {
        let f: format::PinnedCurve =
            serde_json::from_slice(bytes).map_err(|e| CurveLinkError::Shape(e.to_string()))?;
        if f.v != CURVE_FORMAT {
            return Err(CurveLinkError::Shape(format!(
                "curve format {} (this build reads {CURVE_FORMAT})",
                f.v
            )));
        }
        if f.title.chars().count() > MAX_TITLE || f.title.chars().any(|c| c.is_control() || is_format_char(c))
        {
            return Err(CurveLinkError::BadTitle);
        }
        if f.points.len() > MAX_POINTS {
            return Err(CurveLinkError::TooManyPoints { count: f.points.len(), max: MAX_POINTS });
        }
        let design = match stored_form(&f.design) {
            Stored::Json(r) => r.map_err(CurveLinkError::Design)?,
            Stored::Link(_) => return Err(CurveLinkError::Design(ShareError::Empty)),
        };
        let points =
            f.points.iter().enumerate().map(|(i, p)| point(&design, i, p)).collect::<Result<_, _>>()?;
        Ok(PinnedCurve { title: f.title, design, points })
    }
}

fn point(design: &Scenario, i: usize, p: &format::CurvePoint) -> Result<CurvePoint, CurveLinkError> {
    let bad = |field| CurveLinkError::BadNumber { point: i + 1, field };
    let rate = |v: f64, field| {
        if v.is_finite() && (0.0..=LIMITS.rate_rps * 10.0).contains(&v) {
            Ok(v)
        } else {
            Err(bad(field))
        }
    };
    // An hour, in ms: no request of a sweep point waits longer than its window.
    let ms =
        |v: f64, field| if v.is_finite() && (0.0..=3.6e6).contains(&v) { Ok(v) } else { Err(bad(field)) };
    let offered_rps = rate(p.offered_rps, "offered_rps")?;
    if offered_rps <= 0.0 {
        return Err(bad("offered_rps"));
    }
    if !(p.error_rate.is_finite() && (0.0..=1.0).contains(&p.error_rate)) {
        return Err(bad("error_rate"));
    }
    let kind = LIMIT_KINDS
        .iter()
        .copied()
        .find(|k| k.key() == p.limit)
        .ok_or(CurveLinkError::BadLimit { point: i + 1 })?;
    let component = match &p.component {
        Some(id) => Some(
            design
                .components
                .iter()
                .position(|c| &c.id == id)
                .ok_or(CurveLinkError::BadLimit { point: i + 1 })?,
        ),
        None => None,
    };
    let mut bottleneck = Diagnosis::none();
    bottleneck.kind = kind;
    bottleneck.component = component;
    bottleneck.id = component.map(|c| design.components[c].id.clone());
    Ok(CurvePoint {
        point: i,
        offered_rps,
        seed: 0,
        throughput_rps: rate(p.throughput_rps, "throughput_rps")?,
        goodput_rps: rate(p.goodput_rps, "goodput_rps")?,
        latency_ms: CurveLatency {
            mean: ms(p.mean_ms, "mean_ms")?,
            p50: ms(p.p50_ms, "p50_ms")?,
            p95: ms(p.p95_ms, "p95_ms")?,
            p99: ms(p.p99_ms, "p99_ms")?,
        },
        error_rate: p.error_rate,
        events: 0,
        bottleneck,
        compute_ms: None,
    })
}

/// Every limit kind, to read one back by its key.
const LIMIT_KINDS: [LimitKind; 8] = [
    LimitKind::Cpu,
    LimitKind::Workers,
    LimitKind::DbCpu,
    LimitKind::DbConnections,
    LimitKind::Network,
    LimitKind::Retries,
    LimitKind::Outage,
    LimitKind::None,
];

/// The curve part packed for a link, natively (the browser packs with its own compressor).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(curve: &PinnedCurve) -> String {
    crate::share::link_from_zlib(&miniz_oxide::deflate::compress_to_vec_zlib(curve.to_json().as_bytes(), 10))
}

/// Reads the curve part of a link, natively: the whole path the page takes, with the
/// browser's inflater replaced by miniz_oxide's.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(link: &str) -> Result<PinnedCurve, CurveLinkError> {
    let packed = crate::share::unwrap_packed(link).map_err(CurveLinkError::Envelope)?;
    let bytes = crate::share::inflate_native(&packed).map_err(CurveLinkError::Envelope)?;
    let bytes = crate::share::checked(&packed, bytes).map_err(CurveLinkError::Envelope)?;
    PinnedCurve::from_json(&bytes)
}
