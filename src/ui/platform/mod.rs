//! Browser adapters: storage, files, compression, form fields and the `<canvas>` and `Math`
//! APIs, so the layers above name what they need and not how the browser does it; and the
//! banner's message (`notice.rs`), which is what the storage and link door reports. The lowest
//! layer of `src/ui`: it names nothing else of the app.

pub mod deflate;
pub mod draw;
pub mod fields;
pub mod file_io;
pub(in crate::ui) mod math;
pub mod notice;
pub mod persist;
mod persist_json;
pub mod sweep_pool;
pub mod sweep_worker;
