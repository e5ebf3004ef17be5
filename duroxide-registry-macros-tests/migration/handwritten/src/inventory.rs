//! Inventory of all orchestrations and activities for discovery
//!
//! Written by hand, as the pattern's document does, with one addition: a `version` per
//! orchestration entry, since `create-instance` is registered in three versions.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrchestrationInfo {
    pub name: &'static str,
    pub version: &'static str,
    pub description: &'static str,
    pub input_type: &'static str,
    pub output_type: &'static str,
    pub activities_used: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActivityInfo {
    pub name: &'static str,
    pub description: &'static str,
    pub input_type: &'static str,
    pub output_type: &'static str,
    pub idempotent: bool,
}

pub fn list_orchestrations() -> Vec<OrchestrationInfo> {
    use crate::activities::{attach_disk, cms, notify_owner, provision_vm};
    let create_instance = |version, description, activities_used| OrchestrationInfo {
        name: crate::names::orchestrations::CREATE_INSTANCE,
        version,
        description,
        input_type: "CreateInstanceInput",
        output_type: "CreateInstanceOutput",
        activities_used,
    };
    vec![
        create_instance(
            "1.0.5",
            "Create a fleet instance: VM, CMS record, owner notified",
            vec![
                provision_vm::NAME,
                cms::create_instance_record::NAME,
                cms::delete_instance_record::NAME,
                notify_owner::NAME,
            ],
        ),
        create_instance(
            "1.0.6",
            "Create a fleet instance with a data disk",
            vec![
                provision_vm::NAME,
                attach_disk::NAME,
                cms::create_instance_record::NAME,
                cms::delete_instance_record::NAME,
                notify_owner::NAME,
            ],
        ),
        create_instance(
            "1.0.7",
            "Create a fleet instance with a data disk, once approved",
            vec![
                provision_vm::NAME,
                attach_disk::NAME,
                cms::create_instance_record::NAME,
                cms::delete_instance_record::NAME,
                notify_owner::NAME,
            ],
        ),
    ]
}

pub fn list_activities() -> Vec<ActivityInfo> {
    vec![
        ActivityInfo {
            name: crate::activities::provision_vm::NAME,
            description: "Provision a VM",
            input_type: "ProvisionVmInput",
            output_type: "ProvisionVmOutput",
            idempotent: true,
        },
        ActivityInfo {
            name: crate::activities::attach_disk::NAME,
            description: "Attach a data disk to a VM",
            input_type: "AttachDiskInput",
            output_type: "AttachDiskOutput",
            idempotent: true,
        },
        ActivityInfo {
            name: crate::activities::cms::create_instance_record::NAME,
            description: "Record an instance in the CMS",
            input_type: "CmsInstanceRecord",
            output_type: "CmsRecordRef",
            idempotent: true,
        },
        ActivityInfo {
            name: crate::activities::cms::delete_instance_record::NAME,
            description: "Delete an instance's CMS record",
            input_type: "CmsRecordRef",
            output_type: "CmsDeleteOutput",
            idempotent: true,
        },
        ActivityInfo {
            name: crate::activities::notify_owner::NAME,
            description: "Tell an instance's owner about it",
            input_type: "NotifyOwnerInput",
            output_type: "NotifyOwnerOutput",
            idempotent: false,
        },
    ]
}
