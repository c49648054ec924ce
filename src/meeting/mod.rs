//! The meeting as it runs: the plan, the agenda, where we are in it, how
//! long each section has taken, and what is on screen. Changed only by
//! `update`; drawn by the screens.

pub mod clock;
pub mod update;

use crate::agenda::{Section, sections};
use crate::plan::derive::{Derived, derive};
use crate::plan::model::{AgendaName, Plan};

pub use clock::Clock;
pub use update::{Action, Effect, update};

/// A window drawn over the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    /// The agenda, to jump to a section; `selected` is the highlighted row.
    Agenda {
        selected: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Meeting {
    /// The whole plan, internal items included.
    pub plan: Plan,
    pub derived: Derived,
    /// The plan without `visible = false` items, for the shared screen.
    pub public_plan: Plan,
    pub public_derived: Derived,
    pub agenda: AgendaName,
    pub sections: Vec<Section>,
    pub current: usize,
    /// Which question of `listen` is on screen, or which row elsewhere.
    pub selected: usize,
    /// Presenting: private notes and internal items are not drawn at all.
    pub presenting: bool,
    pub overlay: Overlay,
    pub clock: Clock,
}

impl Meeting {
    pub fn new(plan: Plan, agenda: AgendaName, clock: Clock, presenting: bool) -> Self {
        let sections = sections(&plan, agenda);
        Meeting::with_sections(plan, agenda, sections, clock, presenting)
    }

    /// A meeting over explicit sections (tests and previews use this).
    pub fn with_sections(
        plan: Plan,
        agenda: AgendaName,
        sections: Vec<Section>,
        mut clock: Clock,
        presenting: bool,
    ) -> Self {
        clock.start(sections.len());
        let public_plan = public_only(&plan);
        Meeting {
            derived: derive(&plan),
            public_derived: derive(&public_plan),
            public_plan,
            plan,
            agenda,
            sections,
            current: 0,
            selected: 0,
            presenting,
            overlay: Overlay::None,
            clock,
        }
    }

    pub fn section(&self) -> &Section {
        &self.sections[self.current]
    }

    /// The plan as the screen may show it now.
    pub fn shown_plan(&self) -> &Plan {
        if self.presenting {
            &self.public_plan
        } else {
            &self.plan
        }
    }

    pub fn shown_derived(&self) -> &Derived {
        if self.presenting {
            &self.public_derived
        } else {
            &self.derived
        }
    }

    /// Minutes the whole agenda plans for.
    pub fn planned_minutes(&self) -> u32 {
        self.sections.iter().map(|s| s.minutes).sum()
    }
}

/// The plan with every internal (`visible = false`) item removed, so that
/// nothing internal can reach a shared screen, not even through a colour.
pub fn public_only(plan: &Plan) -> Plan {
    let mut public = plan.clone();
    public.issues.retain(|i| i.visible);
    public.risks.retain(|r| r.visible);
    public.milestones.retain(|m| m.visible);
    public
}
