#![deny(warnings)]
#![no_implicit_prelude]
//! A crate under `#![no_implicit_prelude]`: nothing the generated code names may come from the
//! standard prelude, the extern prelude or `macro_use`. The user code below imports no prelude
//! name either (no `Result`, `String`, `Vec`, `Ok`, `vec!` ...), so that the companion's
//! `use super::*` cannot lend the generated code a name it forgot to qualify.

use ::duroxide::{ActivityContext, OrchestrationContext};
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

pub mod flows {
    use super::{Greeting, OrchestrationContext};
    use ::duroxide_registry_macros::orchestration;

    /// Greets, then shouts. Its interface's helpers name no prelude item either.
    #[orchestration(
        version = "1.2.0",
        events(approval = Greeting),
        queues(commands = ::std::string::String as "Commands"),
        status = ::std::string::String,
        kv(progress = u32)
    )]
    pub async fn greet(
        ctx: OrchestrationContext,
        input: Greeting,
    ) -> ::core::result::Result<::std::vec::Vec<u8>, ::std::string::String> {
        let text = crate::steps::hello::call(&ctx, &input).await?;
        crate::steps::shout::call(&ctx, &text).await
    }
}

registry! {
    names: names,
    orchestrations: [flows::greet],
    activities: [steps::hello, steps::shout as SHOUT],
}

fn main() {
    ::std::assert_eq!(flows::greet::events::approval::NAME, "approval");
    ::std::assert_eq!(flows::greet::queues::commands::NAME, "Commands");
    ::std::assert_eq!(flows::greet::kv::progress::NAME, "progress");
    let _: ::core::option::Option<flows::greet::status::Payload> = ::core::option::Option::None;
    const PREFIX: &str = ::core::env!("CARGO_PKG_NAME");
    let hello_name = ::std::format!("{PREFIX}::activity::hello");
    let shout_name = ::std::format!("{PREFIX}::activity::shout-it");
    let greet_name = ::std::format!("{PREFIX}::orchestration::greet");

    ::std::assert_eq!(steps::hello::NAME, hello_name);
    ::std::assert_eq!(steps::shout::NAME, shout_name);
    ::std::assert_eq!(flows::greet::NAME, greet_name);
    ::std::assert_eq!(steps::hello::DESCRIPTION, "Says hello.");
    ::std::assert_eq!(
        (steps::hello::IDEMPOTENT, steps::shout::IDEMPOTENT),
        (true, false)
    );
    ::std::assert_eq!(flows::greet::VERSION, "1.2.0");
    ::std::assert_eq!(
        flows::greet::ACTIVITIES_USED,
        [steps::hello::NAME, steps::shout::NAME]
    );
    ::std::assert_eq!(names::activities::HELLO, steps::hello::NAME);
    ::std::assert_eq!(names::activities::SHOUT, steps::shout::NAME);
    ::std::assert_eq!(names::orchestrations::GREET, flows::greet::NAME);

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
    let orchestrations = create_orchestration_registry();
    ::std::assert_eq!(orchestrations.count(), 1);
    ::std::assert!(orchestrations.has(flows::greet::NAME));
    let versions = orchestrations.list_versions(flows::greet::NAME);
    ::std::assert_eq!(versions.len(), 1);
    ::std::assert_eq!(::std::string::ToString::to_string(&versions[0]), "1.2.0");

    let listed = list_activities();
    ::std::assert_eq!(listed.len(), 2);
    ::std::assert_eq!(listed[0].name, steps::hello::NAME);
    ::std::assert_eq!(listed[0].description, "Says hello.");
    ::std::assert_eq!(listed[0].input_type, "Greeting");
    ::std::assert_eq!(listed[0].output_type, "::std::string::String");
    ::std::assert!(listed[0].idempotent);
    ::std::assert_eq!(listed[1].name, steps::shout::NAME);
    ::std::assert_eq!(listed[1].output_type, "::std::vec::Vec<u8>");
    let flows = list_orchestrations();
    ::std::assert_eq!(flows.len(), 1);
    ::std::assert_eq!(flows[0].name, flows::greet::NAME);
    ::std::assert_eq!(flows[0].version, "1.2.0");
    ::std::assert_eq!(
        flows[0].activities_used,
        [steps::hello::NAME, steps::shout::NAME]
    );
}
