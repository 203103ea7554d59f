//! The engine against queueing theory: one integration test binary.
//!
//! Each case builds a scenario equivalent to a textbook model (`build`), runs it over
//! independent seeds after a warm-up (`measure`), and asserts that the closed form (`theory`)
//! lies in a 99% Student-t confidence interval of the per-seed estimates and that the interval
//! is narrow enough to mean something (`stats`). Run with `--nocapture` to see every estimate
//! beside its theory value. Derivations of every tolerance sit next to it.
//!
//! `cargo test --test queueing` (the test profile is optimised: these runs push tens of
//! millions of events).

mod queueing {
    mod accounting;
    mod build;
    mod links;
    mod little;
    mod measure;
    mod mm1;
    mod mmc;
    mod mmck;
    mod overload;
    mod stats;
    mod tandem;
    mod theory;
}
