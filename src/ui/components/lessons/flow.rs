//! The lessons' state without the DOM: which lesson and which step of it is shown, which
//! lessons were passed (and how that is stored), what a key does in presentation mode, and
//! when the first fault of a run happened. Pure, so `tests/lessons_ui.rs` drives it natively.

use serde_json::Value;

use crate::catalog::{lesson_shape, LessonId, LessonShape, LessonText, PRESETS};
use crate::engine::{LogEntry, LogKind};

/// Local-storage key of [`Progress`]; the version is in the name so a future format can live
/// next to this one instead of misreading it.
pub const PROGRESS_KEY: &str = "archlab.progress.v1";
/// Longest stored progress text read back; anything longer is not ours.
const MAX_PROGRESS_LEN: usize = 4096;

/// One screen of a lesson in presentation mode, in the order a class goes through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    Intro,
    Notice,
    /// Step `i` of the lesson's "try this" list.
    Step(usize),
    Task,
}

/// The slides of a lesson: the intro, what to notice (when there is anything), each step, the task.
pub fn slides(text: &LessonText) -> Vec<Slide> {
    slides_of(LessonShape { notice: text.notice.len(), steps: text.steps.len() })
}

/// The slides of a lesson of this shape, known before its words are in (the wasm fetches them).
pub fn slides_of(shape: LessonShape) -> Vec<Slide> {
    let mut out = vec![Slide::Intro];
    if shape.notice > 0 {
        out.push(Slide::Notice);
    }
    out.extend((0..shape.steps).map(Slide::Step));
    out.push(Slide::Task);
    out
}

/// The lesson of the preset a page address asks for (`?preset=ID`), as the Presets menu
/// selects it when the preset is picked there.
pub fn lesson_of_search(search: &str) -> Option<usize> {
    let id = search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("preset="))?;
    let p = PRESETS.iter().find(|p| p.id == id)?;
    LessonId::ALL.iter().position(|&l| l == p.lesson)
}

/// The number of slides of lesson `i`. Both languages have the compiled shape (tested), so the
/// position survives a language switch and needs no text.
pub fn slide_count(i: usize) -> usize {
    LessonId::ALL.get(i).map_or(1, |&id| slides_of(lesson_shape(id)).len())
}

/// A set of lessons as one bit per lesson, iterated in the lessons' order (what a
/// `BTreeSet<LessonId>` gave, without a B-tree instantiation in the wasm: issue 4's budget).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LessonSet(u32);

impl LessonSet {
    fn bit(id: LessonId) -> u32 {
        1 << id as u32
    }
    /// Adds `id`; true if it was not there yet.
    pub fn insert(&mut self, id: LessonId) -> bool {
        let fresh = !self.contains(&id);
        self.0 |= Self::bit(id);
        fresh
    }
    pub fn contains(&self, id: &LessonId) -> bool {
        self.0 & Self::bit(*id) != 0
    }
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    pub fn iter(&self) -> impl Iterator<Item = LessonId> + '_ {
        LessonId::ALL.into_iter().filter(|id| self.contains(id))
    }
}

impl FromIterator<LessonId> for LessonSet {
    fn from_iter<I: IntoIterator<Item = LessonId>>(ids: I) -> Self {
        let mut set = LessonSet::default();
        ids.into_iter().for_each(|id| {
            set.insert(id);
        });
        set
    }
}

/// Lessons passed so far; stored as the lessons' slugs so reordering lessons keeps progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub passed: LessonSet,
    /// The lesson last open, so a student comes back to it.
    pub current: Option<LessonId>,
}

impl Progress {
    pub fn to_storage(&self) -> String {
        // `{"passed":[…],"current":…}`, as serde's derived writer wrote it before.
        let passed: Vec<&str> = self.passed.iter().map(|l| l.slug()).collect();
        let current = self.current.map(|l| l.slug());
        let (passed, current) = (Value::from(passed).to_string(), Value::from(current).to_string());
        format!("{{\"passed\":{passed},\"current\":{current}}}")
    }

    /// Reads stored progress. Unknown lessons are dropped and anything unreadable reads as no
    /// progress: storage is another program's data as far as we know.
    pub fn from_storage(raw: &str) -> Progress {
        if raw.len() > MAX_PROGRESS_LEN {
            return Progress::default();
        }
        stored(raw).unwrap_or_default()
    }
}

/// What the lesson panel and presentation mode show, and what they change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonsState {
    /// Index into [`LessonId::ALL`].
    pub lesson: usize,
    /// Index into the lesson's [`slides`].
    pub slide: usize,
    pub progress: Progress,
    pub presenting: bool,
    pub timeline: bool,
}

/// A change of [`LessonsState`].
#[derive(Clone, Debug, PartialEq)]
pub enum LessonsAction {
    Select(usize),
    /// One slide on; past the task, the next lesson's intro.
    Next,
    /// One slide back; before the intro, the previous lesson's task.
    Prev,
    Passed(LessonId),
    Present(bool),
    ToggleTimeline,
}

impl LessonsState {
    /// Starts at the stored current lesson, on its first slide.
    pub fn new(progress: Progress) -> Self {
        let lesson = progress.current.and_then(|c| LessonId::ALL.iter().position(|&l| l == c)).unwrap_or(0);
        LessonsState { lesson, slide: 0, progress, presenting: false, timeline: false }
    }

    pub fn id(&self) -> LessonId {
        LessonId::ALL[self.lesson.min(LessonId::ALL.len() - 1)]
    }

    /// The new state, and whether the lesson changed by stepping (so its design should load).
    pub fn apply(&self, action: LessonsAction) -> (LessonsState, bool) {
        let mut s = self.clone();
        let last = LessonId::ALL.len() - 1;
        let mut crossed = false;
        match action {
            LessonsAction::Select(i) => {
                s.lesson = i.min(last);
                s.slide = 0;
            }
            LessonsAction::Next => {
                if s.slide + 1 < slide_count(s.lesson) {
                    s.slide += 1;
                } else if s.lesson < last {
                    s.lesson += 1;
                    s.slide = 0;
                    crossed = true;
                }
            }
            LessonsAction::Prev => {
                if s.slide > 0 {
                    s.slide -= 1;
                } else if s.lesson > 0 {
                    s.lesson -= 1;
                    s.slide = slide_count(s.lesson) - 1;
                    crossed = true;
                }
            }
            LessonsAction::Passed(id) => {
                s.progress.passed.insert(id);
            }
            LessonsAction::Present(on) => s.presenting = on,
            LessonsAction::ToggleTimeline => s.timeline = !s.timeline,
        }
        s.progress.current = Some(s.id());
        (s, crossed)
    }
}

/// What a key does in presentation mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Next,
    Prev,
    PlayPause,
    InjectFailure,
    ToggleTimeline,
    /// Shows the side panel on the chaos tab (lesson 5: "open the chaos panel").
    Chaos,
    /// Shows the side panel on the inspector (a lesson's "set processes to 1").
    Edit,
    /// Selects the next component (with Shift, the previous one) and shows its properties:
    /// the keyboard's way to pick what a step edits.
    SelectNext(bool),
    /// The share link's QR code, full screen, for the class to scan.
    Qr,
    /// Closes the side panel if it is shown, else leaves presentation mode.
    Leave,
}

/// The command of a `KeyboardEvent.key` in presentation mode. Keys with Ctrl, Alt or Meta
/// belong to the browser and the editor, so they give nothing.
pub fn presentation_command(key: &str, ctrl_alt_meta: bool) -> Option<Command> {
    if ctrl_alt_meta {
        return None;
    }
    Some(match key {
        "ArrowRight" | "PageDown" => Command::Next,
        "ArrowLeft" | "PageUp" => Command::Prev,
        " " | "Spacebar" => Command::PlayPause,
        "f" | "F" => Command::InjectFailure,
        "t" | "T" => Command::ToggleTimeline,
        "b" | "B" => Command::Chaos,
        "e" | "E" => Command::Edit,
        "s" => Command::SelectNext(true),
        "S" => Command::SelectNext(false),
        "q" | "Q" => Command::Qr,
        "Escape" => Command::Leave,
        _ => return None,
    })
}

/// The component to select after `selected` in `ids` (scenario order), going `forward` or
/// back and wrapping around; the first (or last) when nothing is selected.
pub fn next_selection<'a>(ids: &[&'a str], selected: &[String], forward: bool) -> Option<&'a str> {
    let n = ids.len();
    if n == 0 {
        return None;
    }
    let at = selected.first().and_then(|s| ids.iter().position(|id| id == s));
    let i = match (at, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    Some(ids[i])
}

/// Remembers when the run's first fault happened. The engine's log is bounded and drops its
/// oldest half when full, so the time is kept once seen; a run that went back in time (a
/// reset, a new design) starts over.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FaultClock {
    first_s: Option<f64>,
    last_now_s: f64,
}

impl FaultClock {
    /// Updates from the log at simulated time `now_s`; returns the first fault's time.
    pub fn observe(&mut self, now_s: f64, log: &[LogEntry]) -> Option<f64> {
        if now_s < self.last_now_s {
            self.first_s = None;
        }
        self.last_now_s = now_s;
        let seen = log
            .iter()
            .find(|e| matches!(e.kind, LogKind::FaultInjected { .. }))
            .map(|e| crate::engine::to_secs(e.time));
        self.first_s = match (self.first_s, seen) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.first_s
    }
}

/// A `class` attribute with `name` added or removed, leaving the other classes as they were.
pub fn with_class(classes: &str, name: &str, on: bool) -> String {
    let mut out: Vec<&str> = classes.split_whitespace().filter(|c| *c != name).collect();
    if on {
        out.push(name);
    }
    out.join(" ")
}

/// The stored lists, read as serde's derived reader read them: `passed` (strings) required,
/// `current` (a string or null) optional, other fields ignored, or the array
/// `[passed, current]`. Anything else is not progress.
fn stored(raw: &str) -> Option<Progress> {
    let v: Value = serde_json::from_str(raw).ok()?;
    let (passed, current) = match &v {
        Value::Object(m) => (m.get("passed")?, m.get("current")),
        Value::Array(a) if !a.is_empty() && a.len() <= 2 => (&a[0], a.get(1)),
        _ => return None,
    };
    let passed = passed.as_array()?.iter().map(Value::as_str).collect::<Option<Vec<&str>>>()?;
    let current = match current {
        None | Some(Value::Null) => None,
        Some(c) => Some(c.as_str()?),
    };
    Some(Progress {
        passed: passed.into_iter().filter_map(LessonId::from_slug).collect(),
        current: current.and_then(LessonId::from_slug),
    })
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    /// The derived record `stored` replaces, kept here to check it against.
    #[derive(Serialize, Deserialize)]
    struct Old {
        passed: Vec<String>,
        #[serde(default)]
        current: Option<String>,
    }

    #[test]
    fn progress_reads_and_writes_as_the_derived_code_did() {
        let p = Progress {
            passed: [LessonId::MultiAz, LessonId::SingleServer].into_iter().collect(),
            current: Some(LessonId::ZoneOutage),
        };
        let old = |p: &Progress| Old {
            passed: p.passed.iter().map(|l| l.slug().to_string()).collect(),
            current: p.current.map(|l| l.slug().to_string()),
        };
        assert_eq!(p.to_storage(), serde_json::to_string(&old(&p)).unwrap());
        assert_eq!(
            Progress::default().to_storage(),
            serde_json::to_string(&old(&Progress::default())).unwrap()
        );
        for raw in [
            r#"{"passed":["single-server","multi-az"],"current":"lb-spof"}"#,
            r#"{"passed":["single-server"],"current":null,"x":1}"#,
            r#"{"passed":["single-server"]}"#,
            r#"[["single-server"],"lb-spof"]"#,
            r#"[["single-server"]]"#,
            r#"[["single-server"],"lb-spof",3]"#,
            r#"[]"#,
            r#"{"passed":["single-server"],"current":7}"#,
            r#"{"passed":[7]}"#,
            r#"{"current":"lb-spof"}"#,
            "null",
        ] {
            let derived = serde_json::from_str::<Old>(raw).ok().map(|o| Progress {
                passed: o.passed.iter().filter_map(|s| LessonId::from_slug(s)).collect(),
                current: o.current.as_deref().and_then(LessonId::from_slug),
            });
            assert_eq!(stored(raw), derived, "{raw}");
        }
    }
}
