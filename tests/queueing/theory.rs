//! The closed forms the engine is checked against, and the Student-t quantiles the confidence
//! intervals need. Textbook formulas only (Gross & Harris, *Fundamentals of Queueing Theory*;
//! Kleinrock, *Queueing Systems* vol. 1); nothing here knows about the engine.

/// An M/M/c queue: Poisson arrivals at `lambda` per second, `c` servers each serving at `mu`
/// per second (exponential service), an unbounded FIFO queue.
#[derive(Clone, Copy, Debug)]
pub struct Mmc {
    pub c: u32,
    pub lambda: f64,
    pub mu: f64,
}

impl Mmc {
    /// The M/M/c with `c` servers of rate `mu` loaded to utilisation `rho`.
    pub fn at_rho(c: u32, rho: f64, mu: f64) -> Mmc {
        Mmc { c, lambda: rho * c as f64 * mu, mu }
    }

    /// Offered load a = λ/μ in Erlangs.
    pub fn offered(&self) -> f64 {
        self.lambda / self.mu
    }

    pub fn rho(&self) -> f64 {
        self.offered() / self.c as f64
    }

    /// Erlang C: the probability that an arrival waits, P(N ≥ c). Computed through the Erlang
    /// B recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which never overflows, then
    /// C = c·B / (c − a·(1 − B)).
    pub fn p_wait(&self) -> f64 {
        let a = self.offered();
        let b = erlang_b(self.c, a);
        let c = self.c as f64;
        c * b / (c - a * (1.0 - b))
    }

    /// Mean wait in queue Wq = C / (cμ − λ).
    pub fn wq(&self) -> f64 {
        self.p_wait() / (self.c as f64 * self.mu - self.lambda)
    }

    /// Mean response time W = Wq + 1/μ.
    pub fn w(&self) -> f64 {
        self.wq() + 1.0 / self.mu
    }

    /// Mean queue length Lq = λ·Wq (Little).
    pub fn lq(&self) -> f64 {
        self.lambda * self.wq()
    }

    /// P(T > t) for the response time T = Wq + S. With FIFO service the wait is 0 with
    /// probability 1 − C and otherwise Exp(θ), θ = cμ − λ; S ~ Exp(μ) is independent of it. So
    /// P(T > t) = (1 − C)·e^(−μt) + C·P(Exp(θ) + Exp(μ) > t), and the hypoexponential tail is
    /// (θ·e^(−μt) − μ·e^(−θt)) / (θ − μ), or (1 + μt)·e^(−μt) when θ = μ.
    /// For c = 1 this collapses to e^(−(μ−λ)t): the M/M/1 response time is Exp(μ − λ).
    pub fn response_sf(&self, t: f64) -> f64 {
        let (mu, theta, c) = (self.mu, self.c as f64 * self.mu - self.lambda, self.p_wait());
        let hypo = if (theta - mu).abs() < 1e-9 * mu {
            (1.0 + mu * t) * (-mu * t).exp()
        } else {
            (theta * (-mu * t).exp() - mu * (-theta * t).exp()) / (theta - mu)
        };
        (1.0 - c) * (-mu * t).exp() + c * hypo
    }

    /// The q-quantile of the response time, by bisection on the (decreasing) tail.
    pub fn response_quantile(&self, q: f64) -> f64 {
        quantile_of_sf(|t| self.response_sf(t), q, 1.0 / self.mu)
    }

    /// Relaxation time 1/(cμ(1 − √ρ)²): how long an empty system takes to forget its start.
    pub fn relaxation_s(&self) -> f64 {
        relaxation(self.c, self.rho(), self.mu)
    }
}

/// An M/M/c/K queue: as M/M/c but at most K requests in the system (c in service, K − c
/// waiting); an arrival that finds K present is blocked (lost).
#[derive(Clone, Copy, Debug)]
pub struct Mmck {
    pub c: u32,
    pub k: u32,
    pub lambda: f64,
    pub mu: f64,
}

impl Mmck {
    /// Stationary distribution p_0..p_K of the birth-death chain: p_n = p_(n−1)·a / min(n, c).
    pub fn probs(&self) -> Vec<f64> {
        let a = self.lambda / self.mu;
        let mut p = vec![1.0];
        for n in 1..=self.k {
            let prev = p[n as usize - 1];
            p.push(prev * a / n.min(self.c) as f64);
        }
        let total: f64 = p.iter().sum();
        p.iter().map(|x| x / total).collect()
    }

    /// Blocking probability p_K: by PASTA, the fraction of arrivals that find the system full.
    pub fn blocking(&self) -> f64 {
        *self.probs().last().expect("K ≥ 0 gives at least p_0")
    }

    /// Mean number present L = Σ n·p_n.
    pub fn l(&self) -> f64 {
        self.probs().iter().enumerate().map(|(n, p)| n as f64 * p).sum()
    }

    /// Mean response time of admitted requests, W = L / (λ·(1 − p_K)) (Little on the admitted
    /// stream).
    pub fn w(&self) -> f64 {
        self.l() / (self.lambda * (1.0 - self.blocking()))
    }

    /// The infinite queue's relaxation time where it is finite, capped by K²/(cμ), an upper
    /// bound for a birth-death chain on K + 1 states (its spectral gap is at least about
    /// cμ·π²/K² even at ρ = 1). For ρ > 1 the formula holds by symmetry: the number of free
    /// places K − N is a chain with the roles of λ and cμ swapped.
    pub fn relaxation_s(&self) -> f64 {
        let rho = self.lambda / (self.c as f64 * self.mu);
        let cap = (self.k as f64).powi(2) / (self.c as f64 * self.mu);
        relaxation(self.c, rho, self.mu).min(cap)
    }
}

fn relaxation(c: u32, rho: f64, mu: f64) -> f64 {
    1.0 / (c as f64 * mu * (1.0 - rho.sqrt()).powi(2))
}

/// Erlang B, the blocking probability of M/M/c/c with offered load `a`.
pub fn erlang_b(c: u32, a: f64) -> f64 {
    (1..=c).fold(1.0, |b, k| a * b / (k as f64 + a * b))
}

/// Smallest t with sf(t) ≤ 1 − q, for a decreasing tail function `sf` whose scale is `scale`.
fn quantile_of_sf(sf: impl Fn(f64) -> f64, q: f64, scale: f64) -> f64 {
    let target = 1.0 - q;
    let mut hi = scale;
    while sf(hi) > target {
        hi *= 2.0;
    }
    let mut lo = 0.0;
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if sf(mid) > target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// t(0.995, df): the two-sided 99% Student-t quantile, for df = 1..=30 from the standard
/// table (checked below by integrating the density); beyond 30 by the Cornish-Fisher expansion
/// around z = 2.5758, which is within 0.001 there.
pub fn t99(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169, 3.106, 3.055, 3.012, 2.977,
        2.947, 2.921, 2.898, 2.878, 2.861, 2.845, 2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763,
        2.756, 2.750,
    ];
    assert!(df >= 1, "a confidence interval needs at least two samples");
    if df <= 30 {
        return TABLE[df - 1];
    }
    let (z, v) = (2.575_829_3_f64, df as f64);
    z + (z.powi(3) + z) / (4.0 * v) + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * v * v)
}

#[cfg(test)]
/// The probability that Student's t with `df` degrees of freedom lies within ±`t`, computed
/// from its density, to check the tables above: with x = t/√ν = tan θ the density becomes
/// ∝ cos^(ν−1) θ on [0, π/2], so the central mass is a ratio of two smooth integrals
/// (Simpson's rule).
pub fn t_central_mass(df: usize, t: f64) -> f64 {
    let simpson = |f: &dyn Fn(f64) -> f64, b: f64| {
        let n = 20_000;
        let h = b / n as f64;
        let s: f64 = (0..=n)
            .map(|i| {
                let w = if i == 0 || i == n {
                    1.0
                } else if i % 2 == 1 {
                    4.0
                } else {
                    2.0
                };
                w * f(i as f64 * h)
            })
            .sum();
        s * h / 3.0
    };
    let k = |th: f64| th.cos().powi(df as i32 - 1);
    simpson(&k, (t / (df as f64).sqrt()).atan()) / simpson(&k, std::f64::consts::FRAC_PI_2)
}

mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs()
    }

    #[test]
    fn erlang_c_known_values() {
        // c = 1: P(wait) = ρ. c = 2, a = 1: P0 = 1/3 and C = a²/(2(1−ρ))·P0 = 1/3.
        assert!(close(Mmc::at_rho(1, 0.8, 100.0).p_wait(), 0.8, 1e-12));
        assert!(close(Mmc { c: 2, lambda: 1.0, mu: 1.0 }.p_wait(), 1.0 / 3.0, 1e-12));
        // M/M/1: W = 1/(μ − λ).
        assert!(close(Mmc::at_rho(1, 0.5, 100.0).w(), 1.0 / 50.0, 1e-12));
    }

    #[test]
    fn mm1_response_is_exponential() {
        let q = Mmc::at_rho(1, 0.8, 100.0);
        for t in [0.001, 0.01, 0.05, 0.2] {
            assert!(close(q.response_sf(t), (-20.0 * t).exp(), 1e-9), "t = {t}");
        }
        assert!(close(q.response_quantile(0.99), 100f64.ln() / 20.0, 1e-9));
    }

    #[test]
    fn response_tail_is_continuous_where_theta_meets_mu() {
        // c = 4, ρ = 0.75 gives θ = cμ − λ = μ exactly: the special case must join smoothly.
        let at = Mmc::at_rho(4, 0.75, 100.0);
        let near = Mmc::at_rho(4, 0.75 + 1e-7, 100.0);
        assert!(close(at.response_sf(0.03), near.response_sf(0.03), 1e-5));
    }

    #[test]
    fn mmck_limits() {
        // K = c is Erlang B: c = 1, a = 1 blocks half the arrivals.
        assert!(close(Mmck { c: 1, k: 1, lambda: 1.0, mu: 1.0 }.blocking(), 0.5, 1e-12));
        // A huge K is the M/M/c.
        let big = Mmck { c: 3, k: 400, lambda: 240.0, mu: 100.0 };
        assert!(close(big.w(), Mmc { c: 3, lambda: 240.0, mu: 100.0 }.w(), 1e-9));
    }

    #[test]
    fn t_table_matches_the_density() {
        for df in [1, 2, 5, 7, 9, 15, 30, 31, 40, 100] {
            let mass = t_central_mass(df, t99(df));
            assert!((mass - 0.99).abs() < 3e-5, "df {df}: central mass {mass}");
        }
    }
}
