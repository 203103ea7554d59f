//! The few transcendental functions the drawing and the sliders need, from the browser's
//! `Math` in the wasm build. Rust's own (compiler-builtins' libm) would add about 10 KB raw to
//! the wasm for a pulse, an axis and a slider (issue 4's bundle budget); none of these results
//! reaches the engine, so the last bits may differ from native. Native builds (the tests) use
//! std's.

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::Math;
    pub fn sin(x: f64) -> f64 {
        Math::sin(x)
    }
    pub fn exp(x: f64) -> f64 {
        Math::exp(x)
    }
    pub fn log10(x: f64) -> f64 {
        Math::log10(x)
    }
    pub fn pow(x: f64, y: f64) -> f64 {
        Math::pow(x, y)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
}

pub use imp::{exp, log10, pow, sin};
