/// Provision an Azure VM.
pub async fn provision_vm(
    ctx: ActivityContext,
    input: ProvisionVmInput,
) -> Result<ProvisionVmOutput, String> {
    ctx.trace_info("provisioning");
    Ok(ProvisionVmOutput::from(input))
}
///Registry items of the activity [`provision_vm()`]: its name, its types and typed helpers to call it.
#[allow(
    dead_code,
    deprecated,
    unreachable_pub,
    non_snake_case,
    clippy::module_name_repetitions
)]
pub mod provision_vm {
    /**The activity name for registration and scheduling: `duroxide-registry-macros::activity::provision-vm`.

**Input:** `ProvisionVmInput`
**Output:** `ProvisionVmOutput`
**Idempotent:** Yes

Provision an Azure VM.*/
    pub const NAME: &str = "duroxide-registry-macros::activity::provision-vm";
    /// The description: the first paragraph of the function's doc comment, or the
    /// `description` argument.
    pub const DESCRIPTION: &str = "Provision an Azure VM.";
    /// The input type, as written in the function's signature.
    pub type Input = super::ProvisionVmInput;
    /// The output type: the `Ok` type of the function's `Result`.
    pub type Output = super::ProvisionVmOutput;
    /**Whether the activity is idempotent: running it again with the same input has no
further effect, so duroxide may safely retry it.*/
    pub const IDEMPOTENT: bool = true;
    /**The activity function itself, under the name the pattern's consumers use
(`activities::provision_vm::activity`).*/
    #[allow(unused_imports)]
    pub use super::provision_vm as activity;
    /**Schedules this activity from an orchestration.

The input and output types are checked at compile time. The returned future composes
with `ctx.join` and `ctx.select2`.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call(
        ctx: &::duroxide::OrchestrationContext,
        input: &Input,
    ) -> ::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ctx.schedule_activity_typed::<
                super::ProvisionVmInput,
                super::ProvisionVmOutput,
            >(NAME, input)
    }
    /**Schedules this activity from an orchestration, retrying failures by `policy`.

# Errors

The activity's last error, a timeout, or a failure to decode the output.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call_with_retry<'a>(
        ctx: &'a ::duroxide::OrchestrationContext,
        input: &'a Input,
        policy: ::duroxide::RetryPolicy,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<Output, ::std::string::String>,
    > + 'a {
        ctx.schedule_activity_with_retry_typed::<
                super::ProvisionVmInput,
                super::ProvisionVmOutput,
            >(NAME, input, policy)
    }
    /**Schedules this activity on the worker that owns `session_id`.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call_on_session(
        ctx: &::duroxide::OrchestrationContext,
        input: &Input,
        session_id: impl ::core::convert::Into<::std::string::String>,
    ) -> ::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ctx.schedule_activity_on_session_typed::<
                super::ProvisionVmInput,
                super::ProvisionVmOutput,
            >(NAME, input, session_id)
    }
    #[doc(hidden)]
    #[inline]
    pub fn __register_activity(
        builder: ::duroxide::runtime::registry::ActivityRegistryBuilder,
    ) -> ::duroxide::runtime::registry::ActivityRegistryBuilder {
        let _ = |ctx: super::ActivityContext| -> ::duroxide::ActivityContext { ctx };
        builder
            .register_typed::<
                super::ProvisionVmInput,
                super::ProvisionVmOutput,
                _,
                _,
            >(NAME, super::provision_vm)
    }
    #[doc(hidden)]
    pub use ::core::convert::identity as __register_orchestration;
    #[doc(hidden)]
    pub const __META_V2: (&str, &str, &str, &[u8], bool, &[&str], ()) = (
        "ProvisionVmInput",
        "ProvisionVmOutput",
        "1.0.0",
        b"\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF",
        true,
        &[],
        (),
    );
    #[doc(hidden)]
    pub const __FACTS_V2: (u128, bool, u128, bool) = (
        148097649956677154380308259318295567752u128,
        false,
        32245410216803705770491160160158469818u128,
        false,
    );
}
