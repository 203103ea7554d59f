//! Per-frame drawing, from a component: [`use_painter`] registers a painter with the root's
//! registry (`state/painters.rs`) for as long as the component is mounted.

use yew::prelude::*;

use crate::ui::state::lab::Lab;
use crate::ui::state::painters::PaintCtx;

/// Registers `paint` for as long as the calling component is mounted (or until `deps`
/// change, when the painter built from the new deps replaces it).
#[hook]
pub fn use_painter<D, M, F>(lab: &Lab, deps: D, make: M)
where
    D: PartialEq + 'static,
    M: FnOnce(&D) -> F + 'static,
    F: FnMut(&PaintCtx) + 'static,
{
    let painters = lab.painters.clone();
    use_effect_with(deps, move |deps| {
        let id = painters.borrow_mut().add(Box::new(make(deps)));
        move || painters.borrow_mut().remove(id)
    });
}
