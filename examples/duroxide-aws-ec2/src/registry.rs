//! Registry builders for exporting orchestrations and activities
//!
//! `registry!` generates `create_orchestration_registry()`, `create_activity_registry()`, the
//! inventory (re-exported by [`crate::inventory`]) and the `names` module (re-exported as
//! [`crate::names`]). Consumers merge the registries into their own with `.merge()`.

use duroxide_registry_macros::registry;

registry! {
    // Every wire name this crate has published; `tests/registry_lock.rs` keeps it current.
    lock: "registry.lock",
    // `replay::capture` and `replay::check`: `tests/histories.rs` replays the golden histories.
    replay: replay,
    names: names,
    orchestrations: [
        crate::orchestrations::create_ec2_cluster::create_ec2_cluster_orchestration as CREATE_EC2_CLUSTER,
        crate::orchestrations::resize_ec2_cluster::resize_ec2_cluster_orchestration as RESIZE_EC2_CLUSTER,
        crate::orchestrations::ec2_cluster_scaler::ec2_cluster_scaler_orchestration as EC2_CLUSTER_SCALER,
    ],
    activities: [
        crate::activities::create_placement_group,
        crate::activities::launch_instance,
        crate::activities::create_load_balancer,
        crate::activities::terminate_instance,
        crate::activities::set_load_balancer_targets,
    ],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_item_is_registered() {
        let orchestrations = create_orchestration_registry();
        assert!(list_orchestrations()
            .iter()
            .all(|info| orchestrations.has(info.name)));
        let activities = create_activity_registry();
        assert!(list_activities()
            .iter()
            .all(|info| activities.has(info.name)));
    }

    #[test]
    fn names_are_the_documented_ones() {
        assert_eq!(
            names::orchestrations::CREATE_EC2_CLUSTER,
            "duroxide-aws-ec2::orchestration::create-ec2-cluster"
        );
        assert_eq!(
            crate::activities::launch_instance::NAME,
            "duroxide-aws-ec2::activity::launch-instance"
        );
    }
}
