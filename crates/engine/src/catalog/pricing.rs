//! What a design costs: on-demand hourly prices per region, and the bill of a scenario.
//!
//! Sources (Linux/MySQL on-demand list prices in USD, as published on the AWS pricing pages
//! <https://aws.amazon.com/ec2/pricing/on-demand/>, <https://aws.amazon.com/rds/mysql/pricing/>,
//! <https://aws.amazon.com/elasticloadbalancing/pricing/>, <https://aws.amazon.com/route53/pricing/>
//! and <https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer>), as of 2024-11. They
//! were written down from those pages, not fetched by this build (which has no network), and
//! prices change: the lab teaches proportions (what a second zone costs), not a quote.
//!
//! Model: app servers are general-purpose `m5` instances, databases `db.m5` instances; both
//! families price linearly in vCPUs, so a size is "the smallest size with at least the
//! requested vCPUs". A multi-AZ database is a primary plus a standby of the same class, so it
//! costs twice a single-AZ one, as RDS Multi-AZ does. A database hosted on an app server (the
//! book's single server) costs nothing extra. Load balancers have an hourly charge (capacity
//! units are left out); a DNS service is one hosted zone.

use crate::model::{Component, DbRole, Kind, Scenario};

/// Hours in a billing month, as AWS counts them.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// vCPU counts of the m5 / db.m5 sizes (large, xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge,
/// 16xlarge, 24xlarge).
pub const SIZES_VCPU: [u32; 8] = [2, 4, 8, 16, 32, 48, 64, 96];
const SIZE_NAMES: [&str; 8] =
    ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"];

/// Prices of one region, USD.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionPrices {
    pub region: &'static str,
    /// m5.large (2 vCPU) per hour.
    pub m5_large_hour: f64,
    /// db.m5.large (2 vCPU) MySQL single-AZ per hour.
    pub db_m5_large_hour: f64,
    /// Application load balancer (L7) per hour.
    pub alb_hour: f64,
    /// Network load balancer (L4) per hour.
    pub nlb_hour: f64,
    /// Data sent from this region to another region, per GB.
    pub inter_region_gb: f64,
}

/// The table, one row per catalog region.
pub const PRICES: &[RegionPrices] = &[
    RegionPrices {
        region: "ap-northeast-2",
        m5_large_hour: 0.118,
        db_m5_large_hour: 0.236,
        alb_hour: 0.0225,
        nlb_hour: 0.0225,
        inter_region_gb: 0.080,
    },
    RegionPrices {
        region: "ap-northeast-1",
        m5_large_hour: 0.124,
        db_m5_large_hour: 0.235,
        alb_hour: 0.0243,
        nlb_hour: 0.0243,
        inter_region_gb: 0.090,
    },
    RegionPrices {
        region: "ap-northeast-3",
        m5_large_hour: 0.124,
        db_m5_large_hour: 0.235,
        alb_hour: 0.0243,
        nlb_hour: 0.0243,
        inter_region_gb: 0.090,
    },
    RegionPrices {
        region: "ap-southeast-1",
        m5_large_hour: 0.120,
        db_m5_large_hour: 0.240,
        alb_hour: 0.0252,
        nlb_hour: 0.0252,
        inter_region_gb: 0.090,
    },
    RegionPrices {
        region: "us-east-1",
        m5_large_hour: 0.096,
        db_m5_large_hour: 0.171,
        alb_hour: 0.0225,
        nlb_hour: 0.0225,
        inter_region_gb: 0.020,
    },
    RegionPrices {
        region: "us-west-2",
        m5_large_hour: 0.096,
        db_m5_large_hour: 0.171,
        alb_hour: 0.0225,
        nlb_hour: 0.0225,
        inter_region_gb: 0.020,
    },
    RegionPrices {
        region: "eu-west-1",
        m5_large_hour: 0.107,
        db_m5_large_hour: 0.190,
        alb_hour: 0.0252,
        nlb_hour: 0.0252,
        inter_region_gb: 0.020,
    },
    RegionPrices {
        region: "eu-central-1",
        m5_large_hour: 0.115,
        db_m5_large_hour: 0.206,
        alb_hour: 0.0270,
        nlb_hour: 0.0270,
        inter_region_gb: 0.020,
    },
];

/// Data crossing between two zones of a region, per GB in each direction.
pub const CROSS_ZONE_GB: f64 = 0.01;
/// One Route 53 hosted zone per month.
pub const DNS_ZONE_MONTH: f64 = 0.50;

/// The prices of a region; unknown codes (ruled out by validation) price as N. Virginia.
pub fn prices(region: &str) -> &'static RegionPrices {
    PRICES.iter().find(|p| p.region == region).unwrap_or(&PRICES[4])
}

/// The smallest size with at least `vcpus` vCPUs: its vCPU count and its name suffix.
pub fn size_for(vcpus: u32) -> (u32, &'static str) {
    let i = SIZES_VCPU.iter().position(|&s| s >= vcpus).unwrap_or(SIZES_VCPU.len() - 1);
    (SIZES_VCPU[i], SIZE_NAMES[i])
}

/// The instance type name shown in the inspector, e.g. "m5.xlarge" or "db.m5.large".
pub fn instance_name(kind: &Kind) -> Option<String> {
    match kind {
        Kind::AppServer(a) => Some(format!("m5.{}", size_for(a.vcpus).1)),
        Kind::Database(d) if d.host.is_none() => Some(format!("db.m5.{}", size_for(d.vcpus).1)),
        _ => None,
    }
}

/// The hourly bill of a design, by part.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cost {
    pub servers_hour: f64,
    pub databases_hour: f64,
    pub load_balancers_hour: f64,
    pub dns_hour: f64,
}

impl Cost {
    pub fn per_hour(&self) -> f64 {
        self.servers_hour + self.databases_hour + self.load_balancers_hour + self.dns_hour
    }
    pub fn per_month(&self) -> f64 {
        self.per_hour() * HOURS_PER_MONTH
    }
}

/// The hourly cost of every component of `s`, with app tiers at `count` servers.
pub fn design_cost(s: &Scenario) -> Cost {
    s.components.iter().map(|c| component_cost(s, c)).fold(Cost::default(), |a, b| Cost {
        servers_hour: a.servers_hour + b.servers_hour,
        databases_hour: a.databases_hour + b.databases_hour,
        load_balancers_hour: a.load_balancers_hour + b.load_balancers_hour,
        dns_hour: a.dns_hour + b.dns_hour,
    })
}

/// The hourly cost of one component of `s` in its region (the inspector shows it), with an
/// app tier at `count` servers.
pub fn component_cost(s: &Scenario, c: &Component) -> Cost {
    let mut cost = Cost::default();
    let p = prices(&c.place.region);
    match &c.kind {
        Kind::AppServer(a) => {
            let (v, _) = size_for(a.vcpus);
            cost.servers_hour += a.count as f64 * p.m5_large_hour * v as f64 / 2.0;
        }
        Kind::Database(d) if d.host.is_none() => {
            // A standby is billed at its primary's class: Multi-AZ doubles the primary.
            let class_vcpus = match (d.role, &d.primary) {
                (DbRole::Standby, Some(pid)) => match s.component(pid).map(|c| &c.kind) {
                    Some(Kind::Database(primary)) => primary.vcpus,
                    _ => d.vcpus,
                },
                _ => d.vcpus,
            };
            let (v, _) = size_for(class_vcpus);
            cost.databases_hour += p.db_m5_large_hour * v as f64 / 2.0;
        }
        Kind::LoadBalancer(lb) => {
            cost.load_balancers_hour += match lb.layer {
                crate::model::LbLayer::L7 => p.alb_hour,
                crate::model::LbLayer::L4 => p.nlb_hour,
            }
        }
        Kind::Dns(_) => cost.dns_hour += DNS_ZONE_MONTH / HOURS_PER_MONTH,
        _ => {}
    }
    cost
}
