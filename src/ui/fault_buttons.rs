//! Kill / Revive for one component, for the inspector or a context menu: the same row as in
//! the chaos panel, applied now to the running lab.

use yew::prelude::*;

use super::chaos::{fault_row, inject_now, Injected, LiveFaults};
use super::shared::Shared;
use crate::i18n::Lang;
use crate::model::{FaultAction, Target};

#[derive(Properties, PartialEq)]
pub struct FaultButtonsProps {
    /// The component's id in the running scenario.
    pub id: AttrValue,
    #[prop_or_default]
    pub lang: Lang,
}

#[component]
pub fn FaultButtons(props: &FaultButtonsProps) -> Html {
    let lang = props.lang;
    let shared = use_context::<Shared>().expect("FaultButtons needs the Shared context");
    let journal = shared.journal.clone();
    let message = use_state(|| None::<Injected>);
    let live = LiveFaults::read(&shared.runtime, &journal);
    // A component just added in the editor is not running until the edit reaches the lab.
    if live.scenario.component(&props.id).is_none() {
        return html! {};
    }
    let on = {
        let runtime = shared.runtime.clone();
        let message = message.clone();
        Callback::from(move |action: FaultAction| {
            message.set(Some(inject_now(&runtime, &journal, action)));
        })
    };
    let target = Target::Component { id: props.id.to_string() };
    html! {
        <div class="fault-buttons" data-testid="fault-buttons">
            <ul class="chaos-list">{ fault_row(lang, &target, live.health(&target), None, &on) }</ul>
            if let Some(m) = message.as_ref().filter(|m| m.refused.is_some()) {
                <p class="chaos-msg bad" role="status">{ m.words(lang) }</p>
            }
        </div>
    }
}
