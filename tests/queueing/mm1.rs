//! M/M/1: the single-server case of `mmc::check`. Here Erlang C is just P(wait) = ρ, the mean
//! response time is 1/(μ − λ) and the response time is exponential with rate μ − λ, so its
//! p-quantile is −ln(1 − p)/(μ − λ) (`theory` checks that its general form collapses to this).

use super::mmc::{check, Noise};

#[test]
fn mm1_at_050() {
    check(1, 0.50, Noise { mean: 3.0, p_wait: 1.7, p95: 3.7, p99: 6.5 });
}

#[test]
fn mm1_at_080() {
    check(1, 0.80, Noise { mean: 9.2, p_wait: 1.7, p95: 10.9, p99: 19.2 });
}

#[test]
fn mm1_at_095() {
    check(1, 0.95, Noise { mean: 32.1, p_wait: 1.4, p95: 0.0, p99: 0.0 });
}
