//! The browser entry point: mounts the app. Everything else lives in the library.

fn main() {
    archlab::ui::start();
}
