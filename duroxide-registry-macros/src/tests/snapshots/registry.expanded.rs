/// What the inventory says about one orchestration. Every field comes from the code.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::serde::Serialize
)]
pub struct OrchestrationInfo {
    /// The full name, `{crate}::orchestration::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment.
    pub description: &'static str,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// Full names of the activities and sub-orchestrations it calls.
    pub activities_used: ::std::vec::Vec<&'static str>,
    /// The version it is registered at.
    pub version: &'static str,
}
/// What the inventory says about one activity. Every field comes from the code.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::serde::Serialize
)]
pub struct ActivityInfo {
    /// The full name, `{crate}::activity::{name}`.
    pub name: &'static str,
    /// The first paragraph of the function's doc comment.
    pub description: &'static str,
    /// The input type, as written in the signature.
    pub input_type: &'static str,
    /// The output type, as written in the signature.
    pub output_type: &'static str,
    /// Whether duroxide may safely run it again with the same input.
    pub idempotent: bool,
}
/// Creates an `ActivityRegistry` holding every activity listed in `registry!`.
///
/// Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_activity_registry() -> ::duroxide::runtime::registry::ActivityRegistry {
    let builder = ::duroxide::runtime::registry::ActivityRegistry::builder();
    let builder = activities::provision_vm::__register_activity(builder);
    #[cfg(feature = "firewall")]
    let builder = activities::configure_firewall::__register_activity(builder);
    builder.build()
}
/// Creates an `OrchestrationRegistry` holding every orchestration listed in `registry!`.
///
/// Versions of one orchestration are registered in ascending order, whatever the order
/// of the list. Consumers can merge it into their own registry with `.merge()`.
#[must_use]
pub fn create_orchestration_registry() -> ::duroxide::OrchestrationRegistry {
    type Builder = ::duroxide::OrchestrationRegistryBuilder;
    const REGISTER: &[fn(Builder) -> Builder] = &[
        orchestrations::provision_postgres_v2::__register_orchestration,
    ];
    const KEYS: &[&[u8]] = &[orchestrations::provision_postgres_v2::__META_V2.3];
    const ORDER: [usize; KEYS.len()] = version_order(KEYS);
    const IN_ORDER: bool = {
        let mut i = 0;
        while i < ORDER.len() && ORDER[i] == i {
            i += 1;
        }
        i == ORDER.len()
    };
    const fn version_order<const N: usize>(keys: &[&[u8]]) -> [usize; N] {
        const fn less(a: &[u8], b: &[u8]) -> bool {
            let mut i = 0;
            while i < a.len() && i < b.len() {
                if a[i] != b[i] {
                    return a[i] < b[i];
                }
                i += 1;
            }
            a.len() < b.len()
        }
        let mut order = [0; N];
        let mut i = 0;
        while i < N {
            order[i] = i;
            i += 1;
        }
        let mut i = 1;
        while i < N {
            let mut j = i;
            while j > 0 && less(keys[order[j]], keys[order[j - 1]]) {
                let moved = order[j];
                order[j] = order[j - 1];
                order[j - 1] = moved;
                j -= 1;
            }
            i += 1;
        }
        order
    }
    let builder = ::duroxide::OrchestrationRegistry::builder();
    if IN_ORDER {
        let builder = orchestrations::provision_postgres_v2::__register_orchestration(
            builder,
        );
        builder.build()
    } else {
        let mut builder = builder;
        for &index in &ORDER {
            builder = REGISTER[index](builder);
        }
        builder.build()
    }
}
/// Every orchestration listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_orchestrations() -> ::std::vec::Vec<OrchestrationInfo> {
    ::std::vec![
        OrchestrationInfo { name : orchestrations::provision_postgres_v2::NAME,
        description : orchestrations::provision_postgres_v2::DESCRIPTION, input_type :
        orchestrations::provision_postgres_v2::__META_V2.0, output_type :
        orchestrations::provision_postgres_v2::__META_V2.1, activities_used :
        orchestrations::provision_postgres_v2::__META_V2.5.to_vec(), version :
        orchestrations::provision_postgres_v2::__META_V2.2, },
    ]
}
/// Every activity listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
    ::std::vec![
        ActivityInfo { name : activities::provision_vm::NAME, description :
        activities::provision_vm::DESCRIPTION, input_type :
        activities::provision_vm::__META_V2.0, output_type :
        activities::provision_vm::__META_V2.1, idempotent :
        activities::provision_vm::__META_V2.4, }, #[cfg(feature = "firewall")]
        ActivityInfo { name : activities::configure_firewall::NAME, description :
        activities::configure_firewall::DESCRIPTION, input_type :
        activities::configure_firewall::__META_V2.0, output_type :
        activities::configure_firewall::__META_V2.1, idempotent :
        activities::configure_firewall::__META_V2.4, },
    ]
}
/// Name constants of everything listed in `registry!`, as the pattern's `names.rs` has them.
pub mod names {
    /// Orchestration names.
    pub mod orchestrations {
        ///The name of `orchestrations::provision_postgres_v2`.
        pub const PROVISION_POSTGRES: &str = super::super::orchestrations::provision_postgres_v2::NAME;
    }
    /// Activity names.
    pub mod activities {
        ///The name of `activities::provision_vm`.
        pub const PROVISION_VM: &str = super::super::activities::provision_vm::NAME;
        #[cfg(feature = "firewall")]
        ///The name of `activities::configure_firewall`.
        pub const CONFIGURE_FIREWALL: &str = super::super::activities::configure_firewall::NAME;
    }
}
#[allow(dead_code)]
const _: () = {
    struct Row {
        path: usize,
        facts: (u128, bool, u128, bool),
    }
    #[derive(Clone, Copy)]
    enum Problem {
        None,
        WrongKind,
        Prefix,
        Duplicate,
        Config,
    }
    /// The crate prefix most rows share.
    struct Reference {
        prefix: u128,
    }
    /// An entry that gets a report: its list, its row there, and its path as written.
    struct Entry {
        orchestrations: bool,
        row: usize,
        text: &'static str,
    }
    const ORCHESTRATIONS: &[Row] = &[
        Row {
            path: 0usize,
            facts: orchestrations::provision_postgres_v2::__FACTS_V2,
        },
    ];
    const ACTIVITIES: &[Row] = &[
        Row {
            path: 1usize,
            facts: activities::provision_vm::__FACTS_V2,
        },
        #[cfg(feature = "firewall")]
        Row {
            path: 2usize,
            facts: activities::configure_firewall::__FACTS_V2,
        },
    ];
    const REFERENCE: Reference = reference_prefix::<
        3usize,
    >([ORCHESTRATIONS, ACTIVITIES]);
    const ORCHESTRATION_PROBLEMS: [Problem; ORCHESTRATIONS.len()] = problems::<
        { ORCHESTRATIONS.len() },
        2usize,
    >(ORCHESTRATIONS, true, false);
    const ACTIVITY_PROBLEMS: [Problem; ACTIVITIES.len()] = problems::<
        { ACTIVITIES.len() },
        4usize,
    >(ACTIVITIES, false, false);
    const ACTIVITY_ROWS: [usize; 3usize] = rows_by_path::<3usize>(ACTIVITIES);
    const ENTRIES: &[Entry] = &[
        Entry {
            orchestrations: true,
            row: 0usize,
            text: "orchestrations::provision_postgres_v2",
        },
        Entry {
            orchestrations: false,
            row: ACTIVITY_ROWS[1usize],
            text: "activities::provision_vm",
        },
        Entry {
            orchestrations: false,
            row: ACTIVITY_ROWS[2usize],
            text: "activities::configure_firewall",
        },
    ];
    /// Each row's first problem, in the order of `enum Problem`.
    const fn problems<const N: usize, const SLOTS: usize>(
        table: &[Row],
        orchestrations: bool,
        config_given: bool,
    ) -> [Problem; N] {
        let repeated = repeats::<N, SLOTS>(table);
        let mut problems = [Problem::None; N];
        let mut i = 0;
        while i < N {
            let row = &table[i];
            problems[i] = if row.facts.1 != orchestrations {
                Problem::WrongKind
            } else if row.facts.2 != REFERENCE.prefix {
                Problem::Prefix
            } else if repeated[i] {
                Problem::Duplicate
            } else if row.facts.3 && !config_given {
                Problem::Config
            } else {
                Problem::None
            };
            i += 1;
        }
        problems
    }
    /// For each row, whether an earlier row has its identity fingerprint: its name and, for
    /// orchestrations, its version. The rows go one by one into an open-addressing table
    /// keyed by that fingerprint (`SLOTS`, a power of two at least twice the list, so there
    /// is always a free slot): a row that meets an equal row is a repeat. Linear in the list.
    /// Equal identities always have equal fingerprints, so no repeat is missed; two
    /// different ones share a fingerprint with a chance of 2^-128.
    const fn repeats<const N: usize, const SLOTS: usize>(table: &[Row]) -> [bool; N] {
        let mut slots = [0usize; SLOTS];
        let mut repeated = [false; N];
        let mut i = 0;
        while i < N {
            let mut slot = (table[i].facts.0 as usize) & (SLOTS - 1);
            loop {
                let held = slots[slot];
                if held == 0 {
                    slots[slot] = i + 1;
                    break;
                }
                if table[held - 1].facts.0 == table[i].facts.0 {
                    repeated[i] = true;
                    break;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            i += 1;
        }
        repeated
    }
    /// The prefix most rows of both tables share; on a tie, the prefix that comes first.
    /// `TOTAL` bounds the distinct prefixes, which are few.
    const fn reference_prefix<const TOTAL: usize>(tables: [&[Row]; 2]) -> Reference {
        let first = if !tables[0].is_empty() {
            tables[0][0].facts.2
        } else if !tables[1].is_empty() {
            tables[1][0].facts.2
        } else {
            return Reference { prefix: 0 };
        };
        let mut same = true;
        let mut t = 0;
        while t < 2 && same {
            let table = tables[t];
            let mut i = 0;
            while i < table.len() && same {
                same = table[i].facts.2 == first;
                i += 1;
            }
            t += 1;
        }
        if same {
            return Reference { prefix: first };
        }
        let mut seen = [(0u128, 0usize); TOTAL];
        let mut distinct = 0;
        let mut t = 0;
        while t < 2 {
            let table = tables[t];
            let mut i = 0;
            while i < table.len() {
                let mut d = 0;
                while d < distinct && seen[d].0 != table[i].facts.2 {
                    d += 1;
                }
                if d == distinct {
                    seen[d] = (table[i].facts.2, 0);
                    distinct += 1;
                }
                seen[d].1 += 1;
                i += 1;
            }
            t += 1;
        }
        let mut best = 0;
        let mut d = 1;
        while d < distinct {
            if seen[d].1 > seen[best].1 {
                best = d;
            }
            d += 1;
        }
        Reference { prefix: seen[best].0 }
    }
    /// The row of each path id in `table`, for lists whose `#[cfg]`s hide the rows' indices.
    /// Every entry that looks its row up has one: its `#[cfg]`s are those of its own `const`.
    const fn rows_by_path<const PATHS: usize>(table: &[Row]) -> [usize; PATHS] {
        let mut rows = [0; PATHS];
        let mut row = 0;
        while row < table.len() {
            rows[table[row].path] = row;
            row += 1;
        }
        rows
    }
    /// Panics with the message of `ENTRIES[number]`'s problem, if it has one.
    /// `#[track_caller]`, like `fail`: the error points at the entry whose `const` called it.
    #[track_caller]
    const fn check(number: usize) {
        let Entry { orchestrations, row, text: entry } = ENTRIES[number];
        let problem = if orchestrations {
            ORCHESTRATION_PROBLEMS[row]
        } else {
            ACTIVITY_PROBLEMS[row]
        };
        match (orchestrations, problem) {
            (true, Problem::WrongKind) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` is an #[activity], but it is listed under `orchestrations`; move it to `activities: [...]`",
                    ],
                )
            }
            (true, Problem::Prefix) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has a different crate prefix from the one most entries of this registry! share (on a tie, the first entry's); the pattern wants one prefix for every name of a crate, so give `",
                        entry,
                        "` the same `prefix` as the others",
                    ],
                )
            }
            (true, Problem::Duplicate) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has the same NAME and VERSION as an earlier entry of `orchestrations`; duroxide would silently keep only one of them. Give it its own `name`, or a distinct `version` if it is a new version of the same orchestration",
                    ],
                )
            }
            (false, Problem::WrongKind) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` is an #[orchestration], but it is listed under `activities`; move it to `orchestrations: [...]`",
                    ],
                )
            }
            (false, Problem::Prefix) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has a different crate prefix from the one most entries of this registry! share (on a tie, the first entry's); the pattern wants one prefix for every name of a crate, so give `",
                        entry,
                        "` the same `prefix` as the others",
                    ],
                )
            }
            (false, Problem::Duplicate) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` has the same NAME as an earlier entry of `activities`; duroxide would refuse the second registration. Give it its own `name`",
                    ],
                )
            }
            (false, Problem::Config) => {
                fail(
                    &[
                        "`",
                        entry,
                        "` takes a #[config] parameter, but this registry! has no configuration to give it; add `config: YourConfig,` to registry! (it then generates `create_activity_registry_with_config(config)`)",
                    ],
                )
            }
            _ => {}
        }
    }
    /// Panics with `pieces` joined. The buffer fits the longest message the macro could
    /// give any entry; `#[track_caller]` passes the entry's location through.
    #[track_caller]
    const fn fail(pieces: &[&str]) -> ! {
        let mut bytes = [0u8; 285usize];
        let mut len = 0;
        let mut p = 0;
        while p < pieces.len() {
            let piece = pieces[p].as_bytes();
            let mut i = 0;
            while i < piece.len() {
                bytes[len] = piece[i];
                len += 1;
                i += 1;
            }
            p += 1;
        }
        match ::core::str::from_utf8(bytes.split_at(len).0) {
            ::core::result::Result::Ok(message) => ::core::panic!("{}", message),
            ::core::result::Result::Err(_) => {
                ::core::panic!("registry! found a problem with this entry")
            }
        }
    }
    const _: () = check(0usize);
    const _: () = check(1usize);
    #[cfg(feature = "firewall")]
    const _: () = check(2usize);
};
