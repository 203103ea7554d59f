//! One stable sort for the whole crate.
//!
//! Every `sort_by` on a new element type or with a new closure makes its own copy of std's
//! driftsort (≈ 4 KB of wasm each; eight copies were 35 KB before wasm-opt). The places that
//! sort here are small lists in the UI and the editor, so they all sort indices through the one
//! function below and then move their elements into that order. It is a merge sort written
//! here: std's `sort_unstable_by` on the indices still brought its quicksort, heapsort and
//! small-sort code (1.7 KB of the gzipped wasm, issue 4); the test holds it to std's order.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives them; equal ones keep their order (stable).
pub fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    // Bottom-up merge sort: stable, O(n log n), a few hundred bytes of wasm.
    let mut order: Vec<usize> = (0..n).collect();
    let mut buf = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut buf[lo..hi] {
                if i < mid && (j >= hi || cmp(order[j], order[i]) != Ordering::Less) {
                    *slot = order[i];
                    i += 1;
                } else {
                    *slot = order[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut order, &mut buf);
        width *= 2;
    }
    order
}

/// Sorts `v` by `cmp`, stably, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_std() {
        let mut rng = 12345u64;
        for len in [0usize, 1, 2, 3, 10, 33, 200] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((rng >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items;
            std_sorted.sort_by_key(|a| a.0);
            assert_eq!(ours, std_sorted, "len {len}");
        }
    }
}
