//! The `archlab` command's pieces that tests drive directly: today the parallel sweep
//! ([`sweep`]). `main.rs` only parses the command line and prints.

pub mod sweep;
