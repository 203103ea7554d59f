//! Browser adapters: storage, files, compression and the `<canvas>` and `Math` APIs, so the
//! components above name what they need and not how the browser does it.

pub mod deflate;
pub mod draw;
pub mod file_io;
pub(in crate::ui) mod math;
pub mod persist;
mod persist_json;
pub mod sweep_pool;
pub mod sweep_worker;
