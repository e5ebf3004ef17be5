//! Every orchestration of this crate, run with the test harness
//! (`duroxide_registry_macros::testing`): activities and, for the scaler, the resize
//! sub-orchestration are typed mocks, commands and confirmations are delivered to the
//! scaler's queue and event, and each test reads what the body did from the calls it made.

use duroxide_aws_ec2::activities;
use duroxide_aws_ec2::orchestrations::create_ec2_cluster::create_ec2_cluster_orchestration;
use duroxide_aws_ec2::orchestrations::ec2_cluster_scaler::ec2_cluster_scaler_orchestration as scaler;
use duroxide_aws_ec2::orchestrations::resize_ec2_cluster::resize_ec2_cluster_orchestration;
use duroxide_aws_ec2::registry;
use duroxide_aws_ec2::{
    AwsError, CreateEc2ClusterInput, Ec2ClusterScalerInput, Ec2ClusterScalerOutput,
    LaunchInstanceOutput, LoadBalancerOutput, PlacementGroupOutput, ResizeEc2ClusterInput,
    ResizeEc2ClusterOutput, ScaleConfirmation, ScalerCommand, ScalerPhase, TerminateInstanceOutput,
};
use duroxide_registry_macros::testing::{activity, event, orchestration, queue, Harness, When};
use std::time::{Duration, Instant};

/// Every activity mocked: ids derived from names, as the simulated cloud derives them.
fn harness() -> Harness {
    Harness::new(
        registry::create_orchestration_registry(),
        registry::create_activity_registry(),
    )
    .mocks_only()
    .mock(activity!(activities::create_placement_group), |group| {
        Ok(PlacementGroupOutput {
            group_id: format!("pg-{}", group.name),
        })
    })
    .mock(activity!(activities::launch_instance), |launch| {
        Ok(LaunchInstanceOutput {
            instance_id: format!("i-{}", launch.name),
            private_ip: "10.1.0.4".into(),
        })
    })
    .mock(activity!(activities::create_load_balancer), |balancer| {
        Ok(LoadBalancerOutput {
            load_balancer_arn: format!("arn:{}", balancer.name),
            dns_name: format!("{}.elb.sim", balancer.name),
        })
    })
    .mock(activity!(activities::terminate_instance), |termination| {
        Ok(TerminateInstanceOutput {
            instance_id: Some(format!("i-{}", termination.name)),
        })
    })
    .mock(
        activity!(activities::set_load_balancer_targets),
        |targets| {
            Ok(LoadBalancerOutput {
                load_balancer_arn: format!("arn:{}", targets.name),
                dns_name: format!("{}.elb.sim", targets.name),
            })
        },
    )
}

fn cluster(name: &str, instance_count: u32) -> CreateEc2ClusterInput {
    CreateEc2ClusterInput {
        cluster_name: name.to_owned(),
        instance_count,
        region: "us-east-1".to_owned(),
    }
}

#[tokio::test]
async fn create_ec2_cluster_launches_in_parallel_behind_one_load_balancer() {
    let run = harness()
        .run(
            orchestration!(create_ec2_cluster_orchestration),
            &cluster("web", 3),
        )
        .await;
    let output = run.output().unwrap();
    assert_eq!(output.cluster_id, "pg-web");
    assert_eq!(output.endpoint, "http://web-lb.elb.sim");
    let launched: Vec<String> = run
        .calls(activity!(activities::launch_instance))
        .into_iter()
        .map(|launch| format!("{} in {}", launch.name, launch.placement_group_id))
        .collect();
    assert_eq!(
        launched,
        ["web-0 in pg-web", "web-1 in pg-web", "web-2 in pg-web"]
    );
    let balancers = run.calls(activity!(activities::create_load_balancer));
    assert_eq!(
        balancers[0].target_instance_ids,
        ["i-web-0", "i-web-1", "i-web-2"]
    );
}

#[tokio::test]
async fn create_ec2_cluster_fails_on_a_launch_failure_and_a_retry_completes_it() {
    let capacity = AwsError::LimitExceeded {
        resource_type: "instance".into(),
    }
    .encode();
    let harness = harness().fail_times(activity!(activities::launch_instance), 1, capacity.clone());

    let first = harness
        .run(
            orchestration!(create_ec2_cluster_orchestration),
            &cluster("batch", 2),
        )
        .await;
    assert_eq!(first.output().unwrap_err(), capacity);
    assert!(first
        .calls(activity!(activities::create_load_balancer))
        .is_empty());

    // The caller retries the whole orchestration: the injected failure is spent.
    let retry = harness
        .run(
            orchestration!(create_ec2_cluster_orchestration),
            &cluster("batch", 2),
        )
        .await;
    assert_eq!(retry.output().unwrap().endpoint, "http://batch-lb.elb.sim");
    assert_eq!(retry.calls(activity!(activities::launch_instance)).len(), 2);
    assert_ne!(first.instance_id(), retry.instance_id());
}

#[tokio::test]
async fn create_ec2_cluster_refuses_an_empty_cluster_before_calling_anything() {
    let run = harness()
        .run(
            orchestration!(create_ec2_cluster_orchestration),
            &cluster("empty", 0),
        )
        .await;
    assert_eq!(
        run.output().unwrap_err(),
        "instance_count must be between 1 and 20, not 0"
    );
    assert!(run
        .calls(activity!(activities::create_placement_group))
        .is_empty());
}

fn resize(from: u32, to: u32) -> ResizeEc2ClusterInput {
    ResizeEc2ClusterInput {
        cluster_name: "web".to_owned(),
        region: "us-east-1".to_owned(),
        cluster_id: "pg-web".to_owned(),
        from,
        to,
    }
}

#[tokio::test]
async fn resize_ec2_cluster_terminates_the_surplus_and_routes_to_the_rest() {
    let run = harness()
        .run(
            orchestration!(resize_ec2_cluster_orchestration),
            &resize(3, 1),
        )
        .await;
    let output = run.output().unwrap();
    assert_eq!(output.instance_ids, ["i-web-0"]);
    let terminated: Vec<String> = run
        .calls(activity!(activities::terminate_instance))
        .into_iter()
        .map(|termination| termination.name)
        .collect();
    assert_eq!(terminated, ["web-1", "web-2"]);
    let routed = run.calls(activity!(activities::set_load_balancer_targets));
    assert_eq!(routed[0].target_instance_ids, ["i-web-0"]);
}

#[tokio::test]
async fn resize_ec2_cluster_grows_without_terminating() {
    let run = harness()
        .run(
            orchestration!(resize_ec2_cluster_orchestration),
            &resize(1, 3),
        )
        .await;
    assert_eq!(run.output().unwrap().instance_count, 3);
    assert_eq!(run.calls(activity!(activities::launch_instance)).len(), 3);
    assert!(run
        .calls(activity!(activities::terminate_instance))
        .is_empty());
}

fn scaler_input(instance_count: u32, confirm_timeout_secs: u64) -> Ec2ClusterScalerInput {
    Ec2ClusterScalerInput {
        cluster_name: "web".to_owned(),
        region: "us-east-1".to_owned(),
        cluster_id: "pg-web".to_owned(),
        instance_count,
        commands_per_execution: 2,
        confirm_timeout_secs,
        commands_served: 0,
        executions: 0,
        last: None,
    }
}

/// The resize sub-orchestration, mocked: it reports the size asked for.
fn resized(input: ResizeEc2ClusterInput) -> Result<ResizeEc2ClusterOutput, String> {
    Ok(ResizeEc2ClusterOutput {
        instance_count: input.to,
        instance_ids: (0..input.to).map(|i| format!("i-web-{i}")).collect(),
        endpoint: "http://web-lb.elb.sim".into(),
    })
}

#[tokio::test]
async fn the_scaler_grows_at_once_shrinks_once_confirmed_and_continues_as_new() {
    let commands = queue!(scaler::queues::commands);
    let yes = ScaleConfirmation {
        approved: true,
        by: "ops".into(),
    };
    let run = harness()
        .mock_orchestration(orchestration!(resize_ec2_cluster_orchestration), resized)
        .deliver(
            commands,
            &ScalerCommand::Scale { instances: 5 },
            When::Started,
        )
        .deliver(
            commands,
            &ScalerCommand::Scale { instances: 2 },
            When::Started,
        )
        // Raised once the scaler waits for it: the timer (300 s) never fires.
        .deliver(event!(scaler::events::confirm), &yes, When::Waiting)
        .deliver(commands, &ScalerCommand::Stop, When::Started)
        .run(orchestration!(scaler), &scaler_input(3, 300))
        .await;

    assert_eq!(
        run.output().unwrap(),
        Ec2ClusterScalerOutput {
            instance_count: 2,
            commands_served: 3,
            executions: 2,
        }
    );
    let resizes: Vec<(u32, u32)> = run
        .calls(orchestration!(resize_ec2_cluster_orchestration))
        .into_iter()
        .map(|resize| (resize.from, resize.to))
        .collect();
    assert_eq!(resizes, [(3, 5), (5, 2)]);
    let status = run.status::<scaler::status::Payload>().unwrap().unwrap();
    assert_eq!(status.phase, ScalerPhase::Stopped);
    assert_eq!(status.execution, 2);
    // Two executions of the scaler, and one of each mocked resize.
    let scalers = run
        .executions()
        .iter()
        .filter(|execution| execution.instance == run.instance_id())
        .count();
    assert_eq!(scalers, 2);
}

#[tokio::test]
async fn the_scaler_refuses_a_shrink_nobody_confirms_once_its_short_timer_fires() {
    let started = Instant::now();
    let commands = queue!(scaler::queues::commands);
    let run = harness()
        .mock_orchestration(orchestration!(resize_ec2_cluster_orchestration), resized)
        .deliver(
            commands,
            &ScalerCommand::Scale { instances: 1 },
            When::Started,
        )
        // The stop waits until the instance dequeues again, after the timer fired.
        .deliver(commands, &ScalerCommand::Stop, When::Waiting)
        // A one-second timeout from the input: the timer fires on the wall clock.
        .run(orchestration!(scaler), &scaler_input(3, 1))
        .await;
    assert_eq!(run.output().unwrap().instance_count, 3);
    assert!(run
        .calls(orchestration!(resize_ec2_cluster_orchestration))
        .is_empty());
    let fired = run
        .history()
        .iter()
        .any(|event| matches!(event.kind, duroxide::EventKind::TimerFired { .. }));
    assert!(fired, "the confirmation timer fired");
    assert!(started.elapsed() >= Duration::from_secs(1));
}
