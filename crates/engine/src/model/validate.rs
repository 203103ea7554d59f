//! Validation of untrusted scenarios: every field, every reference, every limit.
//!
//! Scenarios arrive from share links and files written by strangers, so validation never
//! panics and never stops at the first problem: it returns every [`Diagnostic`] it finds, each
//! naming the component and field ("lb-1.health_check.interval_s: must be > 0").

use std::fmt;

use super::seen::Seen;
use super::*;

/// Hard limits that keep a hostile scenario from freezing the tab or exhausting memory.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub components: usize,
    pub links: usize,
    pub faults: usize,
    pub regions: usize,
    pub zones_per_region: usize,
    pub rate_rps: f64,
    pub duration_s: f64,
    pub text_len: usize,
    pub count: u32,
    pub vcpus: u32,
    pub processes: u32,
    pub connections: u32,
    pub queue: u32,
    /// Attempts per request a client's retry policy may make (the first one included).
    pub attempts: u32,
    pub service_ms: f64,
    pub coordinate: f64,
}

pub const LIMITS: Limits = Limits {
    components: 200,
    links: 1000,
    faults: 500,
    regions: 12,
    zones_per_region: 6,
    rate_rps: 1_000_000.0,
    duration_s: 86_400.0,
    text_len: 64,
    count: 64,
    vcpus: 96,
    processes: 64,
    connections: 5000,
    queue: 100_000,
    attempts: 10,
    service_ms: 600_000.0,
    coordinate: 1.0e6,
};

/// One problem, located by a dotted path ("app-1.processes"): the path is the file's own field
/// names in every language, the [`Problem`] is worded by whoever shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub path: String,
    pub problem: Problem,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

/// Checks a scenario; an empty list means the engine and the editor may use it.
pub fn validate(s: &Scenario) -> Vec<Diagnostic> {
    let mut v = Checker::default();
    v.scenario(s);
    v.out
}

/// Whether a link from a component of kind `from` to one of kind `to` makes sense, and why not
/// (in English; [`super::link_rule`] gives the rule itself).
pub fn check_link_kinds(from: &Kind, to: &Kind) -> Result<(), &'static str> {
    super::link_rule(from, to).map_err(super::LinkRule::text)
}

#[derive(Default)]
pub(super) struct Checker {
    out: Vec<Diagnostic>,
}

impl Checker {
    pub(super) fn err(&mut self, path: impl Into<String>, problem: Problem) {
        self.out.push(Diagnostic { path: path.into(), problem });
    }

    /// A problem at `p.field` (at `p` when `field` is empty). The checks below take the two
    /// halves and join them only for a problem: one out-of-line join instead of a `format!`
    /// at each of their sixty call sites.
    pub(super) fn err_at(&mut self, p: &str, field: &str, problem: Problem) {
        let mut path = String::with_capacity(p.len() + 1 + field.len());
        path.push_str(p);
        if !field.is_empty() {
            path.push('.');
            path.push_str(field);
        }
        self.out.push(Diagnostic { path, problem });
    }

    /// A finite number within [lo, hi]; NaN and infinities fail with their own message.
    pub(super) fn range(&mut self, p: &str, field: &str, x: f64, lo: f64, hi: f64) {
        if !x.is_finite() {
            self.err_at(p, field, Problem::NotFinite);
        } else if x < lo || x > hi {
            self.err_at(p, field, Problem::OutOfRange { lo, hi, got: x });
        }
    }

    pub(super) fn positive(&mut self, p: &str, field: &str, x: f64, hi: f64) {
        if !x.is_finite() {
            self.err_at(p, field, Problem::NotFinite);
        } else if x <= 0.0 {
            self.err_at(p, field, Problem::MustBePositive);
        } else if x > hi {
            self.err_at(p, field, Problem::AtMost { hi, got: x });
        }
    }

    pub(super) fn int(&mut self, p: &str, field: &str, x: u32, lo: u32, hi: u32) {
        if x < lo || x > hi {
            self.err_at(p, field, Problem::OutOfRange { lo: lo.into(), hi: hi.into(), got: x.into() });
        }
    }

    pub(super) fn text(&mut self, path: &str, t: &str) {
        if t.chars().count() > LIMITS.text_len {
            self.err(path, Problem::TooLong { max: LIMITS.text_len });
        }
        if t.chars().any(char::is_control) {
            self.err(path, Problem::ControlChars);
        }
        if t.chars().any(is_format_char) {
            self.err(path, Problem::FormatChars);
        }
    }

    fn scenario(&mut self, s: &Scenario) {
        if s.version != FORMAT_VERSION {
            self.err("version", Problem::WrongVersion { expected: FORMAT_VERSION, got: s.version });
        }
        self.text("name", &s.name);
        self.regions(s);
        self.components(s);
        self.links(s);
        self.traffic(&s.traffic);
        self.faults(s);
        self.operate(s);
        self.range("run.speed", "", s.run.speed, 0.1, 100.0);
        self.positive("run.duration_s", "", s.run.duration_s, LIMITS.duration_s);
    }

    fn regions(&mut self, s: &Scenario) {
        if s.regions.len() > LIMITS.regions {
            self.err("regions", Problem::TooManyRegions(LIMITS.regions));
        }
        let mut seen = Seen::default();
        for r in &s.regions {
            let p = format!("regions.{}", r.code);
            if super::regions::region(&r.code).is_none() {
                self.err(&p, Problem::RegionNotInCatalog);
            }
            if !seen.insert(&r.code) {
                self.err(&p, Problem::AppearsTwice);
            }
            for (f, x) in [("rect.x", r.rect.x), ("rect.y", r.rect.y)] {
                self.range(&p, f, x, -LIMITS.coordinate, LIMITS.coordinate);
            }
            for (f, x) in [("rect.w", r.rect.w), ("rect.h", r.rect.h)] {
                self.range(&p, f, x, 100.0, LIMITS.coordinate);
            }
            if r.zones.is_empty() || r.zones.len() > LIMITS.zones_per_region {
                self.err_at(&p, "zones", Problem::ZoneCount { max: LIMITS.zones_per_region });
            }
            let mut names = Seen::default();
            for z in &r.zones {
                let valid = z.name.len() == 1 && z.name.bytes().all(|b| b.is_ascii_lowercase());
                if !valid {
                    self.err(format!("{p}.zones.{}", z.name.esc()), Problem::BadZoneName);
                } else if !names.insert(&z.name) {
                    self.err(format!("{p}.zones.{}", z.name), Problem::AppearsTwice);
                }
            }
        }
    }

    fn components(&mut self, s: &Scenario) {
        if s.components.len() > LIMITS.components {
            let (max, got) = (LIMITS.components, s.components.len());
            self.err("components", Problem::TooManyComponents { max, got });
            return;
        }
        let mut ids = Seen::default();
        for c in &s.components {
            let id = &c.id;
            let valid_id = !id.is_empty()
                && id.len() <= 32
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid_id {
                self.err(format!("components.{}", id.esc()), Problem::BadId);
                continue;
            }
            if !ids.insert(id.as_str()) {
                self.err(id.as_str(), Problem::IdTwice);
            }
            if !s.has_zone(&c.place) {
                let (region, zone) = (c.place.region.clone(), c.place.zone.clone());
                self.err_at(id, "place", Problem::NoSuchZone { region, zone });
            }
            self.range(id, "x", c.x, -LIMITS.coordinate, LIMITS.coordinate);
            self.range(id, "y", c.y, -LIMITS.coordinate, LIMITS.coordinate);
            self.kind(s, id, &c.kind);
        }
    }

    /// The health check of component `id`, under its `health_check` field.
    fn health(&mut self, id: &str, h: &HealthCheck) {
        self.range(id, "health_check.interval_s", h.interval_s, 1.0, 300.0);
        self.positive(id, "health_check.timeout_s", h.timeout_s, 120.0);
        if h.timeout_s.is_finite() && h.interval_s.is_finite() && h.timeout_s >= h.interval_s {
            self.err_at(id, "health_check.timeout_s", Problem::ShorterThanInterval);
        }
        self.int(id, "health_check.unhealthy_threshold", h.unhealthy_threshold, 1, 10);
        self.int(id, "health_check.healthy_threshold", h.healthy_threshold, 1, 10);
    }

    fn kind(&mut self, s: &Scenario, id: &str, kind: &Kind) {
        match kind {
            Kind::Clients(c) => {
                self.range(id, "weight", c.weight, 0.0, 1000.0);
                self.positive(id, "timeout_ms", c.timeout_ms, 600_000.0);
                if let Some(n) = c.connections {
                    self.int(id, "connections", n, 1, LIMITS.connections);
                }
                self.positive(id, "connect_timeout_ms", c.connect_timeout_ms, 600_000.0);
                self.int(id, "retry.max_attempts", c.retry.max_attempts, 1, LIMITS.attempts);
                self.range(id, "retry.base_ms", c.retry.base_ms, 0.0, 600_000.0);
                self.range(id, "retry.cap_ms", c.retry.cap_ms, 0.0, 600_000.0);
            }
            Kind::Dns(d) => {
                self.range(id, "ttl_s", d.ttl_s, 0.0, 86_400.0);
                self.health(id, &d.health_check);
            }
            Kind::LoadBalancer(lb) => {
                self.health(id, &lb.health_check);
                self.range(id, "deregistration_delay_s", lb.deregistration_delay_s, 0.0, 3600.0);
                let mut targets = Seen::default();
                for w in &lb.weights {
                    let p = format!("{id}.weights.{}", w.target.esc());
                    self.int(&p, "", w.weight, 0, 1000);
                    // A checked reference also bounds the list: at most one weight per app server.
                    if !matches!(s.component(&w.target).map(|c| &c.kind), Some(Kind::AppServer(_))) {
                        self.err(&p, Problem::IsNotAnAppServer);
                    } else if !targets.insert(&w.target) {
                        self.err(&p, Problem::AppearsTwice);
                    }
                }
            }
            Kind::AppServer(a) => {
                self.int(id, "count", a.count, 1, LIMITS.count);
                self.int(id, "vcpus", a.vcpus, 1, LIMITS.vcpus);
                self.int(id, "processes", a.processes, 1, LIMITS.processes);
                self.positive(id, "cpu_ms", a.cpu_ms, LIMITS.service_ms);
                self.int(id, "db_queries", a.db_queries, 0, 50);
                self.range(id, "write_ratio", a.write_ratio, 0.0, 1.0);
                self.int(id, "backlog", a.backlog, 0, LIMITS.queue);
                self.range(id, "restart_delay_s", a.restart_delay_s, 0.0, 3600.0);
            }
            Kind::Database(d) => {
                self.int(id, "max_connections", d.max_connections, 1, LIMITS.connections);
                self.positive(id, "query_ms", d.query_ms, LIMITS.service_ms);
                self.range(id, "query_cpu_fraction", d.query_cpu_fraction, 0.0, 1.0);
                self.int(id, "queue_limit", d.queue_limit, 0, LIMITS.queue);
                self.range(id, "failover_s", d.failover_s, 0.0, 3600.0);
                self.int(id, "vcpus", d.vcpus, 1, LIMITS.vcpus);
                self.database_refs(s, id, d);
            }
        }
    }

    fn database_refs(&mut self, s: &Scenario, id: &str, d: &Database) {
        match (d.role, &d.primary) {
            (DbRole::Primary, Some(_)) => self.err_at(id, "primary", Problem::PrimaryHasNoPrimary),
            (DbRole::Standby | DbRole::ReadReplica, None) => self.err_at(id, "primary", Problem::NamePrimary),
            (DbRole::Standby | DbRole::ReadReplica, Some(p)) => {
                let is_primary = matches!(
                    s.component(p).map(|c| &c.kind),
                    Some(Kind::Database(Database { role: DbRole::Primary, .. }))
                );
                if !is_primary {
                    self.err_at(id, "primary", Problem::NotAPrimary(p.esc()));
                }
            }
            (DbRole::Primary, None) => {}
        }
        if d.role == DbRole::Standby {
            let standbys = s
                .components
                .iter()
                .filter(|c| matches!(&c.kind, Kind::Database(o) if o.role == DbRole::Standby && o.primary == d.primary))
                .count();
            if standbys > 1 {
                self.err_at(id, "primary", Problem::OneStandby);
            }
        }
        if let Some(h) = &d.host {
            match s.component(h) {
                Some(c) if matches!(c.kind, Kind::AppServer(_)) => {
                    let app_count = if let Kind::AppServer(a) = &c.kind { a.count } else { 0 };
                    if app_count != 1 {
                        self.err_at(id, "host", Problem::SharedHostSingle);
                    }
                }
                _ => self.err_at(id, "host", Problem::NotAnAppServer(h.esc())),
            }
        }
    }

    fn links(&mut self, s: &Scenario) {
        if s.links.len() > LIMITS.links {
            self.err("links", Problem::TooManyLinks { max: LIMITS.links, got: s.links.len() });
            return;
        }
        let mut seen = Seen::default();
        for l in &s.links {
            let p = format!("links.{}->{}", l.from.esc(), l.to.esc());
            if l.from == l.to {
                self.err(&p, Problem::LinkToSelf);
                continue;
            }
            if !seen.insert_pair(&l.from, &l.to) {
                self.err(&p, Problem::DuplicateLink);
            }
            match (s.component(&l.from), s.component(&l.to)) {
                (Some(a), Some(b)) => {
                    if let Err(rule) = super::link_rule(&a.kind, &b.kind) {
                        self.err(&p, Problem::LinkKinds(rule));
                    }
                }
                (None, _) => self.err(&p, Problem::NoSuchComponent(l.from.esc())),
                (_, None) => self.err(&p, Problem::NoSuchComponent(l.to.esc())),
            }
            if let Some(ms) = l.rtt_ms {
                self.range(&p, "rtt_ms", ms, 0.0, 10_000.0);
            }
        }
    }

    fn traffic(&mut self, t: &Traffic) {
        self.range("traffic.rate_rps", "", t.rate_rps, 0.0, LIMITS.rate_rps);
        match t.pattern {
            Pattern::Steady => {}
            Pattern::Ramp { to_rps, over_s } => {
                self.range("traffic.pattern.to_rps", "", to_rps, 0.0, LIMITS.rate_rps);
                self.positive("traffic.pattern.over_s", "", over_s, LIMITS.duration_s);
            }
            Pattern::Spike { at_s, for_s, factor } => {
                self.range("traffic.pattern.at_s", "", at_s, 0.0, LIMITS.duration_s);
                self.positive("traffic.pattern.for_s", "", for_s, LIMITS.duration_s);
                self.range("traffic.pattern.factor", "", factor, 0.0, 100.0);
                if factor.is_finite() && t.rate_rps.is_finite() && t.rate_rps * factor > LIMITS.rate_rps {
                    self.err("traffic.pattern.factor", Problem::SpikeTooHigh { max: LIMITS.rate_rps });
                }
            }
        }
    }

    fn faults(&mut self, s: &Scenario) {
        if s.faults.len() > LIMITS.faults {
            self.err("faults", Problem::TooManyFaults(LIMITS.faults));
            return;
        }
        for (i, f) in s.faults.iter().enumerate() {
            let p = format!("faults.{i}");
            self.range(&p, "at_s", f.at_s, 0.0, LIMITS.duration_s);
            match &f.action {
                FaultAction::Kill { target } | FaultAction::Revive { target } => self.target(s, &p, target),
                FaultAction::AddLatency { a, b, ms } => {
                    self.zone_ref(s, &p, a);
                    self.zone_ref(s, &p, b);
                    self.range(&p, "ms", *ms, 0.0, 10_000.0);
                }
                FaultAction::ClearLatency { a, b }
                | FaultAction::Partition { a, b }
                | FaultAction::Heal { a, b } => {
                    self.zone_ref(s, &p, a);
                    self.zone_ref(s, &p, b);
                }
            }
        }
    }

    fn zone_ref(&mut self, s: &Scenario, p: &str, z: &Placement) {
        if !s.has_zone(z) {
            let (region, zone) = (z.region.esc(), z.zone.esc());
            self.err(p, Problem::NoSuchZone { region, zone });
        }
    }

    fn target(&mut self, s: &Scenario, p: &str, t: &Target) {
        let app = |id: &str| match s.component(id).map(|c| &c.kind) {
            Some(Kind::AppServer(a)) => Some(a.clone()),
            _ => None,
        };
        match t {
            Target::Component { id } => {
                if s.component(id).is_none() {
                    self.err(p, Problem::NoSuchComponent(id.esc()));
                }
            }
            Target::Server { id, index } => match app(id) {
                Some(a) if *index < a.count => {}
                Some(_) => self.err(p, Problem::NoServer { id: id.clone(), index: *index }),
                None => self.err(p, Problem::NotAnAppServer(id.esc())),
            },
            Target::Process { id, server, index } => match app(id) {
                Some(a) if *server < a.count && *index < a.processes => {}
                Some(_) => {
                    let (id, server, index) = (id.clone(), *server, *index);
                    self.err(p, Problem::NoProcess { id, server, index })
                }
                None => self.err(p, Problem::NotAnAppServer(id.esc())),
            },
            Target::Zone { region, zone } => self.zone_ref(s, p, &Placement::new(region, zone)),
            Target::Region { region } => {
                if s.region(region).is_none() {
                    self.err(p, Problem::NoSuchRegion(region.esc()));
                }
            }
        }
    }
}

/// Unicode's format characters (general category Cf, Unicode 15.1) and the two separators that
/// end a bidi paragraph: invisible, yet they reorder, hide or break the text around them. A
/// name of `invoice\u{202E}gnp.exe` shows as "invoiceexe.png", and 64 × U+202E as nothing, so
/// names and ids refuse them. (std has no general-category lookup; the Cf set is small and
/// changes rarely.) The zero-width joiners go too, at the price of emoji sequences in names.
pub fn is_format_char(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}
