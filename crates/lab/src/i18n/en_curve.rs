//! English: the texts of the Curve tab (issue 21): a capacity sweep of the design, its curves,
//! and a pinned curve to compare with.
//!
//! `i18n::texts` gathers this block with the others into one table; a key written in no block
//! stays "", which `tests/i18n.rs` reports.

use super::Key;

/// This language's texts in this file, as (key, text) pairs gathered into one table by
/// `i18n::texts`.
pub const TEXTS: &[(Key, &str)] = {
    use Key::*;
    &[
    (TabCurve, "Curve"),
    (CurveHelp, "Runs this design at a series of offered loads, a simulated minute each after a 10 s warm-up, in the background: the live run keeps going."),
    (CurveCapacity, "Capacity estimated from the design: {0} req/s"),
    (CurveNoCapacity, "No client reaches an app server, so the range is around the clients' rate."),
    (CurveFrom, "From (% of capacity)"),
    (CurveTo, "To (% of capacity)"),
    (CurvePoints, "Points"),
    (CurveSweep, "Sweep"),
    (CurveCancel, "Cancel"),
    (CurveProgress, "{0} of {1} points"),
    (CurveCancelled, "Sweep cancelled."),
    (CurveInvalid, "This design cannot be swept until it is fixed: {0}"),
    (CurveFailed, "The sweep stopped: {0}"),
    (CurveBadRange, "Choose a range from 1 % to 1000 %, the end above the start, and 2 to 40 points."),
    (CurveThroughputTitle, "Served against offered load (req/s)"),
    (CurveLatencyTitle, "Latency against offered load (ms, log scale)"),
    (CurveServed, "served"),
    (CurveGood, "good"),
    (CurveKnee, "knee ≈ {0} req/s"),
    (CurveNoKnee, "No knee in this range: p95 never reached twice its low-load value."),
    (CurveCurrent, "current"),
    (CurvePinnedLabel, "pinned: {0}"),
    (CurvePin, "Pin this curve"),
    (CurveUnpin, "Unpin"),
    (CurveSweepToCompare, "Change the design and sweep again to compare it with the pinned curve."),
    (CurveHint, "Point at (or tap) a point for its numbers; click it to run the live lab at that load."),
    (CurveReadout, "{0} req/s offered: {1} served, {2} good · p50 {3} ms · p95 {4} ms · p99 {5} ms · errors {6} %"),
    (CurveLimit, "Limit: {0}"),
    (CurveRunAt, "Run the live lab at this load"),
    (CurveDesign, "Design"),
    (CurveMaxServed, "Capacity (most good/s)"),
    (CurveKneeCol, "Knee"),
    (CurveP95At, "p95 at {0} req/s"),
    (CurveCompareLoad, "Compare p95 at (req/s)"),
    (CurveLinkRefused, "The pinned curve in this link was not opened ({0}); the design opened as usual."),
    (CurveErrShape, "it is not a pinned curve: {0}"),
    (CurveErrPoints, "it has {0} points, at most {1} are allowed"),
    (CurveErrNumber, "point {0} has an impossible {1}"),
    (CurveErrLimit, "point {0} names a limit or a component its design does not have"),
    (CurveErrTitle, "its title is not plain text of at most 64 characters"),
    (CurveErrDesign, "its design: {0}"),
    (CurveFromLink, "A pinned curve came with this link. Sweep the design to draw the current curve beside it."),
    (CurveNoWorker, "the sweep's worker did not start (this browser may not run module workers)"),
    // What a lesson's check of the knee still misses (catalog::Condition::PinnedKneeBelow,
    // KneeAtLeast).
    (MissPinCurve, "Sweep the design before your change in the Curve tab and pin its curve (knee below {0} req/s)"),
    (MissPinnedKnee, "The pinned knee is at {1} req/s: pin the design before your change (knee below {0} req/s)"),
    (MissPinnedNoKnee, "The pinned curve has no knee up to {1} req/s: pin the design before your change (knee below {0} req/s)"),
    (MissSweepAfter, "Sweep the changed design: its knee must reach {0} req/s"),
    (MissSweepStale, "The design changed since the last sweep: sweep again (knee at {0} req/s or more)"),
    (MissKneeAtLeast, "Move the knee to {0} req/s or more (the last sweep puts it at {1} req/s)"),
    (MissKneeRange, "The last sweep ends at {1} req/s, before its knee: sweep past {0} req/s"),
    ]
};
