//! M/M/1: the single-server case of `mmc::check`. Here Erlang C is just P(wait) = ρ, the mean
//! response time is 1/(μ − λ) and the response time is exponential with rate μ − λ, so its
//! p-quantile is −ln(1 − p)/(μ − λ) (`theory` checks that its general form collapses to this).

use super::mmc::{check, Noise};

#[test]
fn mm1_at_050() {
    check(1, 0.50, Noise { mean: 0.0096, p_wait: 0.0055, p95: 0.0118, p99: 0.0205 });
}

#[test]
fn mm1_at_080() {
    check(1, 0.80, Noise { mean: 0.0205, p_wait: 0.0037, p95: 0.0244, p99: 0.0429 });
}

#[test]
fn mm1_at_095() {
    check(1, 0.95, Noise { mean: 0.0507, p_wait: 0.0022, p95: 0.0, p99: 0.0 });
}
