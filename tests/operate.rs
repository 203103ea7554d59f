//! Operating a service: cost meter, auto-scaling, deployments, alarms: one test binary.
//!
//! Every expected number is derived from the scenario's parameters (and, for latencies, from
//! queueing theory), never from a printed run. `cargo test --test operate`.

mod scenarios;

mod operate {
    mod alarms;
    mod autoscale;
    mod build;
    mod cost;
    mod deploy;
    mod deploy_now;
    mod determinism;
    mod presets;
}
