#![deny(warnings)]
#![no_implicit_prelude]
//! A crate under `#![no_implicit_prelude]`: nothing the generated code names may come from the
//! standard prelude, the extern prelude or `macro_use`. The user code below imports no prelude
//! name either (no `Result`, `String`, `Vec`, `Ok`, `vec!` ...), so that the companion's
//! `use super::*` cannot lend the generated code a name it forgot to qualify.
//!
//! Orchestrations are left out here: their companion names `String::from`, which needs the
//! prelude's `From` (see `pending/no_implicit_prelude_orchestration.rs`).

use ::duroxide::ActivityContext;
use ::duroxide_registry_macros::registry;

/// Payload of the steps.
#[derive(::serde::Serialize, ::serde::Deserialize, ::core::fmt::Debug, ::core::cmp::PartialEq)]
pub struct Greeting {
    /// Who to greet.
    pub who: ::std::string::String,
}

pub mod steps {
    use super::{ActivityContext, Greeting};
    use ::duroxide_registry_macros::activity;

    /// Says hello.
    ///
    /// Only the first paragraph becomes the description.
    #[activity(idempotent)]
    pub async fn hello(
        _ctx: ActivityContext,
        input: Greeting,
    ) -> ::core::result::Result<::std::string::String, ::std::string::String> {
        ::core::result::Result::Ok(::std::format!("hello {}", input.who))
    }

    /// Shouts.
    #[activity(name = "shout-it")]
    pub async fn shout(
        _ctx: ActivityContext,
        input: ::std::string::String,
    ) -> ::core::result::Result<::std::vec::Vec<u8>, ::std::string::String> {
        ::core::result::Result::Ok(input.into_bytes())
    }
}

registry! {
    names: names,
    activities: [steps::hello, steps::shout as SHOUT],
}

fn main() {
    const PREFIX: &str = ::core::env!("CARGO_PKG_NAME");
    let hello_name = ::std::format!("{PREFIX}::activity::hello");
    let shout_name = ::std::format!("{PREFIX}::activity::shout-it");

    ::std::assert_eq!(steps::hello::NAME, hello_name);
    ::std::assert_eq!(steps::shout::NAME, shout_name);
    ::std::assert_eq!(steps::hello::DESCRIPTION, "Says hello.");
    ::std::assert_eq!(
        (steps::hello::IDEMPOTENT, steps::shout::IDEMPOTENT),
        (true, false)
    );
    ::std::assert_eq!(names::activities::HELLO, steps::hello::NAME);
    ::std::assert_eq!(names::activities::SHOUT, steps::shout::NAME);

    let input: steps::hello::Input = Greeting {
        who: ::std::borrow::ToOwned::to_owned("x"),
    };
    let output: steps::shout::Output = ::std::vec::Vec::new();
    ::std::assert_eq!(input.who, "x");
    ::std::assert!(output.is_empty());

    let activities = create_activity_registry();
    ::std::assert_eq!(activities.count(), 2);
    ::std::assert!(activities.has(steps::hello::NAME));
    ::std::assert!(activities.has(steps::shout::NAME));
    ::std::assert!(create_orchestration_registry().count() == 0);
    ::std::assert!(list_orchestrations().is_empty());

    let listed = list_activities();
    ::std::assert_eq!(listed.len(), 2);
    ::std::assert_eq!(listed[0].name, steps::hello::NAME);
    ::std::assert_eq!(listed[0].description, "Says hello.");
    ::std::assert_eq!(listed[0].input_type, "Greeting");
    ::std::assert_eq!(listed[0].output_type, "::std::string::String");
    ::std::assert!(listed[0].idempotent);
    ::std::assert_eq!(listed[1].name, steps::shout::NAME);
    ::std::assert_eq!(listed[1].output_type, "::std::vec::Vec<u8>");
}
