//! The `archlab` command's pieces that tests drive directly: the parallel sweep ([`sweep`]),
//! a diagnosed run ([`run`]) and the diagnosis's JSON ([`bottleneck`]). `main.rs` only parses
//! the command line and prints.

pub mod bottleneck;
pub mod run;
pub mod sweep;
