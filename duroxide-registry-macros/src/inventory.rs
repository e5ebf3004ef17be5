//! What `registry!`'s `list_orchestrations()` and `list_activities()` return: one type for every
//! crate, so that an application merges the inventories of all the libraries it composes into
//! one `Vec` without converting anything. Every field comes from the code.
//!
//! The pattern's paths keep working: each `registry!` re-exports both types where it is
//! invoked, so `my_crate::inventory::OrchestrationInfo` can be re-exported from there.

use serde::Serialize;
use std::fmt;

/// What the inventory says about one orchestration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    pub activities_used: Vec<&'static str>,
    /// The version it is registered at.
    pub version: &'static str,
    /// The events it declares (`events(..)`), each with its wire name and payload type.
    pub events: Vec<DeclaredInfo>,
    /// The queues it declares (`queues(..)`).
    pub queues: Vec<DeclaredInfo>,
    /// The KV keys it declares (`kv(..)`).
    pub kv: Vec<DeclaredInfo>,
    /// The type of its custom status (`status = ..`), as written.
    pub status: Option<&'static str>,
    /// Where it is implemented: registered by this registry, by hand, or elsewhere.
    pub implemented: Implemented,
}

/// Where an item of the inventory is implemented, by the list of `registry!` that names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Implemented {
    /// Defined in this crate and registered by its `registry!` (`activities`, `orchestrations`).
    Here,
    /// Defined in this crate, which still registers it by hand; `registry!` lists its
    /// declaration under `by_hand`.
    ByHand,
    /// Implemented by another crate, worker or language; `registry!` lists its declaration
    /// under `external`, and this crate only calls it.
    Elsewhere,
}

/// One event, queue or KV key an orchestration declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclaredInfo {
    /// The key it is declared under, which names its module (`deploy::events::approval`).
    pub key: &'static str,
    /// Its name on the wire.
    pub wire_name: &'static str,
    /// The payload type, as written.
    pub payload_type: &'static str,
}

/// What the inventory says about one activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// Its declared retry and timeout defaults, in words (`5 attempts, exponential 100ms×2 up
    /// to 30s, timeout 2m`); `None` when it declares none.
    pub retry: Option<&'static str>,
    /// Where it is implemented.
    pub implemented: Implemented,
}

/// Checks the declarations of `declared` (the items it lists as implemented
/// [`Elsewhere`](Implemented::Elsewhere)) against the inventory of the crate that implements
/// them: every declaration whose crate prefix is one of `implementation`'s must name an item
/// there, at a version it registers, with the same input and output type names. Declarations of
/// other crates are left for their own implementations. Use it in a test of the calling crate,
/// which depends on the implementing crate for that test only:
///
/// ```ignore
/// #[test]
/// fn declarations_match_the_library() {
///     duroxide_registry_macros::inventory::check_declarations(
///         (&registry::list_orchestrations(), &registry::list_activities()),
///         (&duroxide_aws_ec2::registry::list_orchestrations(), &duroxide_aws_ec2::registry::list_activities()),
///     )
///     .unwrap();
/// }
/// ```
///
/// Type names are compared as written, without their paths (`types::CreateInput` and
/// `CreateInput` are the same name), since each crate writes them from where it stands.
///
/// # Errors
///
/// Every declaration that differs from the implementation, each with what differs.
pub fn check_declarations(
    declared: (&[OrchestrationInfo], &[ActivityInfo]),
    implementation: (&[OrchestrationInfo], &[ActivityInfo]),
) -> Result<(), Mismatches> {
    let view_o = |o: &OrchestrationInfo| Item {
        name: o.name,
        version: o.version,
        input: o.input_type,
        output: o.output_type,
        implemented: o.implemented,
    };
    let view_a = |a: &ActivityInfo| Item {
        name: a.name,
        version: "1.0.0",
        input: a.input_type,
        output: a.output_type,
        implemented: a.implemented,
    };
    let implemented: Vec<Item> = implementation
        .0
        .iter()
        .map(view_o)
        .chain(implementation.1.iter().map(view_a))
        .filter(|item| item.implemented != Implemented::Elsewhere)
        .collect();
    let mut found = Vec::new();
    for item in declared
        .0
        .iter()
        .map(view_o)
        .chain(declared.1.iter().map(view_a))
    {
        if item.implemented == Implemented::Elsewhere {
            found.extend(compare(&item, &implemented));
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(Mismatches(found))
    }
}

/// What [`check_declarations`] compares of an item.
struct Item {
    name: &'static str,
    version: &'static str,
    input: &'static str,
    output: &'static str,
    implemented: Implemented,
}

/// How `declared` differs from the implementation, if it does and the implementation is its
/// crate's.
fn compare(declared: &Item, implemented: &[Item]) -> Option<Mismatch> {
    let prefix = |name: &str| name.split("::").next().unwrap_or("").to_owned();
    if !implemented
        .iter()
        .any(|i| prefix(i.name) == prefix(declared.name))
    {
        return None;
    }
    let mismatch = |difference| {
        Some(Mismatch {
            name: declared.name,
            version: declared.version,
            difference,
        })
    };
    let same_name: Vec<&Item> = implemented
        .iter()
        .filter(|i| i.name == declared.name)
        .collect();
    if same_name.is_empty() {
        return mismatch(Difference::Missing);
    }
    let Some(item) = same_name.iter().find(|i| i.version == declared.version) else {
        let versions = same_name.iter().map(|i| i.version).collect();
        return mismatch(Difference::Version {
            implemented: versions,
        });
    };
    for (which, declared_type, implemented_type) in [
        ("input", declared.input, item.input),
        ("output", declared.output, item.output),
    ] {
        if type_name(declared_type) != type_name(implemented_type) {
            return mismatch(Difference::Type {
                which,
                declared: declared_type,
                implemented: implemented_type,
            });
        }
    }
    None
}

/// A type as written, without paths and whitespace, for comparing: `Vec<types::Input>` and
/// `Vec < Input >` both become `Vec<Input>`.
fn type_name(written: &str) -> String {
    let mut name = String::with_capacity(written.len());
    let mut segment = String::new();
    let mut chars = written.chars().filter(|c| !c.is_whitespace()).peekable();
    while let Some(c) = chars.next() {
        if c == ':' && chars.peek() == Some(&':') {
            // The segment before `::` is a path: drop it.
            chars.next();
            segment.clear();
        } else if c.is_alphanumeric() || c == '_' {
            segment.push(c);
        } else {
            name.push_str(&segment);
            segment.clear();
            name.push(c);
        }
    }
    name.push_str(&segment);
    name
}

/// What [`check_declarations`] found: every declaration that differs from its implementation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatches(pub Vec<Mismatch>);

/// One declaration that differs from its implementation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The declared full name.
    pub name: &'static str,
    /// The declared version (`1.0.0` for activities).
    pub version: &'static str,
    /// What differs.
    pub difference: Difference,
}

/// What differs between a declaration and its implementation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// The implementing crate has no item of that name.
    Missing,
    /// It has the name, but not at the declared version; these are the versions it has.
    Version {
        /// The versions the implementation registers.
        implemented: Vec<&'static str>,
    },
    /// The input or output type names differ.
    Type {
        /// `input` or `output`.
        which: &'static str,
        /// The type as the declaration writes it.
        declared: &'static str,
        /// The type as the implementation writes it.
        implemented: &'static str,
    },
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Mismatch {
            name,
            version,
            difference,
        } = self;
        match difference {
            Difference::Missing => {
                write!(f, "`{name}` is declared, but its crate registers no item of that name")
            }
            Difference::Version { implemented } => write!(
                f,
                "`{name}` is declared at version {version}, but its crate registers {}",
                implemented.join(", ")
            ),
            Difference::Type { which, declared, implemented } => write!(
                f,
                "`{name}` {version} is declared with {which} `{declared}`, but implemented with `{implemented}`"
            ),
        }
    }
}

impl fmt::Display for Mismatches {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, mismatch) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{mismatch}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Mismatches {}

#[cfg(test)]
mod tests {
    use super::type_name;

    #[test]
    fn type_names_lose_their_paths() {
        assert_eq!(type_name("crate::types::Input"), "Input");
        assert_eq!(type_name("Vec < types :: Input >"), "Vec<Input>");
        assert_eq!(type_name("::std::vec::Vec<a::B, c::D>"), "Vec<B,D>");
        assert_eq!(type_name("(u32, u32)"), "(u32,u32)");
    }
}
