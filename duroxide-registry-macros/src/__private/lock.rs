//! The registry lock: the format of its lines, which `registry_lock()` writes, and the const
//! check that every pinned line is still registered.
//!
//! This is the one definition of the format. The macro reads lock files (it must, to generate a
//! check per line, each under its line's `cfg`), and holds to what [`Line::write`] writes; the
//! example libraries' lock tests compare the two on every run.

use super::companion::{Infos, Lists};
use std::fmt::Write as _;

/// The first line of every lock `registry_lock()` writes. Lines starting with `#` are comments.
pub const HEADER: &str = "# registry.lock: wire names pinned by registry! \
     (duroxide-registry-macros). Delete a line only once no instance can still run it.\n";

/// The width the kind is padded to, so that names line up: `orchestration` is the longest.
const KIND_WIDTH: usize = 13;

/// One line of a lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Line<'a> {
    /// An orchestration, or an activity. Activities come first.
    pub orchestration: bool,
    /// The full name.
    pub name: &'a str,
    /// The version's sort key, which orders versions as semver does.
    pub version_key: &'a [u8],
    /// The version as written; activities have none.
    pub version: &'a str,
    /// `cfg(...)`, the condition under which the line's entry is compiled; empty without one.
    pub condition: &'a str,
}

impl Line<'_> {
    /// `kind name [version] [cfg(...)]`, and a newline.
    pub fn write(&self, text: &mut String) {
        let kind = if self.orchestration {
            "orchestration"
        } else {
            "activity"
        };
        // Writing to a `String` cannot fail.
        let _ = write!(text, "{kind:<KIND_WIDTH$} {}", self.name);
        if self.orchestration {
            text.push(' ');
            text.push_str(self.version);
        }
        if !self.condition.is_empty() {
            text.push(' ');
            text.push_str(self.condition);
        }
        text.push('\n');
    }
}

/// The lock text of `infos`: one line per entry, under the condition `conditions` gives it (its
/// `#[cfg]`s as `cfg(...)`, or `""`, in the order of `infos`: orchestrations, then activities),
/// plus `carried`, the lines of the file whose condition does not hold in this build, so that
/// the text is the same whatever features a build enables.
#[must_use]
pub fn text(infos: &Infos, conditions: [&[&str]; 2], carried: &[Line<'_>]) -> String {
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (orchestration, list, conditions) in [
        (true, &infos.orchestrations, conditions[0]),
        (false, &infos.activities, conditions[1]),
    ] {
        for (index, info) in list.iter().enumerate() {
            lines.push(Line {
                orchestration,
                name: info.name,
                version_key: info.version_key,
                version: if orchestration { info.version } else { "" },
                condition: conditions.get(index).copied().unwrap_or(""),
            });
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

/// Every registered row's identity and kind, by open addressing on the identity: `(taken,
/// identity, orchestration)` per slot. `SLOTS` is [`slots`](super::checks::slots) of both
/// lists' length.
pub struct Registered<const SLOTS: usize>([(bool, u128, bool); SLOTS]);

/// The identities `lists` registers.
#[must_use]
pub const fn registered<const SLOTS: usize>(lists: &Lists) -> Registered<SLOTS> {
    let mut set = [(false, 0u128, false); SLOTS];
    let tables = [lists.orchestrations, lists.activities];
    let mut t = 0;
    while t < 2 {
        let mut i = 0;
        while i < tables[t].len() {
            let facts = &tables[t][i].facts;
            if !facts.annotated {
                i += 1;
                continue;
            }
            // Truncation keeps the low bits, which is all a slot number needs.
            #[allow(clippy::cast_possible_truncation)]
            let mut slot = (facts.identity as usize) & (SLOTS - 1);
            while set[slot].0 {
                slot = (slot + 1) & (SLOTS - 1);
            }
            set[slot] = (true, facts.identity, facts.orchestration);
            i += 1;
        }
        t += 1;
    }
    Registered(set)
}

/// Panics with `message` unless an item of this identity and kind is registered.
/// `#[track_caller]`: the error points at the `lock` argument.
#[track_caller]
pub const fn locked<const SLOTS: usize>(
    set: &Registered<SLOTS>,
    identity: u128,
    orchestration: bool,
    message: &str,
) {
    #[allow(clippy::cast_possible_truncation)]
    let mut slot = (identity as usize) & (SLOTS - 1);
    while set.0[slot].0 {
        if set.0[slot].1 == identity && set.0[slot].2 == orchestration {
            return;
        }
        slot = (slot + 1) & (SLOTS - 1);
    }
    panic!("{}", message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_each_kind() {
        let mut text = String::new();
        Line {
            orchestration: false,
            name: "p::activity::a",
            version_key: b"",
            version: "",
            condition: "cfg(feature = \"dns\")",
        }
        .write(&mut text);
        Line {
            orchestration: true,
            name: "p::orchestration::o",
            version_key: b"",
            version: "1.0.0-beta.1",
            condition: "",
        }
        .write(&mut text);
        assert_eq!(
            text,
            "activity      p::activity::a cfg(feature = \"dns\")\n\
             orchestration p::orchestration::o 1.0.0-beta.1\n"
        );
    }
}
