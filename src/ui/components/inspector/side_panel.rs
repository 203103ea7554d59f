//! The right-hand panel: tabs for inspecting the selection, breaking things, operating the
//! service (deployments and alarms), and lessons.
//!
//! One panel with tabs rather than three stacked ones, so each keeps readable width on a
//! 1280×720 projector.

use yew::prelude::*;

use crate::ui::class::class_list;

use super::fault_buttons::fault_buttons;
use crate::i18n::{t, Key};
use crate::ui::components::chaos::pairs::use_pair_form;
use crate::ui::components::chaos::{chaos_panel, use_journal};
use crate::ui::components::curve::{curve_panel, CurveHandle};
use crate::ui::components::dashboard::insights::{insights, History};
use crate::ui::components::inspector::inspector;
use crate::ui::components::lessons::{lesson_panel, LessonsContext, PanelTab};
use crate::ui::components::operate::alarms::use_alarms_state;
use crate::ui::components::operate::deploys::use_deploys_state;
use crate::ui::components::operate::operate_panel;
use crate::ui::components::run::timeline::{timeline, use_timeline_form};
use crate::ui::state::lab::{use_lab, use_tick};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Inspect,
    Break,
    Operate,
    Curve,
    Learn,
}

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    /// Index of the selected component in the scenario, for the detail panel.
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
    pub lessons: LessonsContext,
    /// The Curve tab's state, held by the root (its pinned curve goes into share links).
    pub curve: CurveHandle,
}

#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let lab = &use_lab();
    // The readings, the chaos panel and the lesson's check show the run: they follow the beat.
    use_tick();
    let editor = &lab.editor;
    let lang = lab.lang;
    let lessons = &props.lessons;
    // A first visit opens on the lessons (lesson 1, "start here"); otherwise on the selection.
    let first = lessons.first_visit;
    let tab = use_state(|| if first { Tab::Learn } else { Tab::Inspect });
    let history = use_mut_ref(History::default);
    let fault_message = use_state(|| None);
    let journal = use_journal();
    // The chaos panel's, the timeline's, the deployments' and the alarms' forms; they keep their values while another tab shows.
    let pair_form = use_pair_form();
    let timeline_form = use_timeline_form();
    let deploys = use_deploys_state(editor.scenario());
    let alarms = use_alarms_state(editor);
    let curve = &props.curve;
    {
        // A pinned curve that came with the link (or was refused) shows its tab.
        let tab = tab.clone();
        use_effect_with(curve.state.linked, move |&n| {
            if n > 0 {
                tab.set(Tab::Curve);
            }
        });
    }
    {
        // A preset picked from the top bar brings its lesson into view; presentation mode's
        // keys bring the chaos panel or the inspector.
        let tab = tab.clone();
        use_effect_with(lessons.shown, move |&(n, which)| {
            if n > 0 {
                tab.set(match which {
                    PanelTab::Inspect => Tab::Inspect,
                    PanelTab::Chaos => Tab::Break,
                    PanelTab::Lessons => Tab::Learn,
                });
            }
        });
    }
    {
        // Clicking a component shows its properties, whatever tab was open (after a preset
        // the panel was on Lessons, and a click showed nothing to edit). Only a change of the
        // selection switches: the panel does not jump back while the same component stays
        // selected.
        let tab = tab.clone();
        let selection = editor.selected().to_vec();
        let seen = use_mut_ref(|| selection.clone());
        use_effect_with(selection, move |selection| {
            let changed = *seen.borrow() != *selection;
            if changed {
                seen.borrow_mut().clone_from(selection);
                if !selection.is_empty() {
                    tab.set(Tab::Inspect);
                }
            }
        });
    }
    let button = |which: Tab, key: Key, testid: &'static str| {
        let (tab, fault_message) = (tab.clone(), fault_message.clone());
        let selected = *tab == which;
        html! {
            <button role="tab" aria-selected={selected.to_string()} data-testid={testid}
                class={class_list("tab", &[selected.then_some("active")])}
                onclick={Callback::from(move |_| {
                    // The last refusal goes with the buttons that showed it.
                    fault_message.set(None);
                    tab.set(which);
                })}>{ t(lang, key) }</button>
        }
    };
    let selected_id = editor.selected().first().cloned();
    if *tab != Tab::Inspect {
        // As if the readings were unmounted: shares start afresh when they show again.
        history.borrow_mut().clear();
    }
    html! {
        <aside class="side">
            <div class="tabs" role="tablist">
                { button(Tab::Inspect, Key::Inspector, "tab-inspect") }
                { button(Tab::Break, Key::Chaos, "tab-chaos") }
                { button(Tab::Operate, Key::TabOperate, "tab-operate") }
                { button(Tab::Curve, Key::TabCurve, "tab-curve") }
                { button(Tab::Learn, Key::Lessons, "tab-lessons") }
            </div>
            if *tab == Tab::Inspect {
                <div class="tab-body" role="tabpanel">
                    { inspector(lang, editor) }
                    if let Some(id) = selected_id {
                        { fault_buttons(lang, lab, &journal, &id, &fault_message) }
                    }
                    { insights(lab, &history, props.selected, &props.on_select) }
                </div>
            } else if *tab == Tab::Break {
                <div class="tab-body" role="tabpanel">
                    { timeline(lang, editor, lab, &timeline_form) }
                    { chaos_panel(lang, lab, &journal, &fault_message, &pair_form) }
                </div>
            } else if *tab == Tab::Operate {
                <div class="tab-body" role="tabpanel">{ operate_panel(lang, editor, lab, &deploys, &alarms) }</div>
            } else if *tab == Tab::Curve {
                <div class="tab-body" role="tabpanel">{ curve_panel(lang, curve, editor, lab) }</div>
            } else {
                <div class="tab-body" role="tabpanel">{ lesson_panel(lang, lessons, curve) }</div>
            }
        </aside>
    }
}
