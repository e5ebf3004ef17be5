//! The app's own activity, registered next to the libraries' ones.

use crate::types::{DnsRecordInput, DnsRecordOutput};
use duroxide::ActivityContext;
use duroxide_registry_macros::activity;
use simulated_cloud::{provisioning_delay, Properties, SimulatedCloud};

/// The simulated DNS zone deployments are published in.
pub const DNS_ZONE: &str = "multi-cloud.sim";

/// Resource kind of DNS records in the simulated cloud.
pub const DNS_RECORD_KIND: &str = "dns/cname";

/// Publish a DNS record for a deployment, or return the existing record of the same name.
#[activity("my-app", idempotent)]
pub async fn publish_dns_record(
    ctx: ActivityContext,
    input: DnsRecordInput,
) -> Result<DnsRecordOutput, String> {
    let fqdn = format!("{}.{DNS_ZONE}", input.name);
    ctx.trace_info(format!("Publishing {fqdn} -> {}", input.target));
    let record = SimulatedCloud::ambient()
        .ensure(&format!("dns/{fqdn}"), DNS_RECORD_KIND, |_| {
            Properties::from([("target".to_owned(), input.target.clone())])
        })
        .map_err(|error| error.to_string())?;
    if record.was_created() {
        tokio::time::sleep(provisioning_delay()).await;
    } else {
        ctx.trace_info("DNS record already exists, returning existing");
    }
    Ok(DnsRecordOutput { fqdn })
}
