//! Round-trip times between placements: same zone < cross-zone < cross-region.
//!
//! Sources:
//! - Inter-region: median round-trip times between AWS regions as published by CloudPing
//!   (cloudping.co, "AWS Latency Monitoring", p50 over the trailing year), rounded to the
//!   millisecond; read 2026. Seoul-Tokyo ~31 ms and Seoul-N. Virginia ~177 ms, for example.
//! - Inside a region: AWS documents "single-digit millisecond" latency between zones and
//!   sub-millisecond inside one; measured medians are about 1 ms across zones and 0.2 ms
//!   within a zone, which are the values used here.

use crate::model::Placement;

/// Round trip between two hosts in the same availability zone.
pub const SAME_ZONE_RTT_MS: f64 = 0.2;
/// Round trip between two zones of one region.
pub const CROSS_ZONE_RTT_MS: f64 = 1.0;
/// Each network crossing takes its one-way time times a uniform factor in [1-J, 1+J].
pub const JITTER: f64 = 0.1;

/// Median inter-region round trips in ms (CloudPing p50), one entry per unordered pair.
const INTER_REGION_RTT_MS: &[(&str, &str, f64)] = &[
    ("ap-northeast-2", "ap-northeast-1", 31.0),
    ("ap-northeast-2", "ap-northeast-3", 25.0),
    ("ap-northeast-2", "ap-southeast-1", 70.0),
    ("ap-northeast-2", "us-east-1", 177.0),
    ("ap-northeast-2", "us-west-2", 125.0),
    ("ap-northeast-2", "eu-west-1", 235.0),
    ("ap-northeast-2", "eu-central-1", 230.0),
    ("ap-northeast-1", "ap-northeast-3", 9.0),
    ("ap-northeast-1", "ap-southeast-1", 69.0),
    ("ap-northeast-1", "us-east-1", 145.0),
    ("ap-northeast-1", "us-west-2", 98.0),
    ("ap-northeast-1", "eu-west-1", 205.0),
    ("ap-northeast-1", "eu-central-1", 225.0),
    ("ap-northeast-3", "ap-southeast-1", 77.0),
    ("ap-northeast-3", "us-east-1", 152.0),
    ("ap-northeast-3", "us-west-2", 105.0),
    ("ap-northeast-3", "eu-west-1", 212.0),
    ("ap-northeast-3", "eu-central-1", 230.0),
    ("ap-southeast-1", "us-east-1", 215.0),
    ("ap-southeast-1", "us-west-2", 165.0),
    ("ap-southeast-1", "eu-west-1", 175.0),
    ("ap-southeast-1", "eu-central-1", 160.0),
    ("us-east-1", "us-west-2", 65.0),
    ("us-east-1", "eu-west-1", 68.0),
    ("us-east-1", "eu-central-1", 90.0),
    ("us-west-2", "eu-west-1", 120.0),
    ("us-west-2", "eu-central-1", 140.0),
    ("eu-west-1", "eu-central-1", 25.0),
];

/// Median round-trip time between two placements, in milliseconds. Unknown region pairs (which
/// validation rules out) get a conservative 250 ms rather than a panic.
pub fn rtt_ms(a: &Placement, b: &Placement) -> f64 {
    if a.region == b.region {
        return if a.zone == b.zone { SAME_ZONE_RTT_MS } else { CROSS_ZONE_RTT_MS };
    }
    INTER_REGION_RTT_MS
        .iter()
        .find(|(x, y, _)| (*x == a.region && *y == b.region) || (*x == b.region && *y == a.region))
        .map_or(250.0, |&(_, _, ms)| ms)
}
