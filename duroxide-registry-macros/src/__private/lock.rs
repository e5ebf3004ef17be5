//! The registry lock: the format of its lines, which `registry_lock()` writes, and the const
//! check that every pinned line is still registered.
//!
//! This is the one definition of the format. The macro reads lock files (it must, to generate a
//! check per line, each under its line's `cfg`), and holds to what [`Line::write`] writes; the
//! example libraries' lock tests compare the two on every run.

use super::companion::{Channel, Info, Infos, Lists};
use std::fmt::Write as _;

/// The first line of every lock `registry_lock()` writes. Lines starting with `#` are comments.
pub const HEADER: &str = "# registry.lock: wire names pinned by registry! \
     (duroxide-registry-macros). Delete a line only once no instance can still run it.\n";

/// The width the kind is padded to, so that names line up: `orchestration` is the longest.
const KIND_WIDTH: usize = 13;

/// What a line pins, in the order the lock lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pinned {
    /// An activity: `activity NAME`.
    Activity,
    /// An orchestration at a version: `orchestration NAME VERSION`.
    Orchestration,
    /// An event an orchestration declares: `event ORCHESTRATION VERSION WIRE`.
    Event,
    /// A queue: `queue ORCHESTRATION VERSION WIRE`.
    Queue,
    /// A KV key: `kv ORCHESTRATION VERSION WIRE`.
    Kv,
}

impl Pinned {
    /// The kind of line that pins a declared item of `channel`.
    #[must_use]
    pub fn of(channel: Channel) -> Pinned {
        match channel {
            Channel::Event => Pinned::Event,
            Channel::Queue => Pinned::Queue,
            Channel::Kv => Pinned::Kv,
        }
    }

    /// The kind's word, which starts the line.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Pinned::Activity => "activity",
            Pinned::Orchestration => "orchestration",
            Pinned::Event => "event",
            Pinned::Queue => "queue",
            Pinned::Kv => "kv",
        }
    }
}

/// One line of a lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Line<'a> {
    /// What it pins.
    pub kind: Pinned,
    /// The full name: the item's, or for an event, queue or KV key, its orchestration's.
    pub name: &'a str,
    /// The version's sort key, which orders versions as semver does.
    pub version_key: &'a [u8],
    /// The version as written; activities have none.
    pub version: &'a str,
    /// The wire name of an event, queue or KV key; empty for the others.
    pub wire: &'a str,
    /// `cfg(...)`, the condition under which the line's entry is compiled; empty without one.
    pub condition: &'a str,
}

impl Line<'_> {
    /// `kind name [version [wire]] [cfg(...)]`, and a newline.
    pub fn write(&self, text: &mut String) {
        // Writing to a `String` cannot fail.
        let _ = write!(text, "{:<KIND_WIDTH$} {}", self.kind.word(), self.name);
        if self.kind != Pinned::Activity {
            text.push(' ');
            text.push_str(self.version);
        }
        if !self.wire.is_empty() {
            text.push(' ');
            text.push_str(self.wire);
        }
        if !self.condition.is_empty() {
            text.push(' ');
            text.push_str(self.condition);
        }
        text.push('\n');
    }
}

/// The lock text of `infos`: one line per entry, under the condition `conditions` gives it (its
/// `#[cfg]`s as `cfg(...)`, or `""`, in the order of `infos`: orchestrations, activities, then
/// the declarations this crate registers by hand), plus `carried`, the lines of the file whose
/// condition does not hold in this build, so that the text is the same whatever features a
/// build enables.
#[must_use]
pub fn text(infos: &Infos, conditions: [&[&str]; 3], carried: &[Line<'_>]) -> String {
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (list, conditions) in [
        (infos.orchestrations, conditions[0]),
        (infos.activities, conditions[1]),
        (infos.by_hand, conditions[2]),
    ] {
        for (index, info) in list.iter().enumerate() {
            let condition = conditions.get(index).copied().unwrap_or("");
            push_lines(&mut lines, info, condition);
        }
    }
    lines.extend(carried.iter().copied());
    lines.sort_unstable();
    lines.dedup();
    let mut text = String::from(HEADER);
    for line in &lines {
        line.write(&mut text);
    }
    text
}

/// The lines of one item: its own, and for an orchestration those of its interface, pinned at
/// its version, under its condition.
fn push_lines<'a>(lines: &mut Vec<Line<'a>>, info: &Info, condition: &'a str) {
    let kind = if info.orchestration {
        Pinned::Orchestration
    } else {
        Pinned::Activity
    };
    let line = Line {
        kind,
        name: info.name,
        version_key: info.version_key,
        version: if info.orchestration { info.version } else { "" },
        wire: "",
        condition,
    };
    lines.push(line);
    lines.extend(info.interface.iter().map(|declared| Line {
        kind: Pinned::of(declared.channel),
        wire: declared.wire,
        ..line
    }));
}

/// Every registered identity: each row's, with its kind folded in (activities and
/// orchestrations have identities of their own kinds, and an event, queue or KV key one of the
/// orchestration that declares it), by open addressing. `SLOTS` is
/// [`slots`](super::checks::slots) of the number of entries and declared items.
pub struct Registered<const SLOTS: usize>([(bool, u128); SLOTS]);

/// The identities `lists` registers, and `interfaces`: the identities of what the orchestrations
/// declare, one slice per orchestration row (empty for most).
#[must_use]
pub const fn registered<const SLOTS: usize>(
    lists: &Lists,
    interfaces: &[&[u128]],
) -> Registered<SLOTS> {
    let mut set = Registered([(false, 0u128); SLOTS]);
    // The declarations listed under `by_hand` are registered too, by the crate's own code.
    let tables = [lists.orchestrations, lists.activities, lists.by_hand];
    let mut t = 0;
    while t < tables.len() {
        let mut i = 0;
        while i < tables[t].len() {
            let facts = &tables[t][i].facts;
            if facts.annotation.is_annotated() {
                set.insert(kind_identity(facts.identity, facts.orchestration));
            }
            i += 1;
        }
        t += 1;
    }
    let mut o = 0;
    while o < interfaces.len() {
        let mut d = 0;
        while d < interfaces[o].len() {
            set.insert(interfaces[o][d]);
            d += 1;
        }
        o += 1;
    }
    set
}

/// How many identities `interfaces` holds, for the size of the set.
#[must_use]
pub const fn count(interfaces: &[&[u128]]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < interfaces.len() {
        count += interfaces[i].len();
        i += 1;
    }
    count
}

/// An item's identity, told apart by its kind: an activity and an orchestration of one name and
/// version are different things to pin. (Identities of declared items are built apart already.)
const fn kind_identity(identity: u128, orchestration: bool) -> u128 {
    if orchestration {
        identity.rotate_left(1)
    } else {
        identity
    }
}

impl<const SLOTS: usize> Registered<SLOTS> {
    const fn insert(&mut self, identity: u128) {
        // Truncation keeps the low bits, which is all a slot number needs.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = (identity as usize) & (SLOTS - 1);
        while self.0[slot].0 {
            if self.0[slot].1 == identity {
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        self.0[slot] = (true, identity);
    }

    const fn contains(&self, identity: u128) -> bool {
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = (identity as usize) & (SLOTS - 1);
        while self.0[slot].0 {
            if self.0[slot].1 == identity {
                return true;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        false
    }
}

/// Panics with `message` unless an item of this identity is registered: an activity or an
/// orchestration (`orchestration` says which), or, with `declared`, an event, queue or KV key,
/// whose identity is its own. `#[track_caller]`: the error points at the `lock` argument.
#[track_caller]
pub const fn locked<const SLOTS: usize>(
    set: &Registered<SLOTS>,
    identity: u128,
    orchestration: bool,
    declared: bool,
    message: &str,
) {
    let identity = if declared {
        identity
    } else {
        kind_identity(identity, orchestration)
    };
    assert!(set.contains(identity), "{}", message);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_each_kind() {
        let mut text = String::new();
        let activity = Line {
            kind: Pinned::Activity,
            name: "p::activity::a",
            version_key: b"",
            version: "",
            wire: "",
            condition: "cfg(feature = \"dns\")",
        };
        activity.write(&mut text);
        let orchestration = Line {
            kind: Pinned::Orchestration,
            name: "p::orchestration::o",
            version_key: b"",
            version: "1.0.0-beta.1",
            wire: "",
            condition: "",
        };
        orchestration.write(&mut text);
        Line {
            kind: Pinned::Event,
            wire: "InstanceDeleted",
            ..orchestration
        }
        .write(&mut text);
        assert_eq!(
            text,
            "activity      p::activity::a cfg(feature = \"dns\")\n\
             orchestration p::orchestration::o 1.0.0-beta.1\n\
             event         p::orchestration::o 1.0.0-beta.1 InstanceDeleted\n"
        );
    }
}
