//! What can break in a scenario, and what is broken now: the pure side of the chaos panel, the
//! fault buttons and the timeline. No DOM; tested natively in `tests/chaos_targets.rs`.
//!
//! The engine's snapshot says which components are up, but not which zones, regions or zone
//! pairs are broken. So the panels rebuild that from the faults applied so far: the
//! scenario's timeline up to now, merged with the clicks of this run (a [`Journal`]), folded
//! into a [`FaultState`]. Where the snapshot does speak (component health), it wins.

use crate::engine::{secs, Health, Time};
use crate::model::{FaultAction, Kind, Placement, Scenario, ScheduledFault, Target};

/// Every zone of the scenario, region by region, in scenario order.
pub fn zones(s: &Scenario) -> Vec<Placement> {
    s.regions.iter().flat_map(|r| r.zones.iter().map(|z| Placement::new(&r.code, &z.name))).collect()
}

/// Every unordered pair of distinct zones (for partitions and added latency), in zone order.
pub fn zone_pairs(s: &Scenario) -> Vec<(Placement, Placement)> {
    let all = zones(s);
    let mut out = Vec::new();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            out.push((a.clone(), b.clone()));
        }
    }
    out
}

/// A zone pair with its two ends in a fixed order, so (a, b) and (b, a) name the same link.
pub fn pair_key(a: &Placement, b: &Placement) -> (Placement, Placement) {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}

/// Whether a component can be killed from the chaos panel. A client population is the
/// traffic, not infrastructure: it has no fault of its own.
pub fn is_breakable(kind: &Kind) -> bool {
    !matches!(kind, Kind::Clients(_))
}

/// Everything a kill can hit, in the order the chaos panel lists it: regions, zones, then each
/// component followed (for an app tier) by its hosts and their processes. A tier of one host
/// lists its processes under the component itself, without a separate host row.
pub fn fault_targets(s: &Scenario) -> Vec<Target> {
    let mut out: Vec<Target> = s.regions.iter().map(|r| Target::Region { region: r.code.clone() }).collect();
    out.extend(zones(s).into_iter().map(|p| Target::Zone { region: p.region, zone: p.zone }));
    for c in s.components.iter().filter(|c| is_breakable(&c.kind)) {
        out.push(Target::Component { id: c.id.clone() });
        if let Kind::AppServer(a) = &c.kind {
            for server in 0..a.count {
                if a.count > 1 {
                    out.push(Target::Server { id: c.id.clone(), index: server });
                }
                out.extend((0..a.processes).map(|index| Target::Process { id: c.id.clone(), server, index }));
            }
        }
    }
    out
}

/// True when a revive of `target` means something. A crashed process is restarted by its
/// process manager after the restart delay, so it only has a kill.
pub fn can_revive(target: &Target) -> bool {
    !matches!(target, Target::Process { .. })
}

/// True for the actions that break something (drawn red on the timeline), false for the ones
/// that mend.
pub fn is_breaking(action: &FaultAction) -> bool {
    matches!(
        action,
        FaultAction::Kill { .. } | FaultAction::AddLatency { .. } | FaultAction::Partition { .. }
    )
}

/// What the faults applied so far have broken. Built by folding actions in the order they
/// happened; a later mend undoes an earlier break of the same thing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FaultState {
    /// Killed regions, zones, components and hosts (not processes: they restart by themselves).
    killed: Vec<Target>,
    partitions: Vec<(Placement, Placement)>,
    latency: Vec<((Placement, Placement), f64)>,
}

impl FaultState {
    pub fn fold<'a>(actions: impl IntoIterator<Item = &'a FaultAction>) -> Self {
        let mut s = FaultState::default();
        for a in actions {
            s.apply(a);
        }
        s
    }

    pub fn apply(&mut self, action: &FaultAction) {
        match action {
            FaultAction::Kill { target } => {
                if can_revive(target) && !self.killed.contains(target) {
                    self.killed.push(target.clone());
                }
            }
            FaultAction::Revive { target } => self.killed.retain(|t| t != target),
            FaultAction::Partition { a, b } => {
                let k = pair_key(a, b);
                if !self.partitions.contains(&k) {
                    self.partitions.push(k);
                }
            }
            FaultAction::Heal { a, b } => {
                let k = pair_key(a, b);
                self.partitions.retain(|p| *p != k);
            }
            FaultAction::AddLatency { a, b, ms } => {
                let k = pair_key(a, b);
                match self.latency.iter_mut().find(|(p, _)| *p == k) {
                    // A second "add" on the same pair replaces the first, as the engine's
                    // per-pair setting does; it does not stack.
                    Some((_, v)) => *v = *ms,
                    None => self.latency.push((k, *ms)),
                }
            }
            FaultAction::ClearLatency { a, b } => {
                let k = pair_key(a, b);
                self.latency.retain(|(p, _)| *p != k);
            }
        }
    }

    /// Killed directly (not through its zone or region).
    pub fn is_killed(&self, target: &Target) -> bool {
        self.killed.contains(target)
    }

    pub fn zone_down(&self, p: &Placement) -> bool {
        self.is_killed(&Target::Region { region: p.region.clone() })
            || self.is_killed(&Target::Zone { region: p.region.clone(), zone: p.zone.clone() })
    }

    pub fn is_partitioned(&self, a: &Placement, b: &Placement) -> bool {
        self.partitions.contains(&pair_key(a, b))
    }

    pub fn added_latency_ms(&self, a: &Placement, b: &Placement) -> Option<f64> {
        let k = pair_key(a, b);
        self.latency.iter().find(|(p, _)| *p == k).map(|(_, ms)| *ms)
    }

    pub fn partitions(&self) -> &[(Placement, Placement)] {
        &self.partitions
    }

    pub fn latencies(&self) -> &[((Placement, Placement), f64)] {
        &self.latency
    }

    /// The health of one component as far as the faults say: down when it, its zone or its
    /// region was killed; degraded when some of its hosts were. `snapshot` is the engine's
    /// own view and wins when present (it also knows about failovers and restarts).
    pub fn component_health(&self, s: &Scenario, id: &str, snapshot: Option<Health>) -> Health {
        if let Some(h) = snapshot {
            return h;
        }
        let Some(c) = s.component(id) else { return Health::Down };
        let hosted_on_dead = match &c.kind {
            Kind::Database(d) => {
                d.host.as_deref().is_some_and(|h| self.is_killed(&Target::Component { id: h.into() }))
            }
            _ => false,
        };
        if self.is_killed(&Target::Component { id: id.into() }) || self.zone_down(&c.place) || hosted_on_dead
        {
            return Health::Down;
        }
        if let Kind::AppServer(a) = &c.kind {
            let dead = (0..a.count)
                .filter(|&index| self.is_killed(&Target::Server { id: id.into(), index }))
                .count() as u32;
            if dead == a.count {
                return Health::Down;
            }
            if dead > 0 {
                return Health::Degraded;
            }
        }
        Health::Up
    }
}

/// Where a run stands, read at each panel refresh; all three only grow during one run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunMark {
    pub now: Time,
    pub events: u64,
    pub log_len: usize,
}

/// The faults clicked during the current run, with the simulated time of each click. The run
/// restarts (reset, an edit, a loaded link) without telling the panels, so the journal
/// watches for it: a clock, an event count or a log that went backwards, or another scenario,
/// means a new run and an empty journal.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    entries: Vec<(Time, FaultAction)>,
    mark: RunMark,
    scenario: Option<Scenario>,
}

impl Journal {
    /// Notes where the run stands; forgets the clicks if this is a new run.
    pub fn observe(&mut self, s: &Scenario, mark: RunMark) {
        let went_back =
            mark.now < self.mark.now || mark.events < self.mark.events || mark.log_len < self.mark.log_len;
        let other = self.scenario.as_ref().is_some_and(|old| old != s);
        if went_back || other {
            self.entries.clear();
        }
        if self.scenario.is_none() || other {
            self.scenario = Some(s.clone());
        }
        self.mark = mark;
    }

    /// Records a click applied at `now`.
    pub fn record(&mut self, now: Time, action: FaultAction) {
        self.entries.push((now, action));
    }

    /// Records a click in the run as it stands at the click. The run may have restarted since
    /// the panel last looked (an edit lands in the lab after the panel's render), and a click
    /// must not be forgotten as part of the old run at the next look.
    pub fn record_at(&mut self, s: &Scenario, mark: RunMark, action: FaultAction) {
        self.observe(s, mark);
        self.record(mark.now, action);
    }

    pub fn entries(&self) -> &[(Time, FaultAction)] {
        &self.entries
    }

    /// The faults applied in this run up to `now`, oldest first: the timeline's due entries and
    /// the clicks, merged by time (the timeline first at equal times, as the engine applies
    /// it before the click's frame continues).
    pub fn applied(&self, s: &Scenario, now: Time) -> Vec<FaultAction> {
        let mut due: Vec<(Time, usize, &FaultAction)> = s
            .faults
            .iter()
            .filter(|f| secs(f.at_s) <= now)
            .map(|f| (secs(f.at_s), 0, &f.action))
            .chain(self.entries.iter().filter(|(t, _)| *t <= now).map(|(t, a)| (*t, 1, a)))
            .collect();
        // A stable sort keeps each source's own order among equal keys.
        due.sort_by_key(|d| (d.0, d.1));
        due.into_iter().map(|(_, _, a)| a.clone()).collect()
    }

    /// The fault state of this run at `now`.
    pub fn state(&self, s: &Scenario, now: Time) -> FaultState {
        FaultState::fold(&self.applied(s, now))
    }
}

/// The scenario with `fault` added to its timeline, which is kept in time order (a new entry
/// goes after the ones already at the same time).
pub fn with_fault(s: &Scenario, fault: ScheduledFault) -> Scenario {
    let mut next = s.clone();
    let at = next.faults.iter().position(|f| f.at_s > fault.at_s).unwrap_or(next.faults.len());
    next.faults.insert(at, fault);
    next
}

/// The scenario without timeline entry `index` (unchanged if there is none).
pub fn without_fault(s: &Scenario, index: usize) -> Scenario {
    let mut next = s.clone();
    if index < next.faults.len() {
        next.faults.remove(index);
    }
    next
}

/// The length of the timeline strip in simulated seconds: the run length, stretched to show
/// every scripted fault and the current time with a little room after them.
pub fn strip_span_s(s: &Scenario, now_s: f64) -> f64 {
    let last = s.faults.iter().map(|f| f.at_s).fold(0.0, f64::max);
    let need = last.max(now_s) * 1.05;
    let run = if s.run.duration_s.is_finite() { s.run.duration_s } else { 0.0 };
    run.max(need).max(1.0)
}

/// Position on the strip, in percent of its width (clamped to the strip).
pub fn strip_percent(at_s: f64, span_s: f64) -> f64 {
    if !(at_s.is_finite() && span_s.is_finite() && span_s > 0.0) {
        return 0.0;
    }
    (at_s / span_s * 100.0).clamp(0.0, 100.0)
}

/// The kinds of fault the timeline's add form offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    Kill,
    Revive,
    Partition,
    Heal,
    AddLatency,
    ClearLatency,
}

impl FaultKind {
    pub const ALL: [FaultKind; 6] = [
        FaultKind::Kill,
        FaultKind::Revive,
        FaultKind::Partition,
        FaultKind::Heal,
        FaultKind::AddLatency,
        FaultKind::ClearLatency,
    ];

    /// Stable name for a `<select>` value.
    pub fn code(self) -> &'static str {
        match self {
            FaultKind::Kill => "kill",
            FaultKind::Revive => "revive",
            FaultKind::Partition => "partition",
            FaultKind::Heal => "heal",
            FaultKind::AddLatency => "add_latency",
            FaultKind::ClearLatency => "clear_latency",
        }
    }

    pub fn from_code(code: &str) -> Option<FaultKind> {
        FaultKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// True when the fault applies to a pair of zones rather than to one target.
    pub fn is_pair(self) -> bool {
        !matches!(self, FaultKind::Kill | FaultKind::Revive)
    }

    /// Builds the action from the form's fields; `None` when a field it needs is missing or the
    /// target cannot take it (a process has no revive).
    pub fn action(
        self,
        target: Option<&Target>,
        pair: Option<(&Placement, &Placement)>,
        ms: f64,
    ) -> Option<FaultAction> {
        let pair = || pair.map(|(a, b)| (a.clone(), b.clone()));
        Some(match self {
            FaultKind::Kill => FaultAction::Kill { target: target?.clone() },
            FaultKind::Revive => {
                let t = target.filter(|t| can_revive(t))?;
                FaultAction::Revive { target: t.clone() }
            }
            FaultKind::Partition => {
                let (a, b) = pair()?;
                FaultAction::Partition { a, b }
            }
            FaultKind::Heal => {
                let (a, b) = pair()?;
                FaultAction::Heal { a, b }
            }
            FaultKind::AddLatency => {
                let (a, b) = pair()?;
                if !(ms.is_finite() && ms > 0.0 && ms <= MAX_ADDED_MS) {
                    return None;
                }
                FaultAction::AddLatency { a, b, ms }
            }
            FaultKind::ClearLatency => {
                let (a, b) = pair()?;
                FaultAction::ClearLatency { a, b }
            }
        })
    }
}

/// The most round trip a fault may add, the bound `model::validate` accepts.
pub const MAX_ADDED_MS: f64 = 10_000.0;

/// Parses a number typed in a form field ("30", " 12.5 "); anything else is `None`.
pub fn parse_number(text: &str) -> Option<f64> {
    crate::editor::parse_decimal(text).ok()
}

/// A stable, readable name for a target in `data-testid` attributes and element ids:
/// "region-ap-northeast-2", "zone-ap-northeast-2a", "comp-app-1", "server-app-1-0",
/// "process-app-1-0-3" (indices from 0, as in the model).
pub fn target_slug(t: &Target) -> String {
    match t {
        Target::Region { region } => format!("region-{region}"),
        Target::Zone { region, zone } => format!("zone-{region}{zone}"),
        Target::Component { id } => format!("comp-{id}"),
        Target::Server { id, index } => format!("server-{id}-{index}"),
        Target::Process { id, server, index } => format!("process-{id}-{server}-{index}"),
    }
}
