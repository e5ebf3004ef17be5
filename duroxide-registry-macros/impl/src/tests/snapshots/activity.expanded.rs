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
    /**The activity name for registration and scheduling: `duroxide-registry-macros-impl::activity::provision-vm`.

**Input:** `ProvisionVmInput`
**Output:** `ProvisionVmOutput`
**Idempotent:** Yes

Provision an Azure VM.*/
    pub const NAME: &str = "duroxide-registry-macros-impl::activity::provision-vm";
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
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &Input,
    ) -> ::duroxide_registry_macros::__private::duroxide::DurableFuture<
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
        ctx: &'a ::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &'a Input,
        policy: ::duroxide_registry_macros::__private::duroxide::RetryPolicy,
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
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &Input,
        session_id: impl ::core::convert::Into<::std::string::String>,
    ) -> ::duroxide_registry_macros::__private::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ctx.schedule_activity_on_session_typed::<
                super::ProvisionVmInput,
                super::ProvisionVmOutput,
            >(NAME, input, session_id)
    }
    #[inline]
    fn __register(
        builder: ::duroxide_registry_macros::__private::duroxide::runtime::registry::ActivityRegistryBuilder,
    ) -> ::duroxide_registry_macros::__private::duroxide::runtime::registry::ActivityRegistryBuilder {
        builder
            .register_typed::<
                super::ProvisionVmInput,
                super::ProvisionVmOutput,
                _,
                _,
            >(NAME, super::provision_vm)
    }
    #[doc(hidden)]
    pub const __FACTS: ::duroxide_registry_macros::__private::Facts = ::duroxide_registry_macros::__private::Facts {
        identity: 63411088280681395427642717127511254638u128,
        name: 63411088280681395427642717127511254638u128,
        orchestration: false,
        prefix: 335050394409219129433704085100522674263u128,
        needs_config: false,
        annotation: ::duroxide_registry_macros::__private::Annotation::Definition,
    };
    #[doc(hidden)]
    pub const __INFO: ::duroxide_registry_macros::__private::Info = ::duroxide_registry_macros::__private::Info {
        name: NAME,
        description: DESCRIPTION,
        input_type: "ProvisionVmInput",
        output_type: "ProvisionVmOutput",
        version: "1.0.0",
        version_key: b"\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF",
        orchestration: false,
        idempotent: true,
        retry: ::core::option::Option::None,
        uses: &[],
        register: ::duroxide_registry_macros::__private::Register::Activity(__register),
        interface: &[],
        status: ::core::option::Option::None,
    };
}
