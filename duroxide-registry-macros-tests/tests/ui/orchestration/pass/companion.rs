#![deny(warnings)]
//! An orchestration's companion module: version, ACTIVITIES_USED and typed helpers.

use duroxide::{ActivityContext, Client, ClientError, DurableFuture, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration};
use std::time::Duration;

pub mod activities {
    use super::ActivityContext;
    use duroxide_registry_macros::activity;

    #[activity]
    pub async fn provision_vm(_ctx: ActivityContext, input: String) -> Result<String, String> {
        Ok(input)
    }

    #[activity]
    pub async fn configure_firewall(_ctx: ActivityContext, input: u16) -> Result<u16, String> {
        Ok(input)
    }
}

#[activity]
pub async fn audit(_ctx: ActivityContext, input: String) -> Result<(), String> {
    let _ = input;
    Ok(())
}

#[activity]
pub async fn notify(_ctx: ActivityContext, input: String) -> Result<(), String> {
    let _ = input;
    Ok(())
}

/// Deploy a web app.
#[orchestration(uses(notify, audit))]
pub async fn deploy_webapp(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let vm = activities::provision_vm::call(&ctx, &input).await?;
    let port = self::activities::configure_firewall::call(&ctx, &443).await?;
    // A second call of the same activity adds no second entry.
    let again = activities::provision_vm::call(&ctx, &vm).await?;
    // The hand-written pattern's way of naming an activity counts too.
    let _: () = ctx.schedule_activity_typed(audit::NAME, &again).await?;
    // Another path to an activity already listed adds no second entry either.
    let _ = crate::activities::provision_vm::call(&ctx, &again).await?;
    Ok(format!("{again}:{port}"))
}

#[orchestration(name = "deploy-webapp", version = "2.1.0-beta.1", description = "Second take")]
pub async fn deploy_webapp_v2(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    deploy_webapp::call(&ctx, &input).await
}

// Two versions of one orchestration share its name: listed once, although they are two items.
#[orchestration]
pub async fn redeploy(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let first = deploy_webapp::call(&ctx, &input).await?;
    let _ = notify::call(&ctx, &first).await;
    deploy_webapp_v2::call(&ctx, &first).await
}

// Two names that read the same in SCREAMING_SNAKE_CASE: each keeps its own ACTIVITIES_USED.
#[allow(non_snake_case)]
#[orchestration(name = "send-report")]
pub async fn sendReport(ctx: OrchestrationContext, input: String) -> Result<(), String> {
    notify::call(&ctx, &input).await
}
#[orchestration]
pub async fn send_report(ctx: OrchestrationContext, input: String) -> Result<(), String> {
    audit::call(&ctx, &input).await
}

// Never run: it only has to type-check, proving the helpers' signatures.
#[allow(dead_code)]
async fn helpers_compose(ctx: OrchestrationContext, client: Client) -> Result<(), ClientError> {
    let call: fn(&OrchestrationContext, &String) -> DurableFuture<Result<String, String>> = deploy_webapp::call;
    let _ = call(&ctx, &"x".to_owned());
    let _: DurableFuture<Result<String, String>> = deploy_webapp::call_with_id(&ctx, "child-1", &"x".to_owned());
    deploy_webapp::start(&client, "id-1", &"input".to_owned()).await?;
    let waited: Result<String, String> = deploy_webapp::wait(&client, "id-1", Duration::from_secs(1)).await?;
    let _ = waited;
    Ok(())
}

fn main() {
    let package = env!("CARGO_PKG_NAME");
    assert_eq!(deploy_webapp::NAME, format!("{package}::orchestration::deploy-webapp"));
    assert_eq!(deploy_webapp::VERSION, "1.0.0");
    assert_eq!(deploy_webapp::DESCRIPTION, "Deploy a web app.");
    // uses(...) first, in order, then the body's calls in order of first appearance.
    assert_eq!(
        deploy_webapp::ACTIVITIES_USED,
        [notify::NAME, audit::NAME, activities::provision_vm::NAME, activities::configure_firewall::NAME]
    );

    assert_eq!(deploy_webapp_v2::NAME, deploy_webapp::NAME);
    assert_eq!(deploy_webapp_v2::VERSION, "2.1.0-beta.1");
    assert_eq!(deploy_webapp_v2::DESCRIPTION, "Second take");
    assert_eq!(deploy_webapp_v2::ACTIVITIES_USED, [deploy_webapp::NAME]);
    assert_eq!(redeploy::ACTIVITIES_USED, [deploy_webapp::NAME, notify::NAME]);
    assert_eq!(sendReport::ACTIVITIES_USED, [notify::NAME]);
    assert_eq!(send_report::ACTIVITIES_USED, [audit::NAME]);
}
