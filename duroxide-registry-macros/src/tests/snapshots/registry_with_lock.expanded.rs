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
    let builder = activities::provision_vm::__META_V1.11(builder);
    #[cfg(feature = "dns")]
    let builder = activities::publish_dns::__META_V1.11(builder);
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
        create_instance::v1_0_5::__META_V1.12,
        create_instance::v1_0_6::__META_V1.12,
    ];
    const KEYS: &[&[u8]] = &[
        create_instance::v1_0_5::__META_V1.3,
        create_instance::v1_0_6::__META_V1.3,
    ];
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
        let builder = create_instance::v1_0_5::__META_V1.12(builder);
        let builder = create_instance::v1_0_6::__META_V1.12(builder);
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
        OrchestrationInfo { name : create_instance::v1_0_5::NAME, description :
        create_instance::v1_0_5::__META_V1.10, input_type :
        create_instance::v1_0_5::__META_V1.0, output_type :
        create_instance::v1_0_5::__META_V1.1, activities_used :
        create_instance::v1_0_5::__META_V1.5.to_vec(), version :
        create_instance::v1_0_5::__META_V1.2, }, OrchestrationInfo { name :
        create_instance::v1_0_6::NAME, description : create_instance::v1_0_6::__META_V1
        .10, input_type : create_instance::v1_0_6::__META_V1.0, output_type :
        create_instance::v1_0_6::__META_V1.1, activities_used :
        create_instance::v1_0_6::__META_V1.5.to_vec(), version :
        create_instance::v1_0_6::__META_V1.2, },
    ]
}
/// Every activity listed in `registry!`, for discovery at run time.
#[must_use]
pub fn list_activities() -> ::std::vec::Vec<ActivityInfo> {
    ::std::vec![
        ActivityInfo { name : activities::provision_vm::NAME, description :
        activities::provision_vm::__META_V1.10, input_type :
        activities::provision_vm::__META_V1.0, output_type :
        activities::provision_vm::__META_V1.1, idempotent :
        activities::provision_vm::__META_V1.4, }, #[cfg(feature = "dns")] ActivityInfo {
        name : activities::publish_dns::NAME, description :
        activities::publish_dns::__META_V1.10, input_type :
        activities::publish_dns::__META_V1.0, output_type :
        activities::publish_dns::__META_V1.1, idempotent :
        activities::publish_dns::__META_V1.4, },
    ]
}
/// Name constants of everything listed in `registry!`, as the pattern's `names.rs` has them.
pub mod names {
    /// Orchestration names.
    pub mod orchestrations {
        ///The name of `create_instance::v1_0_5`, `create_instance::v1_0_6`, versions of one orchestration.
        pub const CREATE_INSTANCE: &str = super::super::create_instance::v1_0_5::NAME;
    }
    /// Activity names.
    pub mod activities {
        ///The name of `activities::provision_vm`.
        pub const PROVISION_VM: &str = super::super::activities::provision_vm::NAME;
        #[cfg(feature = "dns")]
        ///The name of `activities::publish_dns`.
        pub const PUBLISH_DNS: &str = super::super::activities::publish_dns::NAME;
    }
}
/// The registry lock of the registries above: one line per registered item, sorted, as
/// the file named by `registry!`'s `lock` should read. Compare it with the file in a
/// test, and write it there when it has grown; see `docs/reference.md`.
#[must_use]
pub fn registry_lock() -> ::std::string::String {
    const _: &str = ::core::include_str!(
        "$CARGO_MANIFEST_DIR/src/tests/snapshots/registry.lock"
    );
    let mut items: ::std::vec::Vec<(bool, &str, &[u8], &str, &str)> = ::std::vec![
        (true, create_instance::v1_0_5::NAME, create_instance::v1_0_5::__META_V1.3,
        create_instance::v1_0_5::__META_V1.2, ""), (true, create_instance::v1_0_6::NAME,
        create_instance::v1_0_6::__META_V1.3, create_instance::v1_0_6::__META_V1.2, ""),
        (false, activities::provision_vm::NAME, activities::provision_vm::__META_V1.3,
        activities::provision_vm::__META_V1.2, ""), #[cfg(feature = "dns")] (false,
        activities::publish_dns::NAME, activities::publish_dns::__META_V1.3,
        activities::publish_dns::__META_V1.2, "cfg(feature = \"dns\")"),
        #[cfg(not(feature = "dns"))] (false,
        "duroxide-registry-macros::activity::publish-dns",
        b"\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF", "",
        "cfg(feature = \"dns\")"),
    ];
    items.sort_unstable();
    let mut text = ::std::string::String::from(
        "# registry.lock: wire names pinned by registry! (duroxide-registry-macros). Delete a line only once no instance can still run it.\n",
    );
    for (is_orchestration, name, _, version, cfg) in items {
        text.push_str(if is_orchestration { "orchestration" } else { "activity     " });
        text.push(' ');
        text.push_str(name);
        if is_orchestration {
            text.push(' ');
            text.push_str(version);
        }
        if !cfg.is_empty() {
            text.push(' ');
            text.push_str(cfg);
        }
        text.push('\n');
    }
    text
}
#[allow(dead_code)]
const _: () = {
    struct Row {
        path: usize,
        identity: u128,
        orchestration: bool,
        prefix: u128,
        needs_config: bool,
    }
    #[derive(Clone, Copy)]
    enum Problem {
        None,
        WrongKind,
        Prefix,
        Duplicate,
        Config,
    }
    /// The crate prefix most rows share, and the path id of the first row that has it.
    struct Reference {
        prefix: u128,
        path: usize,
    }
    const PATHS: &[&str] = &[
        "create_instance::v1_0_5",
        "create_instance::v1_0_6",
        "activities::provision_vm",
        "activities::publish_dns",
    ];
    const ORCHESTRATIONS: &[Row] = &[
        Row {
            path: 0usize,
            identity: create_instance::v1_0_5::__META_V1.9,
            orchestration: create_instance::v1_0_5::__META_V1.7,
            prefix: create_instance::v1_0_5::__META_V1.8,
            needs_config: create_instance::v1_0_5::__META_V1.6,
        },
        Row {
            path: 1usize,
            identity: create_instance::v1_0_6::__META_V1.9,
            orchestration: create_instance::v1_0_6::__META_V1.7,
            prefix: create_instance::v1_0_6::__META_V1.8,
            needs_config: create_instance::v1_0_6::__META_V1.6,
        },
    ];
    const ACTIVITIES: &[Row] = &[
        Row {
            path: 2usize,
            identity: activities::provision_vm::__META_V1.9,
            orchestration: activities::provision_vm::__META_V1.7,
            prefix: activities::provision_vm::__META_V1.8,
            needs_config: activities::provision_vm::__META_V1.6,
        },
        #[cfg(feature = "dns")]
        Row {
            path: 3usize,
            identity: activities::publish_dns::__META_V1.9,
            orchestration: activities::publish_dns::__META_V1.7,
            prefix: activities::publish_dns::__META_V1.8,
            needs_config: activities::publish_dns::__META_V1.6,
        },
    ];
    const REFERENCE: Reference = reference_prefix::<
        4usize,
    >([ORCHESTRATIONS, ACTIVITIES]);
    const ORCHESTRATION_PROBLEMS: [Problem; ORCHESTRATIONS.len()] = problems::<
        { ORCHESTRATIONS.len() },
        4usize,
    >(ORCHESTRATIONS, true, false);
    const ACTIVITY_PROBLEMS: [Problem; ACTIVITIES.len()] = problems::<
        { ACTIVITIES.len() },
        4usize,
    >(ACTIVITIES, false, false);
    const ACTIVITY_ROWS: [usize; PATHS.len()] = rows_by_path::<
        { PATHS.len() },
    >(ACTIVITIES);
    /// Every registered row's identity and kind, by open addressing on the identity.
    const REGISTERED: [(bool, u128, bool); 8usize] = registered::<
        8usize,
    >([ORCHESTRATIONS, ACTIVITIES]);
    const fn registered<const SLOTS: usize>(
        tables: [&[Row]; 2],
    ) -> [(bool, u128, bool); SLOTS] {
        let mut set = [(false, 0u128, false); SLOTS];
        let mut t = 0;
        while t < 2 {
            let mut i = 0;
            while i < tables[t].len() {
                let row = &tables[t][i];
                let mut slot = (row.identity as usize) & (SLOTS - 1);
                while set[slot].0 {
                    slot = (slot + 1) & (SLOTS - 1);
                }
                set[slot] = (true, row.identity, row.orchestration);
                i += 1;
            }
            t += 1;
        }
        set
    }
    /// Panics with `message` unless an item of this identity and kind is registered.
    #[track_caller]
    const fn locked(identity: u128, orchestration: bool, message: &str) {
        let mut slot = (identity as usize) & (REGISTERED.len() - 1);
        while REGISTERED[slot].0 {
            if REGISTERED[slot].1 == identity && REGISTERED[slot].2 == orchestration {
                return;
            }
            slot = (slot + 1) & (REGISTERED.len() - 1);
        }
        ::core::panic!("{}", message)
    }
    const _: () = locked(
        148097649956677154380308259318295567752u128,
        false,
        "src/tests/snapshots/registry.lock:2 pins the activity `duroxide-registry-macros::activity::provision-vm`, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an activity entry with exactly this NAME), or delete the line once no instance can still be running it. If its entry is under `#[cfg]`, the line must say so at its end, like `cfg(feature = \"x\")`: `registry_lock()` writes it",
    );
    #[cfg(feature = "dns")]
    const _: () = locked(
        316090257308881661061663682974786544744u128,
        false,
        "src/tests/snapshots/registry.lock:3 pins the activity `duroxide-registry-macros::activity::publish-dns`, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an activity entry with exactly this NAME), or delete the line once no instance can still be running it (the line is checked because `cfg(feature = \"dns\")` holds in this build)",
    );
    const _: () = locked(
        237957964078596509205167672054732268593u128,
        true,
        "src/tests/snapshots/registry.lock:4 pins the orchestration `duroxide-registry-macros::orchestration::create-instance` at version 1.0.5, but this registry! does not register it: an instance that still runs it could not resume. Restore it (an orchestration entry with exactly this NAME and VERSION), or delete the line once no instance can still be running it. If its entry is under `#[cfg]`, the line must say so at its end, like `cfg(feature = \"x\")`: `registry_lock()` writes it",
    );
    /// Panics, naming both, unless `name` and `first` are equal.
    #[track_caller]
    const fn same_name<const CAPACITY: usize>(
        name: &str,
        first: &str,
        paths: [&str; 3],
    ) {
        let (x, y) = (name.as_bytes(), first.as_bytes());
        let mut equal = x.len() == y.len();
        let mut i = 0;
        while equal && i < x.len() {
            equal = x[i] == y[i];
            i += 1;
        }
        if equal {
            return;
        }
        let pieces = [
            "`",
            paths[0],
            "` shares `as ",
            paths[1],
            "` with `",
            paths[2],
            "`, but its NAME is `",
            name,
            "` and that one's is `",
            first,
            "`: versions of one orchestration share one name, so give them the same `name` (or each its own `as ...` if they are different orchestrations)",
        ];
        let mut bytes = [0u8; CAPACITY];
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
                ::core::panic!("versions listed under one alias have different names")
            }
        }
    }
    const _: () = same_name::<
        {
            create_instance::v1_0_6::NAME.len() + create_instance::v1_0_5::NAME.len()
                + 265usize
        },
    >(
        create_instance::v1_0_6::NAME,
        create_instance::v1_0_5::NAME,
        ["create_instance::v1_0_6", "CREATE_INSTANCE", "create_instance::v1_0_5"],
    );
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
            problems[i] = if row.orchestration != orchestrations {
                Problem::WrongKind
            } else if row.prefix != REFERENCE.prefix {
                Problem::Prefix
            } else if repeated[i] {
                Problem::Duplicate
            } else if row.needs_config && !config_given {
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
            let mut slot = (table[i].identity as usize) & (SLOTS - 1);
            loop {
                let held = slots[slot];
                if held == 0 {
                    slots[slot] = i + 1;
                    break;
                }
                if table[held - 1].identity == table[i].identity {
                    repeated[i] = true;
                    break;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            i += 1;
        }
        repeated
    }
    /// The prefix most rows of both tables share, and the first row that has it; on a tie,
    /// the prefix that comes first. `TOTAL` bounds the distinct prefixes, which are few.
    const fn reference_prefix<const TOTAL: usize>(tables: [&[Row]; 2]) -> Reference {
        let mut seen = [(0u128, 0usize, 0usize); TOTAL];
        let mut distinct = 0;
        let mut t = 0;
        while t < 2 {
            let table = tables[t];
            let mut i = 0;
            while i < table.len() {
                let mut d = 0;
                while d < distinct && seen[d].0 != table[i].prefix {
                    d += 1;
                }
                if d == distinct {
                    seen[d] = (table[i].prefix, 0, table[i].path);
                    distinct += 1;
                }
                seen[d].1 += 1;
                i += 1;
            }
            t += 1;
        }
        if distinct == 0 {
            return Reference { prefix: 0, path: 0 };
        }
        let mut best = 0;
        let mut d = 1;
        while d < distinct {
            if seen[d].1 > seen[best].1 {
                best = d;
            }
            d += 1;
        }
        Reference {
            prefix: seen[best].0,
            path: seen[best].2,
        }
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
    /// Panics with the message of the entry's problem, if it has one. `#[track_caller]`:
    /// the error points at the entry whose `const` called it.
    #[track_caller]
    const fn report(problem: Problem, entry: &str, orchestrations: bool) {
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
                        "` and `",
                        PATHS[REFERENCE.path],
                        "` have different crate prefixes; the pattern wants one prefix for every name of a crate, so give `",
                        entry,
                        "` the same `prefix` as `",
                        PATHS[REFERENCE.path],
                        "`",
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
                        "` and `",
                        PATHS[REFERENCE.path],
                        "` have different crate prefixes; the pattern wants one prefix for every name of a crate, so give `",
                        entry,
                        "` the same `prefix` as `",
                        PATHS[REFERENCE.path],
                        "`",
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
        let mut bytes = [0u8; 240usize];
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
    const _: () = report(
        ORCHESTRATION_PROBLEMS[0usize],
        "create_instance::v1_0_5",
        true,
    );
    const _: () = report(
        ORCHESTRATION_PROBLEMS[1usize],
        "create_instance::v1_0_6",
        true,
    );
    const _: () = report(
        ACTIVITY_PROBLEMS[ACTIVITY_ROWS[2usize]],
        "activities::provision_vm",
        false,
    );
    #[cfg(feature = "dns")]
    const _: () = report(
        ACTIVITY_PROBLEMS[ACTIVITY_ROWS[3usize]],
        "activities::publish_dns",
        false,
    );
};
