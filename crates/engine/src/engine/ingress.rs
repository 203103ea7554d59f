//! The way in: client populations and their traffic, DNS, and load balancers.
//!
//! Everything a request meets before it reaches an app tier. Each table is indexed by its
//! role index (`Role::Clients`, `Role::Dns`, `Role::Lb`). Their behaviour is in `traffic`
//! (arrivals), `dns` (answers and caches), `balancer` and `health` (target choice and checks);
//! `fleet` registers and deregisters hosts at the balancers here.

use crate::model::Traffic;

use super::balancer::Lb;
use super::dns::Dns;
use super::health::Check;
use super::traffic::Client;
use super::Time;

pub(super) struct Ingress {
    pub clients: Vec<Client>,
    /// The traffic profile every population shares (the rate slider changes it).
    pub traffic: Traffic,
    pub dnss: Vec<Dns>,
    pub lbs: Vec<Lb>,
}

impl Ingress {
    /// Registers host `h` at every balancer that targets its tier; `healthy` skips the initial
    /// checks (a blue/green fleet already checked by its own target group).
    pub fn register(&mut self, h: usize, healthy: bool) {
        for lb in &mut self.lbs {
            for t in lb.targets.iter_mut().filter(|t| t.host as usize == h) {
                if t.registered && t.check.healthy {
                    lb.healthy -= 1;
                }
                t.registered = true;
                t.check = Check { healthy, ..Check::default() };
                if healthy {
                    lb.healthy += 1;
                }
            }
        }
    }

    /// Balancers stop sending new requests to host `h`.
    pub fn deregister(&mut self, h: usize) {
        for lb in &mut self.lbs {
            for t in lb.targets.iter_mut().filter(|t| t.host as usize == h) {
                if t.registered && t.check.healthy {
                    lb.healthy -= 1;
                }
                t.registered = false;
                t.check.healthy = false;
                t.check.pending_fail = false;
                t.check.outstanding = false;
            }
        }
    }

    /// The longest deregistration delay of the balancers in front of `h` (0 without one).
    pub fn drain_delay(&self, h: usize) -> Time {
        self.lbs
            .iter()
            .filter(|lb| lb.targets.iter().any(|t| t.host as usize == h))
            .map(|lb| lb.drain_delay)
            .max()
            .unwrap_or(0)
    }

    /// No request on its way to or from host `h` through a balancer.
    pub fn none_active(&self, h: usize) -> bool {
        self.lbs.iter().all(|lb| lb.targets.iter().all(|t| t.host as usize != h || t.active == 0))
    }
}
