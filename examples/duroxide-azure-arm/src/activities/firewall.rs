use crate::activity_types::{FirewallConfig, FirewallOutput, FirewallRule};
use crate::errors::AzureError;
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;
use simulated_cloud::{provisioning_delay, Properties, SimulatedCloud};

/// Resource kind of firewall rules in the simulated cloud.
pub const FIREWALL_RULE_KIND: &str = "azure/firewall-rule";

/// Configure inbound firewall rules of a resource group, keeping rules that already exist.
#[activity(idempotent)]
pub async fn configure_firewall(
    ctx: ActivityContext,
    input: FirewallConfig,
) -> Result<FirewallOutput, String> {
    ctx.trace_info(format!(
        "Configuring {} firewall rule(s) in {}",
        input.rules.len(),
        input.resource_group
    ));
    // Check every rule before creating any, so a bad request changes nothing.
    input.rules.iter().try_for_each(validate)?;
    let cloud = SimulatedCloud::ambient();
    let mut rule_ids = Vec::with_capacity(input.rules.len());
    let mut created = 0;
    for rule in &input.rules {
        let id = format!(
            "/resourceGroups/{}/providers/Microsoft.Network/firewallRules/{}",
            input.resource_group, rule.name
        );
        let provisioned = cloud
            .ensure(&id, FIREWALL_RULE_KIND, |_| {
                Properties::from([
                    ("port".to_owned(), rule.port.to_string()),
                    ("protocol".to_owned(), rule.protocol.clone()),
                ])
            })
            .map_err(AzureError::from)?;
        created += usize::from(provisioned.was_created());
        rule_ids.push(id);
    }
    if created > 0 {
        tokio::time::sleep(provisioning_delay()).await;
    }
    ctx.trace_info(format!(
        "{created} rule(s) created, {} already present",
        rule_ids.len() - created
    ));
    Ok(FirewallOutput { rule_ids })
}

fn validate(rule: &FirewallRule) -> Result<(), AzureError> {
    let invalid = |message: String| Err(AzureError::InvalidRequest { message });
    if rule.port == 0 {
        return invalid(format!("rule `{}`: port 0 is not a valid port", rule.name));
    }
    if rule.protocol != "tcp" && rule.protocol != "udp" {
        return invalid(format!(
            "rule `{}`: protocol must be `tcp` or `udp`, not `{}`",
            rule.name, rule.protocol
        ));
    }
    Ok(())
}
