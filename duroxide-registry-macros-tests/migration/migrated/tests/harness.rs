//! `create-instance` 1.0.7 through the test harness (`duroxide_registry_macros::testing`), in
//! the pattern's file-per-item layout: each activity is annotated in place, in a file of its
//! own, and `activity!(activities::cms::create_instance_record)` names the file's module, as
//! `registry!` does. The version's body waits for an `approval` event it does not declare
//! (`ctx.schedule_wait`), so the test names it by hand, and its custom status is raw text.

use duroxide_fleet::activities;
use duroxide_fleet::orchestrations::create_instance_1_0_7_orchestration as v1_0_7;
use duroxide_fleet::orchestrations::steps;
use duroxide_fleet::registry::{create_activity_registry, create_orchestration_registry};
use duroxide_fleet::{
    AttachDiskOutput, CmsDeleteOutput, CmsRecordRef, CreateInstanceInput, NotifyOwnerOutput,
    ProvisionVmOutput,
};
use duroxide_registry_macros::testing::{activity, orchestration, Event, Harness, When};

fn harness() -> Harness {
    Harness::new(create_orchestration_registry(), create_activity_registry())
        .mocks_only()
        .mock(activity!(activities::provision_vm), |vm| {
            Ok(ProvisionVmOutput {
                vm_id: format!("vm-{}", vm.name),
                ip_address: "10.9.0.7".into(),
            })
        })
        .mock(activity!(activities::attach_disk), |disk| {
            Ok(AttachDiskOutput {
                disk_id: format!("disk-{}-{}", disk.vm_id, disk.size_gb),
            })
        })
        .mock(
            activity!(activities::cms::create_instance_record),
            |record| {
                Ok(CmsRecordRef {
                    record_id: format!("cms-{}", record.instance_name),
                })
            },
        )
        .mock(
            activity!(activities::cms::delete_instance_record),
            |_record| Ok(CmsDeleteOutput { deleted: true }),
        )
        .mock(activity!(activities::notify_owner), |note| {
            Ok(NotifyOwnerOutput {
                notification_id: format!("note-{}", note.owner),
            })
        })
}

fn input(replaces_record: Option<&str>) -> CreateInstanceInput {
    CreateInstanceInput {
        name: "web".to_owned(),
        region: "westeurope".to_owned(),
        size: "standard-2".to_owned(),
        owner: "ops".to_owned(),
        disk_gb: Some(128),
        replaces_record: replaces_record.map(str::to_owned),
    }
}

/// The event 1.0.7 waits for: undeclared, so named by hand; its data is the approver's name.
const APPROVAL: Event<String> = Event::new(steps::APPROVAL_EVENT);

#[tokio::test]
async fn version_1_0_7_records_the_approver_it_waited_for() {
    let run = harness()
        .deliver(APPROVAL, &"alice".to_owned(), When::Waiting)
        .run(orchestration!(v1_0_7), &input(Some("cms-web-old")))
        .await;

    let output = run.output().unwrap();
    assert_eq!(output.approved_by.as_deref(), Some("alice"));
    assert_eq!(output.disk_id.as_deref(), Some("disk-vm-web-128"));
    assert_eq!(output.deleted_record.as_deref(), Some("cms-web-old"));
    assert_eq!(output.notification_id, "note-ops");

    let records = run.calls(activity!(activities::cms::create_instance_record));
    assert_eq!(records[0].approved_by.as_deref(), Some("alice"));
    assert_eq!(records[0].ip_address, "10.9.0.7");
    let deleted = run.calls(activity!(activities::cms::delete_instance_record));
    assert_eq!(deleted[0].record_id, "cms-web-old");
    let notes = run.calls(activity!(activities::notify_owner));
    assert_eq!(
        notes[0].message,
        "web is ready at 10.9.0.7, approved by alice"
    );
    // Raw text, as the body sets it with `ctx.set_custom_status`.
    assert_eq!(
        run.status::<String>().unwrap().as_deref(),
        Some(steps::DONE)
    );
    // Started at exactly the companion's version, not the latest by policy.
    let started = run.history()[0].kind.clone();
    assert!(
        matches!(started, duroxide::EventKind::OrchestrationStarted { ref version, .. } if version == "1.0.7")
    );
}

#[tokio::test]
async fn version_1_0_7_writes_nothing_to_the_cms_before_the_approval() {
    // The approval comes once the owner has been told... which never happens before it:
    // the instance waits, and the run times out with the CMS untouched.
    let task = tokio::spawn(async {
        harness()
            .timeout(std::time::Duration::from_secs(10))
            .deliver(
                APPROVAL,
                &"bob".to_owned(),
                When::after(activity!(activities::notify_owner)),
            )
            .run(orchestration!(v1_0_7), &input(None))
            .await
    });
    let message = task.await.unwrap_err().into_panic();
    let message = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(message.contains("did not finish within 10s"), "{message}");
    assert!(message.contains("ExternalSubscribed"), "{message}");
    assert!(!message.contains("cms-create-instance-record"), "{message}");
}
