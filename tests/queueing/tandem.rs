//! Two tiers in tandem: an app host's cores, then a database, against the Jackson sum.
//!
//! With 64 synchronous processes on c1 cores, a request's process is (almost) never the
//! bottleneck: it waits for a core (an M/M/c1 station), then holds its process while its query
//! waits for one of c2 connections (an M/M/c2 station). Poisson arrivals into FIFO stations
//! with exponential service form a Jackson network, product form holds and the mean
//! end-to-end response is W_cpu + W_db. With two queries per request, visits are routed by
//! class (first query, second query) to the same FIFO, class-blind exponential server; BCMP
//! product form still holds, the database sees 2λ, and W = W_cpu + 2·W_db(2λ).
//! "Almost never": the busy processes are the requests in the system, whose mean here is < 7;
//! P(≥ 64) is below 1e-5, so the process limit shifts no mean measurably.

use archlab::model::ServiceDist;

use super::build::{db, db_on_cores, station, Db, Station, APP, DB};
use super::little;
use super::measure::{per_seed, run_seeds, Plan};
use super::mmc::{limit, SEEDS};
use super::stats::Report;
use super::theory::Mmc;

const REQUESTS: f64 = 400_000.0;

struct Tiers {
    lambda: f64,
    cores: u32,
    mu_cpu: f64,
    connections: u32,
    mu_db: f64,
    queries: u32,
}

/// `noise`: the noise coefficient (`mmc::Noise`) of the end-to-end mean, from the reference
/// simulation (event-driven, 24 seeds, 200,000 requests each).
fn check(t: Tiers, noise: f64) {
    check_with(&t, db(t.connections, t.mu_db, t.queries), noise, None);
}

/// As `check`, with the database `d` (its servers are `t.connections`, connections or cores);
/// `db_noise`, when given, also asserts the database's mean time per query against Erlang C.
fn check_with(t: &Tiers, d: Db, noise: f64, db_noise: Option<f64>) {
    let cpu = Mmc { c: t.cores, lambda: t.lambda, mu: t.mu_cpu };
    let dbq = Mmc { c: t.connections, lambda: t.queries as f64 * t.lambda, mu: t.mu_db };
    let theory = cpu.w() + t.queries as f64 * dbq.w();
    let plan = Plan {
        warmup_s: 10.0 * cpu.relaxation_s().max(dbq.relaxation_s()),
        window_s: REQUESTS / t.lambda,
        seeds: SEEDS,
        sample_every_s: None,
        probe: APP,
    };
    let app = Station {
        processes: 64,
        vcpus: t.cores,
        service: ServiceDist::Exponential,
        ..station(t.cores, t.lambda, t.mu_cpu)
    };
    let runs = run_seeds(&app.scenario_with(Some(d)), &plan);
    let mut r = Report::default();
    r.within(
        "end-to-end mean s (Jackson sum)",
        &per_seed(&runs, |o| o.mean_s),
        theory,
        limit(noise, REQUESTS),
        0.0,
    );
    let db_sojourn = per_seed(&runs, |o| o.components[DB].mean_sojourn_s());
    match db_noise {
        Some(n) => {
            r.within("database mean per query s (Erlang C)", &db_sojourn, dbq.w(), limit(n, REQUESTS), 0.0);
            let cpu = per_seed(&runs, |o| o.components[DB].cpu_utilization());
            r.within("database cores busy", &cpu, dbq.rho(), limit(1.0, REQUESTS), 0.0);
        }
        None => r.note("database mean per query s", &db_sojourn, dbq.w()),
    }
    r.note("database utilisation", &per_seed(&runs, |o| o.components[DB].utilization()), dbq.rho());
    little::check_stations(&mut r, &runs);
    r.finish(&format!(
        "tandem: {} cores at rho {:.2}, then {} x {} database servers at rho {:.2}",
        t.cores,
        cpu.rho(),
        t.queries,
        t.connections,
        dbq.rho()
    ));
}

#[test]
fn app_then_database() {
    let t = Tiers { lambda: 150.0, cores: 2, mu_cpu: 100.0, connections: 4, mu_db: 50.0, queries: 1 };
    check(t, 5.1);
}

#[test]
fn app_then_two_queries() {
    let t = Tiers { lambda: 100.0, cores: 2, mu_cpu: 100.0, connections: 4, mu_db: 62.5, queries: 2 };
    check(t, 4.5);
}

/// A database whose queries are all CPU, with more connections (64) than cores (3): the
/// connections never queue, the queries queue for the cores, so the database is an M/M/3
/// station on its cores (Erlang C), in tandem after the app's cores.
#[test]
fn database_cores_are_an_erlang_c_station() {
    let t = Tiers { lambda: 150.0, cores: 2, mu_cpu: 100.0, connections: 3, mu_db: 62.5, queries: 1 };
    check_with(&t, db_on_cores(3, 62.5, 1), 5.1, Some(6.0));
}
