//! Editing the operating parts of a scenario: alarms and deployments.
//!
//! The forms (`operate_forms.rs`) turn typed text into model data; the operations here save it
//! through [`Editor::edit`], so each is one undo step and the model's validation still has the
//! last word on rules between parts (an alarm that scales a tier that is not an auto-scaling
//! group).

use super::{refuse, Editor, Reason, Refusal};
use crate::model::{Alarm, AlarmAction, AlarmMetric, Deployment, Scenario};

/// One edit of the operating parts, as the UI's reducer sends it.
#[derive(Clone, Debug, PartialEq)]
pub enum OperateEdit {
    SaveAlarm { original: Option<String>, alarm: Alarm },
    DeleteAlarm(String),
    SaveDeployment { index: Option<usize>, deployment: Deployment },
    DeleteDeployment(usize),
}

impl OperateEdit {
    pub fn apply(self, ed: &mut Editor) -> Result<(), Refusal> {
        match self {
            OperateEdit::SaveAlarm { original, alarm } => ed.save_alarm(original.as_deref(), alarm),
            OperateEdit::DeleteAlarm(id) => ed.delete_alarm(&id),
            OperateEdit::SaveDeployment { index, deployment } => ed.save_deployment(index, deployment),
            OperateEdit::DeleteDeployment(i) => ed.delete_deployment(i),
        }
    }

    /// Whether this edit would be accepted now, tried on a copy of `s` (a form asks before
    /// sending it, to show a refusal next to its button): the scenario it would give.
    pub fn check(&self, s: &Scenario) -> Result<Scenario, Refusal> {
        let mut ed = Editor::new(s.clone());
        self.clone().apply(&mut ed)?;
        Ok(ed.scenario)
    }
}

impl Editor {
    /// Adds `a` (`original` = None) or replaces the alarm `original`, as one undo step. A
    /// renamed alarm keeps the deployments that roll back on it.
    pub fn save_alarm(&mut self, original: Option<&str>, a: Alarm) -> Result<(), Refusal> {
        self.edit(|s| {
            if s.alarms.iter().any(|x| x.id == a.id && Some(x.id.as_str()) != original) {
                return refuse(Reason::AlarmExists(a.id.clone()));
            }
            match original {
                None => s.alarms.push(a),
                Some(old) => {
                    let Some(slot) = s.alarms.iter_mut().find(|x| x.id == old) else {
                        return refuse(Reason::NoAlarm(old.to_string()));
                    };
                    let new_id = a.id.clone();
                    *slot = a;
                    for d in &mut s.deployments {
                        if d.rollback_on.as_deref() == Some(old) {
                            d.rollback_on = Some(new_id.clone());
                        }
                    }
                }
            }
            Ok(())
        })
    }

    /// Deletes alarm `id`; refused while a deployment rolls back on it (nothing is dropped
    /// silently).
    pub fn delete_alarm(&mut self, id: &str) -> Result<(), Refusal> {
        self.edit(|s| {
            if let Some(i) = s.deployments.iter().position(|d| d.rollback_on.as_deref() == Some(id)) {
                return refuse(Reason::AlarmInUse { deployment: i + 1, alarm: id.to_string() });
            }
            let before = s.alarms.len();
            s.alarms.retain(|a| a.id != id);
            if s.alarms.len() == before {
                return refuse(Reason::NoAlarm(id.to_string()));
            }
            Ok(())
        })
    }

    /// Adds `d` at the end (`index` = None) or replaces deployment `index`, as one undo step.
    pub fn save_deployment(&mut self, index: Option<usize>, d: Deployment) -> Result<(), Refusal> {
        self.edit(|s| {
            match index {
                None => s.deployments.push(d),
                Some(i) => match s.deployments.get_mut(i) {
                    Some(slot) => *slot = d,
                    None => return refuse(Reason::NoDeployment(i + 1)),
                },
            }
            Ok(())
        })
    }

    pub fn delete_deployment(&mut self, index: usize) -> Result<(), Refusal> {
        self.edit(|s| {
            if index >= s.deployments.len() {
                return refuse(Reason::NoDeployment(index + 1));
            }
            s.deployments.remove(index);
            Ok(())
        })
    }
}

/// Follows a renamed component into the deployments and alarms that name it.
pub(crate) fn rename_refs(s: &mut Scenario, old: &str, new: &str) {
    let fix = |r: &mut String| {
        if r == old {
            *r = new.to_string();
        }
    };
    s.deployments.iter_mut().for_each(|d| fix(&mut d.tier));
    for a in &mut s.alarms {
        if let AlarmMetric::CpuPct { component }
        | AlarmMetric::Queue { component }
        | AlarmMetric::Healthy { component } = &mut a.metric
        {
            fix(component);
        }
        if let AlarmAction::ScaleOut { tier, .. } | AlarmAction::ScaleIn { tier, .. } = &mut a.action {
            fix(tier);
        }
    }
}

/// Drops the deployments and alarms that name deleted components (as their faults are), and
/// the rollback alarms that went with them.
pub(crate) fn delete_refs(s: &mut Scenario, gone: &dyn Fn(&str) -> bool) {
    s.deployments.retain(|d| !gone(&d.tier));
    s.alarms.retain(|a| {
        let reads = match &a.metric {
            AlarmMetric::CpuPct { component }
            | AlarmMetric::Queue { component }
            | AlarmMetric::Healthy { component } => gone(component),
            _ => false,
        };
        let scales = match &a.action {
            AlarmAction::ScaleOut { tier, .. } | AlarmAction::ScaleIn { tier, .. } => gone(tier),
            _ => false,
        };
        !reads && !scales
    });
    let alarms: Vec<String> = s.alarms.iter().map(|a| a.id.clone()).collect();
    for d in &mut s.deployments {
        if d.rollback_on.as_ref().is_some_and(|a| !alarms.contains(a)) {
            d.rollback_on = None;
        }
    }
}
