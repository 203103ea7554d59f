//! Billed servers per app tier over simulated time, for the servers chart. The engine's
//! per-second series has no fleet sizes, so the chart's painter records them as the run goes
//! (a point per simulated second: the sizes it saw last hold over seconds it skipped). Pure, so the recording and the axis are tested
//! natively (tests/operate_live.rs).

use std::collections::VecDeque;

use super::window::{nice_ceiling, ChartData, Line, HEADROOM};
use crate::i18n::{t, Key, Lang};

/// Sizes per tier over time: `tiers` are component indices, each point holds their counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FleetHistory {
    tiers: Vec<usize>,
    points: VecDeque<(u64, Vec<u32>)>,
}

/// Seconds of history kept (as the engine's series: 10 minutes).
pub const KEEP: usize = 600;

impl FleetHistory {
    /// Records the billed hosts of each tier (component index, count) at simulated `second`.
    /// A second before the last one (a reset, another scenario) or other tiers start over; the
    /// same second again replaces its point.
    pub fn record(&mut self, second: u64, tiers: &[(usize, u32)]) {
        let ids: Vec<usize> = tiers.iter().map(|t| t.0).collect();
        let back = self.points.back().map(|p| p.0);
        if ids != self.tiers || back.is_some_and(|b| second < b) {
            self.tiers = ids;
            self.points.clear();
        }
        let counts: Vec<u32> = tiers.iter().map(|t| t.1).collect();
        if back == Some(second) {
            self.points.pop_back();
        }
        // Seconds the painter skipped (a fast run draws several per frame) hold the last sizes,
        // so the line steps instead of breaking into a gap.
        if let Some((b, last)) = self.points.back().cloned() {
            let from = (b + 1).max((second + 1).saturating_sub(KEEP as u64));
            for s in from..second {
                self.points.push_back((s, last.clone()));
            }
        }
        self.points.push_back((second, counts));
        while self.points.len() > KEEP {
            self.points.pop_front();
        }
    }

    pub fn last_second(&self) -> Option<u64> {
        self.points.back().map(|p| p.0)
    }

    /// The chart of the last `span` seconds: one line per tier, named by `ids` (scenario order;
    /// a single tier's line has no legend).
    pub fn chart(&self, span: u64, ids: &[String], lang: Lang) -> ChartData {
        let x1 = self.points.back().map_or(0.0, |p| (p.0 + 1) as f64).max(span as f64);
        let x0 = x1 - span as f64;
        let shown: Vec<&(u64, Vec<u32>)> = self.points.iter().filter(|p| p.0 as f64 >= x0).collect();
        let lines: Vec<Line> = self
            .tiers
            .iter()
            .enumerate()
            .map(|(k, &c)| Line {
                // One tier is named in the caption instead (the chart is narrow).
                label: if self.tiers.len() == 1 {
                    String::new()
                } else {
                    ids.get(c).cloned().unwrap_or_default()
                },
                points: shown.iter().map(|p| (p.0 as f64, f64::from(p.1[k]))).collect(),
            })
            .collect();
        let top = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(0.0, f64::max);
        ChartData { x0, x1, y_max: nice_ceiling(top * HEADROOM, 2.0), unit: t(lang, Key::UnitServers), lines }
    }
}
