/// Provision a PostgreSQL server on a new VM.
pub async fn provision_postgres_v2(
    ctx: OrchestrationContext,
    input: ProvisionPostgresInput,
) -> Result<ProvisionPostgresOutput, String> {
    let vm = activities::provision_vm::call(&ctx, &input.vm).await?;
    activities::configure_firewall::call(&ctx, &vm.address).await?;
    Ok(ProvisionPostgresOutput::new(vm))
}
#[doc(hidden)]
const __PROVISION_POSTGRES_V2_ACTIVITIES_USED_5943CEA10863063A: &[&str] = {
    const UNIQUE: ([&str; 2usize], usize) = ::duroxide_registry_macros::__private::checks::unique([
        activities::provision_vm::NAME,
        activities::configure_firewall::NAME,
    ]);
    UNIQUE.0.split_at(UNIQUE.1).0
};
///Registry items of the orchestration [`provision_postgres_v2()`]: its name, its types and typed helpers to call it.
#[allow(
    dead_code,
    deprecated,
    unreachable_pub,
    non_snake_case,
    clippy::module_name_repetitions
)]
pub mod provision_postgres_v2 {
    /**The orchestration name for registration and scheduling: `duroxide-registry-macros-impl::orchestration::provision-postgres`.

**Input:** `ProvisionPostgresInput`
**Output:** `ProvisionPostgresOutput`
**Version:** `2.0.0`
**Activities used:**
- `activities::provision_vm`
- `activities::configure_firewall`

Provision a PostgreSQL server on a new VM.*/
    pub const NAME: &str = "duroxide-registry-macros-impl::orchestration::provision-postgres";
    /// The description: the first paragraph of the function's doc comment, or the
    /// `description` argument.
    pub const DESCRIPTION: &str = "Provision a PostgreSQL server on a new VM.";
    /// The input type, as written in the function's signature.
    pub type Input = super::ProvisionPostgresInput;
    /// The output type: the `Ok` type of the function's `Result`.
    pub type Output = super::ProvisionPostgresOutput;
    /// The version this function is registered at, and that its helpers start and call.
    pub const VERSION: &str = "2.0.0";
    /**Full names of the activities and sub-orchestrations this orchestration calls through
their companion modules, plus those listed in `uses(...)`: in order of first
appearance, each resolved by the compiler.*/
    pub const ACTIVITIES_USED: &[&str] = super::__PROVISION_POSTGRES_V2_ACTIVITIES_USED_5943CEA10863063A;
    /**Runs this orchestration, at exactly [`VERSION`], as a sub-orchestration with an
instance id derived from the parent's.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call(
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &Input,
    ) -> ::duroxide_registry_macros::__private::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ::duroxide_registry_macros::__private::codec::call::<
            super::ProvisionPostgresInput,
            super::ProvisionPostgresOutput,
        >(ctx, NAME, VERSION, ::core::option::Option::None, input)
    }
    /**Runs this orchestration, at exactly [`VERSION`], as a sub-orchestration with the
given instance id.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call_with_id(
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        instance_id: impl ::core::convert::Into<::std::string::String>,
        input: &Input,
    ) -> ::duroxide_registry_macros::__private::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        let instance_id = ::core::option::Option::Some(
            ::core::convert::Into::into(instance_id),
        );
        ::duroxide_registry_macros::__private::codec::call::<
            super::ProvisionPostgresInput,
            super::ProvisionPostgresOutput,
        >(ctx, NAME, VERSION, instance_id, input)
    }
    /**Starts a new instance of this orchestration, at exactly [`VERSION`].

# Errors

The input cannot be encoded, or the provider fails to enqueue the instance.*/
    #[inline]
    pub fn start<'a>(
        client: &'a ::duroxide_registry_macros::__private::duroxide::Client,
        instance_id: impl ::core::convert::Into<::std::string::String>,
        input: &'a Input,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            (),
            ::duroxide_registry_macros::__private::duroxide::ClientError,
        >,
    > + 'a {
        let instance_id: ::std::string::String = instance_id.into();
        client
            .start_orchestration_versioned_typed::<
                &super::ProvisionPostgresInput,
            >(instance_id, NAME, VERSION, input)
    }
    /**Waits for an instance to finish: `Ok(Ok(output))` when it completed,
`Ok(Err(message))` when it failed.

# Errors

A timeout, a provider failure, or an output that does not decode as [`Output`].*/
    #[inline]
    pub fn wait<'a>(
        client: &'a ::duroxide_registry_macros::__private::duroxide::Client,
        instance_id: &'a str,
        timeout: ::core::time::Duration,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ::core::result::Result<Output, ::std::string::String>,
            ::duroxide_registry_macros::__private::duroxide::ClientError,
        >,
    > + 'a {
        client
            .wait_for_orchestration_typed::<
                super::ProvisionPostgresOutput,
            >(instance_id, timeout)
    }
    /**Ends this execution and continues the instance as a new one, at exactly [`VERSION`],
with `input`: `return deploy::continue_as_new(&ctx, &input).await;`. The future never
completes, so it has whatever output type the body returns. Called from an older
version's body, it upgrades the instance to this version.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn continue_as_new<T>(
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &Input,
    ) -> ::duroxide_registry_macros::interface::ContinueAsNew<T> {
        ::duroxide_registry_macros::__private::interface::continue_as_new::<
            super::ProvisionPostgresInput,
            T,
        >(ctx, NAME, VERSION, input)
    }
    /**Starts a new instance of this orchestration, at exactly [`VERSION`], from another
orchestration, which does not wait for it.

# Errors

An instance id that duroxide reserves for sub-orchestrations (`sub::..`), where
duroxide's own call panics.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn start_detached(
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        instance_id: impl ::core::convert::Into<::std::string::String>,
        input: &Input,
    ) -> ::core::result::Result<(), ::std::string::String> {
        ::duroxide_registry_macros::__private::interface::start_detached::<
            super::ProvisionPostgresInput,
        >(ctx, NAME, VERSION, instance_id, input)
    }
    #[inline]
    fn __register(
        builder: ::duroxide_registry_macros::__private::duroxide::OrchestrationRegistryBuilder,
    ) -> ::duroxide_registry_macros::__private::duroxide::OrchestrationRegistryBuilder {
        builder
            .register_versioned_typed::<
                super::ProvisionPostgresInput,
                super::ProvisionPostgresOutput,
                _,
                _,
            >(NAME, VERSION, super::provision_postgres_v2)
    }
    #[doc(hidden)]
    pub const __FACTS: ::duroxide_registry_macros::__private::Facts = ::duroxide_registry_macros::__private::Facts {
        identity: 329335834054012320234431585547406092399u128,
        name: 310159991138929826035166119360532712132u128,
        orchestration: true,
        prefix: 335050394409219129433704085100522674263u128,
        needs_config: false,
        annotation: ::duroxide_registry_macros::__private::Annotation::Definition,
    };
    #[doc(hidden)]
    pub const __INFO: ::duroxide_registry_macros::__private::Info = ::duroxide_registry_macros::__private::Info {
        name: NAME,
        description: DESCRIPTION,
        input_type: "ProvisionPostgresInput",
        output_type: "ProvisionPostgresOutput",
        version: VERSION,
        version_key: b"\0\0\0\0\0\0\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF",
        orchestration: true,
        idempotent: false,
        retry: ::core::option::Option::None,
        uses: ACTIVITIES_USED,
        register: ::duroxide_registry_macros::__private::Register::Orchestration(
            __register,
        ),
        interface: &[],
        status: ::core::option::Option::None,
    };
}
