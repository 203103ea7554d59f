//! The real cloud regions a user can add to the canvas: the codes a scenario may name (checked
//! by validation) with their names and zones. Re-exported by `catalog` beside the latencies
//! and prices measured between them.

/// A region as the catalog knows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionInfo {
    /// The provider's code, e.g. "ap-northeast-2".
    pub code: &'static str,
    /// English and Korean display names.
    pub name_en: &'static str,
    pub name_ko: &'static str,
    /// Availability zones a new region comes with on the canvas.
    pub zones: &'static [&'static str],
}

/// Regions in the order the palette lists them: the book's home (Seoul) first.
pub const REGIONS: &[RegionInfo] = &[
    RegionInfo { code: "ap-northeast-2", name_en: "Seoul", name_ko: "서울", zones: &["a", "b", "c"] },
    RegionInfo { code: "ap-northeast-1", name_en: "Tokyo", name_ko: "도쿄", zones: &["a", "c", "d"] },
    RegionInfo { code: "ap-northeast-3", name_en: "Osaka", name_ko: "오사카", zones: &["a", "b", "c"] },
    RegionInfo {
        code: "ap-southeast-1", name_en: "Singapore", name_ko: "싱가포르", zones: &["a", "b", "c"]
    },
    RegionInfo {
        code: "us-east-1",
        name_en: "N. Virginia",
        name_ko: "버지니아 북부",
        zones: &["a", "b", "c"],
    },
    RegionInfo { code: "us-west-2", name_en: "Oregon", name_ko: "오레곤", zones: &["a", "b", "c"] },
    RegionInfo { code: "eu-west-1", name_en: "Ireland", name_ko: "아일랜드", zones: &["a", "b", "c"] },
    RegionInfo {
        code: "eu-central-1",
        name_en: "Frankfurt",
        name_ko: "프랑크푸르트",
        zones: &["a", "b", "c"],
    },
];

/// Looks a region up by code.
pub fn region(code: &str) -> Option<&'static RegionInfo> {
    REGIONS.iter().find(|r| r.code == code)
}
