//! The browser entry point: mounts the app. Everything else lives in the library.

/// Talc instead of std's dlmalloc: 2.6 KB less gzipped wasm (issue 4's bundle budget). The page
/// is single-threaded, which is what `TalckWasm`'s lock assumes.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    archlab::ui::start();
}
