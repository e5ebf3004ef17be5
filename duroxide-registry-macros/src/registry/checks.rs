//! The cross-item checks of `registry!`, run by the compiler in const evaluation.
//!
//! Macro invocations share nothing, so `registry!` cannot see the items it lists: it only has
//! their paths. What it needs to know about each one, it reads from the companion's `__FACTS_V2`
//! (see `companion/meta.rs`) in generated const code, and the compiler evaluates the checks.
//!
//! # A walk through one expansion
//!
//! ```text
//! registry! {
//!     orchestrations: [deploy],
//!     activities: [provision_vm, #[cfg(feature = "dns")] publish_dns],
//! }
//! ```
//!
//! Everything below goes into one `const _: () = { ... };` block, so paths resolve where the
//! macro was invoked and nothing is added to the user's module.
//!
//! 1. **The model.** `struct Row` holds what is compared about one entry: its path id and the
//!    companion's facts, a tuple whose fields [`Fact`] (in `companion/meta.rs`, beside the code
//!    that writes them) names and reads; `enum Problem` holds the problems an entry can have, in
//!    the order they are looked for, generated from this file's [`Problem`], so the code that
//!    finds a problem and the code that reports it cannot drift apart.
//! 2. **The tables.** One `Row` per entry, read from the companions: `ORCHESTRATIONS` holds
//!    `Row { path: 0, facts: deploy::__FACTS_V2 }`, and `ACTIVITIES` holds the rows of
//!    `provision_vm` and, under the entry's own `#[cfg]`, `publish_dns`. `path` numbers the
//!    entry's path as written; the fingerprints among the facts let const evaluation compare
//!    names and prefixes as integers instead of scanning bytes.
//! 3. **The reference prefix.** `reference_prefix` finds the crate prefix most rows share (on a
//!    tie, the first row's). An entry whose prefix differs is the odd one out, whatever its
//!    position, and whatever `#[cfg]`s remove.
//! 4. **The problems.** `problems` walks a table once and gives each row its first `Problem`, or
//!    `Problem::None`; `repeats`, which it calls, finds rows whose identity (the name, and for
//!    orchestrations the version) an earlier row has, with a small open-addressing table, so the
//!    whole check stays linear in the number of entries.
//! 5. **The reports.** `ENTRIES` holds an `Entry` for each entry: its list, its row and its
//!    path as written. The row is the entry's index when no entry of its list has a `#[cfg]`;
//!    otherwise (here, for `provision_vm` and `publish_dns`) it is looked up by path id in
//!    `ACTIVITY_ROWS`, which `rows_by_path` fills in one pass, since a removed entry shifts the
//!    rows after it. Each entry then gets `const _: () = check(1);`, spanned at its path and
//!    under its `#[cfg]`s: the error of a faulty entry points at that entry. `check` reads the
//!    entry's problem and panics with its message, joined by `fail` into a buffer sized
//!    to the longest message this registry could give; a const panic becomes the compile error.
//!
//! What is generated per entry stays small (a row, an `Entry`, and a `const` that is one call
//! with one integer); the work lives in the shared functions, each evaluated once per list.

use super::lock::{self, Lock};
use super::names::{self, Names};
use super::parse::{Entry, Registry};
use crate::companion::meta::Fact;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

/// `registry!`'s row for an entry: its path id, which tells entries with equal names apart, and
/// the companion's `__FACTS_V2` as read, whose fields [`Fact`] names.
fn row_value(entry: &Entry, paths: &PathIds) -> TokenStream {
    let id = paths.id(&entry.text);
    let facts = Fact::read(&entry.path);
    quote!(Row { path: #id, facts: #facts })
}

/// `fact` of the row `row`: `row.facts.N`.
fn fact(fact: Fact, row: TokenStream) -> TokenStream {
    fact.of(&quote!(#row.facts))
}

/// A problem an entry can have. Only its first is reported, in the order of [`Problem::ALL`];
/// once it is fixed, the next one shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// An activity listed under `orchestrations`, or the reverse.
    WrongKind,
    /// A crate prefix other than the one most entries share (on a tie, the first entry's), so
    /// that the odd one out is the one reported, wherever it stands in the list and whatever
    /// `#[cfg]`s remove.
    Prefix,
    /// The name (and version) of an earlier entry of the same list.
    Duplicate,
    /// An activity that takes a `#[config]` parameter, in a registry without a configuration.
    Config,
}

impl Problem {
    const ALL: [Problem; 4] = [
        Problem::WrongKind,
        Problem::Prefix,
        Problem::Duplicate,
        Problem::Config,
    ];

    /// The variant of the generated `enum Problem`.
    fn variant(self) -> Ident {
        let name = match self {
            Problem::WrongKind => "WrongKind",
            Problem::Prefix => "Prefix",
            Problem::Duplicate => "Duplicate",
            Problem::Config => "Config",
        };
        Ident::new(name, Span::call_site())
    }

    /// The condition under which `problems` gives a row this problem, in terms of its locals:
    /// `row`, `orchestrations` (which list the table is), `config_given` and `repeated`.
    fn condition(self) -> TokenStream {
        match self {
            Problem::WrongKind => {
                let orchestration = fact(Fact::Orchestration, quote!(row));
                quote!(#orchestration != orchestrations)
            }
            Problem::Prefix => {
                let prefix = fact(Fact::Prefix, quote!(row));
                quote!(#prefix != REFERENCE.prefix)
            }
            Problem::Duplicate => quote!(repeated[i]),
            Problem::Config => {
                let needs_config = fact(Fact::NeedsConfig, quote!(row));
                quote!(#needs_config && !config_given)
            }
        }
    }

    /// The message for an entry of `list`, with [`ENTRY`] for the entry's path; `None` when it
    /// cannot happen.
    fn template(self, list: List, config_given: bool) -> Option<String> {
        let (list_name, other_kind, other_list) = match list {
            List::Orchestrations => ("orchestrations", "activity", "activities"),
            List::Activities => ("activities", "orchestration", "orchestrations"),
        };
        let message = match (self, list) {
            (Problem::WrongKind, _) => format!(
                "`{ENTRY}` is an #[{other_kind}], but it is listed under `{list_name}`; move it to \
                 `{other_list}: [...]`"
            ),
            (Problem::Prefix, _) => format!(
                "`{ENTRY}` has a different crate prefix from the one most entries of this \
                 registry! share (on a tie, the first entry's); the pattern wants one prefix for \
                 every name of a crate, so give `{ENTRY}` the same `prefix` as the others"
            ),
            (Problem::Duplicate, List::Orchestrations) => format!(
                "`{ENTRY}` has the same NAME and VERSION as an earlier entry of `orchestrations`; \
                 duroxide would silently keep only one of them. Give it its own `name`, or a \
                 distinct `version` if it is a new version of the same orchestration"
            ),
            (Problem::Duplicate, List::Activities) => format!(
                "`{ENTRY}` has the same NAME as an earlier entry of `activities`; duroxide would \
                 refuse the second registration. Give it its own `name`"
            ),
            (Problem::Config, List::Activities) if !config_given => format!(
                "`{ENTRY}` takes a #[config] parameter, but this registry! has no configuration \
                 to give it; add `config: YourConfig,` to registry! (it then generates \
                 `create_activity_registry_with_config(config)`)"
            ),
            (Problem::Config, _) => return None,
        };
        Some(message)
    }
}

/// The placeholder in a message template for the entry's path as written.
const ENTRY: &str = "{entry}";

#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Orchestrations,
    Activities,
}

impl List {
    fn entries(self, registry: &Registry) -> &[Entry] {
        match self {
            List::Orchestrations => &registry.orchestrations,
            List::Activities => &registry.activities,
        }
    }

    fn is_orchestrations(self) -> bool {
        self == List::Orchestrations
    }

    /// The generated table of the list's rows.
    fn table(self) -> Ident {
        self.ident("ORCHESTRATIONS", "ACTIVITIES")
    }

    /// The generated array of each path id's row, for a list with `#[cfg]`s.
    fn rows(self) -> Ident {
        self.ident("ORCHESTRATION_ROWS", "ACTIVITY_ROWS")
    }

    fn ident(self, orchestrations: &str, activities: &str) -> Ident {
        let name = if self.is_orchestrations() {
            orchestrations
        } else {
            activities
        };
        Ident::new(name, Span::call_site())
    }

    /// Whether an entry of the list carries `#[cfg]`s, which may remove rows before others.
    fn has_cfgs(self, registry: &Registry) -> bool {
        self.entries(registry)
            .iter()
            .any(|entry| !entry.cfgs.is_empty())
    }
}

pub(super) fn generate(registry: &Registry, names: &Names, lock: Option<&Lock>) -> TokenStream {
    let config_given = registry.config.is_some();
    let paths = PathIds::new(registry);
    let [orchestrations, activities] =
        [List::Orchestrations, List::Activities].map(|list| table(list.entries(registry), &paths));
    let [orchestration_slots, activity_slots] =
        [&registry.orchestrations, &registry.activities].map(|entries| slots(entries.len()));
    let total = registry.orchestrations.len() + registry.activities.len();
    let model = model();
    let functions = functions(registry, config_given);
    let Reports { entries, consts } = reports(registry, &paths);
    let lock = lock.map(|lock| lock::checks(lock, registry));
    let families = names::family_checks(names);
    let rows = [List::Orchestrations, List::Activities]
        .into_iter()
        .filter(|list| list.has_cfgs(registry))
        .map(|list| {
            let (rows, table) = (list.rows(), list.table());
            let count = paths.0.len();
            quote!(const #rows: [usize; #count] = rows_by_path::<#count>(#table);)
        });
    quote! {
        // The functions serve whichever checks this invocation needs; an empty list needs none.
        #[allow(dead_code)]
        const _: () = {
            #model
            const ORCHESTRATIONS: &[Row] = &[#(#orchestrations)*];
            const ACTIVITIES: &[Row] = &[#(#activities)*];
            const REFERENCE: Reference = reference_prefix::<#total>([ORCHESTRATIONS, ACTIVITIES]);
            const ORCHESTRATION_PROBLEMS: [Problem; ORCHESTRATIONS.len()] =
                problems::<{ ORCHESTRATIONS.len() }, #orchestration_slots>(ORCHESTRATIONS, true, #config_given);
            const ACTIVITY_PROBLEMS: [Problem; ACTIVITIES.len()] =
                problems::<{ ACTIVITIES.len() }, #activity_slots>(ACTIVITIES, false, #config_given);
            #(#rows)*
            #entries
            #lock
            #families
            #functions
            #consts
        };
    }
}

/// `struct Row`, `enum Problem`, `struct Reference` and `struct Entry`; the row's facts and the
/// problems come from [`Fact`] and [`Problem`].
fn model() -> TokenStream {
    let facts = Fact::ALL.map(Fact::ty);
    let variants = Problem::ALL.map(Problem::variant);
    quote! {
        struct Row { path: usize, facts: (#(#facts,)*) }
        #[derive(Clone, Copy)]
        enum Problem { None, #(#variants),* }
        /// The crate prefix most rows share.
        struct Reference { prefix: u128 }
        /// An entry that gets a report: its list, its row there, and its path as written.
        struct Entry { orchestrations: bool, row: usize, text: &'static str }
    }
}

/// One `Row { ... },` per entry, under the entry's `#[cfg]`s.
fn table(entries: &[Entry], paths: &PathIds) -> Vec<TokenStream> {
    entries
        .iter()
        .map(|entry| {
            let cfgs = &entry.cfgs;
            let row = row_value(entry, paths);
            quote! {
                #(#cfgs)*
                #row,
            }
        })
        .collect()
}

/// A number for every distinct path as written, in order of first appearance: what a row is
/// found by when `#[cfg]`s hide its index. Exact, where a fingerprint of the text would only be
/// likely to be.
struct PathIds(Vec<String>);

impl PathIds {
    fn new(registry: &Registry) -> PathIds {
        let mut texts: Vec<String> = Vec::new();
        for entry in registry.orchestrations.iter().chain(&registry.activities) {
            let text = entry.text.clone();
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
        PathIds(texts)
    }

    fn id(&self, text: &str) -> usize {
        self.0
            .iter()
            .position(|t| t == text)
            .unwrap_or(self.0.len())
    }
}

/// The size of `repeats`' table for a list of `len` entries: a power of two, at least twice the
/// list, so that probing stays short and always finds a free slot.
pub(super) fn slots(len: usize) -> usize {
    len.saturating_mul(2)
        .max(2)
        .checked_next_power_of_two()
        .unwrap_or(usize::MAX / 2 + 1)
}

/// What reports the entries' problems: `ENTRIES`, one `Entry` per reported entry, and for each
/// of them `const _: () = check(n);`, spanned at its path and under its `#[cfg]`s. A path listed
/// twice is already reported on its tokens; checking it again would only add noise.
struct Reports {
    entries: TokenStream,
    consts: TokenStream,
}

/// Each reported entry's `Entry` and its `const`. The `const` of an entry is one call with one
/// integer: every `const` is a body of its own for the compiler to check and evaluate, and what
/// it is given costs at each of the hundreds of entries, while `ENTRIES` is built once.
fn reports(registry: &Registry, paths: &PathIds) -> Reports {
    let mut entries = Vec::new();
    let mut consts = TokenStream::new();
    let mut seen: Vec<&str> = Vec::new();
    for list in [List::Orchestrations, List::Activities] {
        let has_cfgs = list.has_cfgs(registry);
        for (index, entry) in list.entries(registry).iter().enumerate() {
            if seen.contains(&entry.text.as_str()) {
                continue;
            }
            seen.push(&entry.text);
            // Without `#[cfg]`s in the list, nothing can shift the rows before this one.
            let row = if has_cfgs {
                RowOf::Path(paths.id(&entry.text))
            } else {
                RowOf::Index(index)
            };
            consts.extend(report(entry, entries.len()));
            entries.push(entry_row(entry, list, row));
        }
    }
    // Behind a reference: each `check` then reads its one `Entry`, where an array `const` would
    // be copied whole, with every string's pointer, at each of them.
    Reports {
        entries: quote!(const ENTRIES: &[Entry] = &[#(#entries),*];),
        consts,
    }
}

/// How an entry's `Entry` finds its row.
enum RowOf {
    /// The row's index, known while expanding.
    Index(usize),
    /// The id of the entry's path, when `#[cfg]`s hide the index.
    Path(usize),
}

/// `Entry { orchestrations, row, text }` for `entry`. Under `#[cfg]`s, the row is looked up by
/// path id; an entry the `#[cfg]`s remove keeps its `Entry`, which its removed `const` never
/// reads.
fn entry_row(entry: &Entry, list: List, row: RowOf) -> TokenStream {
    let orchestrations = list.is_orchestrations();
    let row = match row {
        RowOf::Index(index) => quote!(#index),
        RowOf::Path(id) => {
            let rows = list.rows();
            quote!(#rows[#id])
        }
    };
    let text = &entry.text;
    quote!(Entry { orchestrations: #orchestrations, row: #row, text: #text })
}

/// `const _: () = check(number);`, spanned at the entry's last segment. `check` tracks its
/// caller, so the error points at the entry, not at `check`.
fn report(entry: &Entry, number: usize) -> TokenStream {
    let cfgs = &entry.cfgs;
    let span = entry
        .path
        .segments
        .last()
        .map_or_else(|| entry.path.span(), |s| s.ident.span());
    quote_spanned! {span=>
        #(#cfgs)*
        const _: () = check(#number);
    }
}

/// The shared const functions: `problems` and what it calls, `check` and `fail`.
fn functions(registry: &Registry, config_given: bool) -> TokenStream {
    let conditions = Problem::ALL.map(Problem::condition);
    let variants = Problem::ALL.map(Problem::variant);
    let arms = check_arms(config_given);
    let longest = longest_message(registry, config_given);
    let [identity, earlier_identity] =
        [quote!(table[i]), quote!(table[held - 1])].map(|row| fact(Fact::Identity, row));
    let [prefix, first_prefix, second_prefix] =
        [quote!(table[i]), quote!(tables[0][0]), quote!(tables[1][0])]
            .map(|row| fact(Fact::Prefix, row));
    quote! {
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
                problems[i] = #(if #conditions { Problem::#variants } else)* { Problem::None };
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
            // 1 + the index of the row a slot holds; 0 for a free slot.
            let mut slots = [0usize; SLOTS];
            let mut repeated = [false; N];
            let mut i = 0;
            while i < N {
                let mut slot = (#identity as usize) & (SLOTS - 1);
                loop {
                    let held = slots[slot];
                    if held == 0 {
                        slots[slot] = i + 1;
                        break;
                    }
                    if #earlier_identity == #identity {
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
            // Nearly always every row has the first row's prefix, which one pass tells, before
            // any counting; only a registry that fails to build gets further.
            let first = if !tables[0].is_empty() {
                #first_prefix
            } else if !tables[1].is_empty() {
                #second_prefix
            } else {
                return Reference { prefix: 0 };
            };
            let mut same = true;
            let mut t = 0;
            while t < 2 && same {
                let table = tables[t];
                let mut i = 0;
                while i < table.len() && same {
                    same = #prefix == first;
                    i += 1;
                }
                t += 1;
            }
            if same {
                return Reference { prefix: first };
            }
            // Distinct prefixes in order of first appearance, with how many rows have each.
            let mut seen = [(0u128, 0usize); TOTAL];
            let mut distinct = 0;
            let mut t = 0;
            while t < 2 {
                let table = tables[t];
                let mut i = 0;
                while i < table.len() {
                    let mut d = 0;
                    while d < distinct && seen[d].0 != #prefix {
                        d += 1;
                    }
                    if d == distinct {
                        seen[d] = (#prefix, 0);
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
                #(#arms)*
                _ => {}
            }
        }

        /// Panics with `pieces` joined. The buffer fits the longest message the macro could
        /// give any entry; `#[track_caller]` passes the entry's location through.
        #[track_caller]
        const fn fail(pieces: &[&str]) -> ! {
            let mut bytes = [0u8; #longest];
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
                ::core::result::Result::Err(_) => ::core::panic!("registry! found a problem with this entry"),
            }
        }
    }
}

/// `check`'s match arms: for each list and problem, its template as pieces for `fail` to join.
fn check_arms(config_given: bool) -> Vec<TokenStream> {
    let mut arms = Vec::new();
    for list in [List::Orchestrations, List::Activities] {
        let orchestrations = list == List::Orchestrations;
        for problem in Problem::ALL {
            let Some(template) = problem.template(list, config_given) else {
                continue;
            };
            let variant = problem.variant();
            let pieces = pieces(&template);
            arms.push(quote!((#orchestrations, Problem::#variant) => fail(&[#(#pieces),*]),));
        }
    }
    arms
}

/// A template as the expressions `fail` joins: its text, and `entry` for [`ENTRY`].
fn pieces(template: &str) -> Vec<TokenStream> {
    let mut pieces = Vec::new();
    for (i, text) in template.split(ENTRY).enumerate() {
        if i > 0 {
            pieces.push(quote!(entry));
        }
        if !text.is_empty() {
            pieces.push(quote!(#text));
        }
    }
    pieces
}

/// The length of the longest message any entry could get: the size of the buffer `fail` joins
/// a message in.
fn longest_message(registry: &Registry, config_given: bool) -> usize {
    let mut longest = 0;
    for list in [List::Orchestrations, List::Activities] {
        for entry in list.entries(registry) {
            let text = entry.text.clone();
            for problem in Problem::ALL {
                if let Some(template) = problem.template(list, config_given) {
                    let message = template.replace(ENTRY, &text);
                    longest = longest.max(message.len());
                }
            }
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::{pieces, Problem, ENTRY};

    #[test]
    fn templates_split_into_text_and_placeholders() {
        let rendered: Vec<String> = pieces(&format!("`{ENTRY}` differs, `{ENTRY}`."))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            rendered,
            ["\"`\"", "entry", "\"` differs, `\"", "entry", "\"`.\""]
        );
    }

    #[test]
    fn every_problem_has_a_distinct_variant() {
        let variants: Vec<String> = Problem::ALL
            .iter()
            .map(|p| p.variant().to_string())
            .collect();
        for (i, variant) in variants.iter().enumerate() {
            assert!(!variants[..i].contains(variant), "{variant} twice");
            assert_ne!(variant, "None", "None is the generated enum's own variant");
        }
    }
}
