//! The share codec (`archlab::share`): links and files round-trip every valid scenario, golden
//! links of every released version keep decoding, and hostile input gets its specific error.
//!
//! One test binary; each concern is a file under `tests/share/`.

#[path = "share/files.rs"]
mod files;
#[path = "share/gen.rs"]
mod gen;
#[path = "share/golden.rs"]
mod golden;
#[path = "share/hostile.rs"]
mod hostile;
#[path = "share/json_model.rs"]
mod json_model;
#[path = "share/migrate.rs"]
mod migrate;
#[path = "share/mutate.rs"]
mod mutate;
#[path = "share/roundtrip.rs"]
mod roundtrip;
#[path = "share/split.rs"]
mod split;
#[path = "share/stored.rs"]
mod stored;
