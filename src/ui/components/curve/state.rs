//! The Curve tab's state: the sweep under way or done, the pinned curve, the load the table
//! compares at and the point shown. A reducer, so the workers' answers (which arrive in
//! callbacks long after the click) always reach the newest state; each answer names the run it
//! belongs to, and one from a cancelled or replaced run is dropped.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::{KneeReading, SweepSummary};
use crate::model::{Diagnostic, Scenario};
use crate::sweep::message::CurvePoint;
use crate::sweep::pinned::{CurveLinkError, PinnedCurve};
use crate::sweep::{knee_of, same_design};

/// One curve: the design it came from and its points so far, in the order of their offered
/// loads.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub title: String,
    pub scenario: Rc<Scenario>,
    pub points: Vec<CurvePoint>,
    /// Points the sweep asked for.
    pub total: usize,
}

impl Curve {
    /// A pinned curve as a share link carries it.
    pub fn pinned(&self) -> PinnedCurve {
        PinnedCurve {
            title: self.title.clone(),
            design: (*self.scenario).clone(),
            points: self.points.clone(),
        }
    }

    fn from_pinned(p: PinnedCurve) -> Curve {
        let total = p.points.len();
        Curve { title: p.title, scenario: Rc::new(p.design), points: p.points, total }
    }

    /// The offered load where p95 reaches twice its low-load value, once enough points are in.
    pub fn knee(&self) -> Option<f64> {
        knee_of(self.points.iter().map(|p| (p.offered_rps, p.latency_ms.p95)))
    }

    /// The most successful responses per second at any point: the design's capacity as
    /// measured (throughput past the wall counts fast failures too, so it is not used).
    pub fn capacity(&self) -> Option<f64> {
        self.points.iter().map(|p| p.goodput_rps).reduce(f64::max)
    }

    /// p95 at `load`, linearly between the two points around it; `None` outside the curve.
    pub fn p95_at(&self, load: f64) -> Option<f64> {
        let ps = &self.points;
        let i = ps.iter().position(|p| p.offered_rps >= load)?;
        let b = &ps[i];
        if i == 0 {
            return (b.offered_rps == load).then_some(b.latency_ms.p95);
        }
        let a = &ps[i - 1];
        let f = (load - a.offered_rps) / (b.offered_rps - a.offered_rps);
        Some(a.latency_ms.p95 + f * (b.latency_ms.p95 - a.latency_ms.p95))
    }

    pub fn done(&self) -> bool {
        self.points.len() >= self.total
    }

    /// Its knee as a lesson reads it, once every point is in.
    fn reading(&self) -> Option<KneeReading> {
        let points: Vec<(f64, f64)> = self.points.iter().map(|p| (p.offered_rps, p.latency_ms.p95)).collect();
        self.done().then(|| KneeReading::of(&points)).flatten()
    }
}

/// Why the tab shows no progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    Cancelled,
    /// The design fails validation: the first problem.
    Invalid(Diagnostic),
    /// A worker refused a job (its message), or (`None`) could not start.
    Failed(Option<String>),
}

/// Which curve a point belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Current,
    Pinned,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurveState {
    /// The sweep run the answers must name to count.
    pub run: u64,
    pub current: Option<Curve>,
    pub running: bool,
    pub stop: Option<Stop>,
    pub pinned: Option<Curve>,
    /// The load the comparison table reads p95 at (`None`: the pinned curve's knee).
    pub load: Option<f64>,
    /// The point whose numbers are shown.
    pub shown: Option<(Which, usize)>,
    /// Bumped when the address's pinned curve was read (or refused), so the tab shows.
    pub linked: u64,
    /// What came of the address's pinned curve: `Ok` it is pinned, `Err` why not.
    pub link: Option<Result<(), CurveLinkError>>,
}

impl CurveState {
    /// What a lesson's check reads of the tab, with `design` the design on the canvas now: a
    /// complete sweep counts as "after" only while it is of that design.
    pub fn sweeps(&self, design: &Scenario) -> SweepSummary {
        let current =
            self.current.as_ref().and_then(|c| c.reading().map(|r| (r, same_design(&c.scenario, design))));
        SweepSummary {
            pinned: self.pinned.as_ref().and_then(Curve::reading),
            current: current.filter(|(_, same)| *same).map(|(r, _)| r),
            current_stale: current.is_some_and(|(_, same)| !same),
        }
    }
}

#[allow(clippy::large_enum_variant, reason = "one action per worker answer, consumed at once")]
pub enum CurveAction {
    Start {
        run: u64,
        curve: Curve,
    },
    Point {
        run: u64,
        point: CurvePoint,
    },
    Failed {
        run: u64,
        problem: Option<String>,
    },
    Cancel,
    Refuse(Diagnostic),
    Pin,
    Unpin,
    SetLoad(f64),
    Show(Option<(Which, usize)>),
    /// The address's pinned curve, read or refused.
    Linked(Result<PinnedCurve, CurveLinkError>),
}

impl Reducible for CurveState {
    type Action = CurveAction;

    fn reduce(self: Rc<Self>, action: CurveAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            CurveAction::Start { run, curve } => {
                s.run = run;
                s.current = Some(curve);
                s.running = true;
                s.stop = None;
                s.shown = None;
            }
            CurveAction::Point { run, point } => {
                let Some(c) = s.current.as_mut().filter(|_| run == s.run && s.running) else { return self };
                let at = c.points.partition_point(|p| p.offered_rps < point.offered_rps);
                c.points.insert(at, point);
                s.running = !c.done();
            }
            CurveAction::Failed { run, problem } => {
                if run != s.run || !s.running {
                    return self;
                }
                s.running = false;
                s.stop = Some(Stop::Failed(problem));
            }
            CurveAction::Cancel => {
                s.run += 1;
                s.running = false;
                s.stop = Some(Stop::Cancelled);
            }
            CurveAction::Refuse(d) => {
                s.running = false;
                s.stop = Some(Stop::Invalid(d));
            }
            CurveAction::Pin => {
                if let Some(c) = s.current.take().filter(|c| !c.points.is_empty()) {
                    s.pinned = Some(c);
                    s.load = None;
                    s.shown = None;
                }
            }
            CurveAction::Unpin => {
                s.pinned = None;
                s.link = None;
                s.shown = s.shown.filter(|(w, _)| *w == Which::Current);
            }
            CurveAction::SetLoad(x) => s.load = Some(x),
            CurveAction::Show(p) => s.shown = p,
            CurveAction::Linked(r) => {
                s.linked += 1;
                s.link = Some(match r {
                    Ok(p) => {
                        s.pinned = Some(Curve::from_pinned(p));
                        s.load = None;
                        Ok(())
                    }
                    Err(e) => Err(e),
                });
            }
        }
        Rc::new(s)
    }
}
