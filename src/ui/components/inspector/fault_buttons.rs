//! Kill / Revive for one component, for the inspector or a context menu: the same row as in
//! the chaos panel, applied now to the running lab.
//!
//! A plain function of the side panel, not a component: the panel holds the outcome of the
//! last click (the chaos panel's [`FaultMessage`]), which names the component it was about, and
//! the journal of this run's clicks.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::{FaultAction, Target};
use crate::ui::components::chaos::targets::Journal;
use crate::ui::components::chaos::{fault_row, inject_now, FaultMessage, Injected, LiveFaults};
use crate::ui::state::lab::Lab;

/// The buttons of component `id` (its id in the running scenario).
pub fn fault_buttons(
    lang: Lang,
    lab: &Lab,
    journal: &Rc<RefCell<Journal>>,
    id: &str,
    message: &FaultMessage,
) -> Html {
    let journal = journal.clone();
    let live = LiveFaults::read(&lab.runtime, &journal);
    // A component just added in the editor is not running until the edit reaches the lab.
    if live.scenario.component(id).is_none() {
        return html! {};
    }
    let on = {
        let runtime = lab.runtime.clone();
        let message = message.clone();
        Callback::from(move |action: FaultAction| {
            message.set(Some(inject_now(&runtime, &journal, action)));
        })
    };
    let target = Target::Component { id: id.to_string() };
    let about = |m: &Injected| match &m.action {
        FaultAction::Kill { target: t } | FaultAction::Revive { target: t } => *t == target,
        _ => false,
    };
    let refused = message.as_ref().filter(|m| about(m) && m.refused.is_some());
    html! {
        <div class="fault-buttons" data-testid="fault-buttons">
            <ul class="chaos-list">{ fault_row(lang, &target, live.health(&target), None, &on) }</ul>
            if let Some(m) = refused {
                <p class="chaos-msg bad" role="status">{ m.words(lang) }</p>
            }
        </div>
    }
}
