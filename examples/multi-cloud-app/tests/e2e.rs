//! End-to-end: the built binary, run as a user runs it, on embedded SQLite.
//!
//! No test asserts on timing: the timeouts only stop a hung process, and are generous enough
//! for a loaded two-core machine. On any failure the sandbox prints every process's stdout and
//! stderr in full (see `common`).

mod common;

use common::{Finished, Sandbox};
use multi_cloud_app::inventory;
use std::collections::BTreeMap;
use std::time::Duration;

/// Longest any one run of the binary may take before the test fails: a deploy takes about a
/// second when idle, and much longer with every core busy.
const DEPLOY_TIMEOUT: Duration = Duration::from_secs(600);

/// Resource kinds a deployment with `instances` EC2 instances creates, with their counts.
fn expected_kinds(instances: usize) -> BTreeMap<String, usize> {
    [
        ("azure/vm", 1),
        ("azure/firewall-rule", 1),
        ("azure/app-service-plan/premium", 1),
        ("azure/web-app", 1),
        ("aws/placement-group", 1),
        ("aws/ec2-instance", instances),
        ("aws/load-balancer", 1),
        ("dns/cname", 1),
    ]
    .into_iter()
    .map(|(kind, count)| (kind.to_owned(), count))
    .collect()
}

fn kinds_in(sandbox: &Sandbox) -> BTreeMap<String, usize> {
    let mut kinds = BTreeMap::new();
    for resource in sandbox.cloud().resources().unwrap() {
        *kinds.entry(resource.kind).or_insert(0) += 1;
    }
    kinds
}

fn assert_each_resource_created_once(sandbox: &Sandbox) {
    let counts = sandbox.cloud().creation_counts().unwrap();
    let repeated: Vec<_> = counts.iter().filter(|(_, &count)| count != 1).collect();
    assert!(repeated.is_empty(), "created more than once: {repeated:?}");
}

#[test]
fn deploy_completes_and_status_reports_the_typed_result() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["deploy", "demo", "--instances", "2"], DEPLOY_TIMEOUT);
    run.assert_success()
        .assert_stdout_contains("dns       demo.multi-cloud.sim");
    assert_every_step_shown_once_in_order(&run, "demo");
    assert_eq!(kinds_in(&sandbox), expected_kinds(2));

    let status = sandbox.run(&["status", "demo", "--json"], DEPLOY_TIMEOUT);
    let status = status.assert_success().json();
    assert_eq!(status["status"], "Completed");
    assert_eq!(status["executions"], 1);
    let output = &status["output"];
    let vm = sandbox
        .cloud()
        .get(output["db_server_id"].as_str().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        output["db_connection"],
        format!(
            "postgresql://dbadmin@{}:5432/demo-db",
            vm.properties["ip_address"]
        )
    );
    assert_eq!(output["app_url"], "https://demo-web.azurewebsites.sim");
    assert_eq!(output["web_tier"], "premium");
    assert_eq!(
        output["cluster_endpoint"],
        "http://demo-cluster-lb.us-east-1.elb.sim"
    );

    let all = sandbox.run(&["status", "--json"], DEPLOY_TIMEOUT);
    let all = all.assert_success().json();
    assert_eq!(
        all.as_array().unwrap().len(),
        1,
        "sub-orchestrations are not deployments: {all}"
    );
    assert_eq!(
        all[0]["orchestration"],
        multi_cloud_app::names::orchestrations::DEPLOY_MULTI_CLOUD
    );

    // Deploying again reports the finished deployment and creates nothing.
    sandbox
        .run(&["deploy", "demo"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("had already finished");
    assert_eq!(kinds_in(&sandbox), expected_kinds(2));
    assert_each_resource_created_once(&sandbox);
}

/// A deploy's stdout shows steps 1 to 4, each once and in order, then the completion line.
fn assert_every_step_shown_once_in_order(run: &Finished, name: &str) {
    let completed = format!("Deployment `{name}` completed:");
    let shown: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.starts_with('[') || *line == completed)
        .map(|line| line.split(']').next().unwrap_or(line))
        .collect();
    assert_eq!(
        shown,
        ["[1/4", "[2/4", "[3/4", "[4/4", completed.as_str()],
        "every step once, in order, before the completion:\n{run}"
    );
}

#[test]
fn progress_shows_every_step_even_when_steps_finish_between_two_samples() {
    // A zero-latency cloud makes each step take a few dispatcher turns (well under a second),
    // and a sampling interval of 1.5 s makes it certain that several steps, and in the first
    // run the completion too, fall between two samples. A display that prints only what it
    // samples shows at most one or two of the four steps here.
    let mut sandbox = Sandbox::new();
    sandbox.latency_ms = 0;
    sandbox
        .env
        .push(("DUROXIDE_PROGRESS_POLL_MS", "1500".to_owned()));
    for run in 0..2 {
        let name = format!("instant-{run}");
        let deployed = sandbox.run(&["deploy", &name, "--instances", "1"], DEPLOY_TIMEOUT);
        assert_every_step_shown_once_in_order(deployed.assert_success(), &name);
    }
}

#[test]
fn list_prints_every_orchestration_and_activity_of_both_libraries_and_the_app() {
    let sandbox = Sandbox::new();
    let crates = inventory::discover();
    let names: Vec<&str> = crates.iter().map(|c| c.crate_name).collect();
    assert_eq!(names, ["duroxide-azure-arm", "duroxide-aws-ec2", "my-app"]);

    let table = sandbox.run(&["list"], DEPLOY_TIMEOUT);
    let all = &table.assert_success().stdout;
    for krate in &crates {
        assert!(!krate.orchestrations.is_empty() && !krate.activities.is_empty());
        // The crate's own section: a crate also lists what it only declares, which another
        // crate's section lists too.
        let table = all
            .split("\n\n")
            .find(|section| section.starts_with(&format!("{}\n", krate.crate_name)))
            .unwrap_or_else(|| panic!("no section for {}:\n{all}", krate.crate_name));
        let items = krate.orchestrations.iter().map(|o| (o.name, o.description));
        for (name, description) in
            items.chain(krate.activities.iter().map(|a| (a.name, a.description)))
        {
            let row = table
                .lines()
                .find(|line| line.trim_start().starts_with(name));
            let row = row.unwrap_or_else(|| panic!("{name} not listed:\n{table}"));
            assert!(row.ends_with(description), "{row}\n{table}");
        }
    }
    let app = all
        .split("\n\n")
        .find(|s| s.starts_with("my-app\n"))
        .unwrap();
    assert!(
        app.lines().any(|line| line
            .trim_start()
            .starts_with("duroxide-aws-ec2::activity::terminate-instance  activity, external")),
        "{app}"
    );

    let json = sandbox.run(&["list", "--json"], DEPLOY_TIMEOUT);
    assert_eq!(
        json.assert_success().json(),
        serde_json::to_value(&crates).unwrap()
    );
    assert!(
        sandbox.entries().is_empty(),
        "list must not create anything: {:?}",
        sandbox.entries()
    );
}

#[test]
fn a_killed_deployment_resumes_and_creates_each_resource_once() {
    let mut sandbox = Sandbox::new();
    // Slow enough that the kill lands while the AWS cluster is being created.
    sandbox.latency_ms = 600;
    let mut first = sandbox.spawn(&["deploy", "crash", "--instances", "3"]);
    first.wait_for_line(|line| line.starts_with("[2/4]"), DEPLOY_TIMEOUT);
    std::thread::sleep(Duration::from_millis(700));
    first.kill();

    let before = kinds_in(&sandbox);
    assert!(
        before.contains_key("azure/vm"),
        "the Azure step had finished: {before:?}"
    );
    assert!(
        !before.contains_key("dns/cname"),
        "the kill came too late: {before:?}"
    );

    sandbox.latency_ms = 50;
    let second = sandbox.run(&["deploy", "crash"], DEPLOY_TIMEOUT);
    second
        .assert_success()
        .assert_stdout_contains("was already in progress; resuming it");
    // The resumed run shows the whole deployment, the steps the killed process ran included.
    assert_every_step_shown_once_in_order(&second, "crash");
    assert_eq!(kinds_in(&sandbox), expected_kinds(3));
    assert_each_resource_created_once(&sandbox);
}

#[test]
fn a_worker_runs_detached_deployments_and_stops_on_sigterm() {
    let sandbox = Sandbox::new();
    for name in ["first", "second"] {
        let submitted = sandbox.run(
            &["deploy", name, "--detach", "--instances", "1"],
            DEPLOY_TIMEOUT,
        );
        submitted
            .assert_success()
            .assert_stdout_contains("submitted");
    }
    assert!(
        sandbox.cloud().resources().unwrap().is_empty(),
        "--detach only submits"
    );

    let mut worker = sandbox.spawn(&["worker", "--concurrency", "2"]);
    worker.wait_for_line(|line| line.starts_with("Worker ready"), DEPLOY_TIMEOUT);
    for name in ["first", "second"] {
        let deadline = std::time::Instant::now() + DEPLOY_TIMEOUT;
        loop {
            let status = sandbox.run(&["status", name, "--json"], DEPLOY_TIMEOUT);
            if status.status.success() && status.json()["status"] == "Completed" {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{name} did not complete:\n{status}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    worker.signal("TERM");
    worker
        .finish(DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("Worker stopping (terminated)");
    assert_each_resource_created_once(&sandbox);
    assert_eq!(
        sandbox.cloud().resources().unwrap().len(),
        2 * expected_kinds(1).values().sum::<usize>()
    );
}

#[test]
fn bad_input_fails_with_a_clear_message_and_writes_nothing() {
    let unreachable_database = if cfg!(feature = "postgres") {
        (1, "cannot reach PostgreSQL at 127.0.0.1:1")
    } else {
        (2, "PostgreSQL stores need the `postgres` feature")
    };
    let cases: &[(&[&str], i32, &str)] = &[
        (&["frobnicate"], 2, "unrecognized subcommand 'frobnicate'"),
        // No command: the help, on stderr.
        (&[], 2, "Usage: multi-cloud-app [OPTIONS] <COMMAND>"),
        (
            &["deploy", "Not_A_Name"],
            2,
            "invalid deployment name `Not_A_Name`",
        ),
        (
            &["deploy", "demo", "--tier", "gold"],
            2,
            "invalid value 'gold' for '--tier <TIER>'\n  [possible values: premium, standard, basic]",
        ),
        (
            &["--store", "mysql://db/app", "deploy", "demo"],
            2,
            "invalid value 'mysql://db/app' for '--store <URL>': expected `sqlite:PATH`",
        ),
        (
            &["--store", "sqlite:", "deploy", "demo"],
            2,
            "invalid value 'sqlite:' for '--store <URL>'",
        ),
        (
            &["--store", "sqlite:no-such-dir/data.db", "deploy", "demo"],
            1,
            "cannot open store no-such-dir/data.db",
        ),
        (
            &[
                "--store",
                "postgres://app@127.0.0.1:1/app",
                "deploy",
                "demo",
            ],
            unreachable_database.0,
            unreachable_database.1,
        ),
        (&["status", "demo"], 1, "no store at ./data.db"),
        (
            &["list", "--detach"],
            2,
            "unexpected argument '--detach' found",
        ),
        (
            &["worker", "--concurrency", "0"],
            2,
            "invalid value '0' for '--concurrency <N>': must be a whole number, at least 1",
        ),
    ];
    for (args, code, message) in cases {
        let sandbox = Sandbox::new();
        let run = sandbox.run(args, DEPLOY_TIMEOUT);
        run.assert_code(*code).assert_stderr_contains(message);
        assert!(run.stdout.is_empty(), "printed to stdout:\n{run}");
        assert!(
            sandbox.entries().is_empty(),
            "{args:?} wrote {:?}",
            sandbox.entries()
        );
    }
}

#[test]
fn help_goes_to_stdout_with_status_0_and_writes_nothing() {
    let sandbox = Sandbox::new();
    for args in [
        &["--help"][..],
        &["help"],
        &["deploy", "--help"],
        &["help", "deploy"],
        &["worker", "-h"],
    ] {
        let run = sandbox.run(args, DEPLOY_TIMEOUT);
        run.assert_success()
            .assert_stdout_contains("Usage: multi-cloud-app");
        assert!(run.stderr.is_empty(), "help on stderr:\n{run}");
    }
    sandbox
        .run(&["deploy", "--help"], DEPLOY_TIMEOUT)
        .assert_stdout_contains("--concurrency <N>")
        .assert_stdout_contains("[possible values: premium, standard, basic]")
        .assert_stdout_contains("[env: DUROXIDE_STORE]");
    assert!(
        sandbox.entries().is_empty(),
        "help must not create anything: {:?}",
        sandbox.entries()
    );
}

#[test]
fn the_environment_chooses_the_store_and_the_cloud_and_options_override_it() {
    let mut sandbox = Sandbox::new();
    sandbox.latency_ms = 0;
    sandbox
        .env
        .push(("DUROXIDE_STORE", "sqlite:./from-env.db".to_owned()));
    sandbox
        .env
        .push(("DUROXIDE_SIM_CLOUD", "./env-cloud.json".to_owned()));
    sandbox
        .run(&["deploy", "demo", "--instances", "1"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("Deployment `demo` submitted to sqlite:./from-env.db");
    let entries = sandbox.entries();
    assert!(
        entries.contains(&"from-env.db".to_owned())
            && entries.contains(&"env-cloud.json".to_owned()),
        "{entries:?}"
    );
    assert!(
        !entries.contains(&"data.db".to_owned()) && !entries.contains(&"sim-cloud.json".to_owned()),
        "{entries:?}"
    );
    sandbox
        .run(
            &["--store", "sqlite:./flag.db", "status", "demo"],
            DEPLOY_TIMEOUT,
        )
        .assert_code(1)
        .assert_stderr_contains("no store at ./flag.db");

    // An empty DUROXIDE_SIM_CLOUD is ignored: the default cloud file is used.
    sandbox.env = vec![("DUROXIDE_SIM_CLOUD", String::new())];
    sandbox
        .run(&["deploy", "other", "--instances", "1"], DEPLOY_TIMEOUT)
        .assert_success();
    assert!(
        sandbox
            .cloud()
            .get("dns/other.multi-cloud.sim")
            .unwrap()
            .is_some(),
        "{:?}",
        sandbox.entries()
    );
}

#[test]
fn an_unknown_instance_in_an_existing_store_fails_and_changes_nothing() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["deploy", "demo", "--instances", "1"], DEPLOY_TIMEOUT)
        .assert_success();
    // SQLite's -wal and -shm files come and go as connections open and close; they hold no
    // new data, so they are left out of the comparison.
    let files = || -> Vec<String> {
        let transient = |name: &String| name.ends_with("-wal") || name.ends_with("-shm");
        sandbox
            .entries()
            .into_iter()
            .filter(|name| !transient(name))
            .collect()
    };
    let deployments = || {
        sandbox
            .run(&["status", "--json"], DEPLOY_TIMEOUT)
            .assert_success()
            .json()
    };
    let (files_before, deployments_before) = (files(), deployments());
    let resources = sandbox.cloud().resources().unwrap();

    sandbox
        .run(&["status", "nope"], DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stderr_contains("no deployment `nope` in sqlite:./data.db");
    assert_eq!(files(), files_before);
    assert_eq!(deployments(), deployments_before);
    assert_eq!(sandbox.cloud().resources().unwrap(), resources);
}

#[test]
fn quota_errors_travel_from_the_activity_to_the_user() {
    // Premium plans have no quota: deploy-webapp decodes the activity's QuotaExceeded and steps
    // down to standard, and the result says so.
    let sandbox = Sandbox::new();
    sandbox
        .cloud()
        .set_quota("azure/app-service-plan/premium", 0)
        .unwrap();
    sandbox
        .run(&["deploy", "tight", "--instances", "1"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("(standard tier; no quota left for premium)");

    // No tier has quota: the last AzureError reaches the user, decoded into words.
    let sandbox = Sandbox::new();
    for tier in ["premium", "standard", "basic"] {
        sandbox
            .cloud()
            .set_quota(&format!("azure/app-service-plan/{tier}"), 0)
            .unwrap();
    }
    sandbox
        .run(&["deploy", "full", "--instances", "1"], DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stderr_contains(
            "deployment `full` failed: Azure: quota exceeded for app-service-plan/basic",
        );
    let status = sandbox.run(&["status", "full", "--json"], DEPLOY_TIMEOUT);
    let status = status.assert_success().json();
    assert_eq!(status["status"], "Failed");
    assert!(!sandbox
        .cloud()
        .resources()
        .unwrap()
        .iter()
        .any(|r| r.kind == "dns/cname"));
}

/// A deploy's stdout shows steps 1 to `total`, each once and in order, then the completion line.
fn assert_steps_shown_once_in_order(run: &Finished, name: &str, total: u32) {
    let completed = format!("Deployment `{name}` completed:");
    let shown: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.starts_with('[') || *line == completed)
        .map(|line| line.split(']').next().unwrap_or(line))
        .collect();
    let mut expected: Vec<String> = (1..=total).map(|step| format!("[{step}/{total}")).collect();
    expected.push(completed.clone());
    assert_eq!(shown, expected, "every step once, in order:\n{run}");
}

/// The instance ids of the EC2 cluster of deployment `name`, and its load balancer's targets,
/// both sorted.
fn cluster_of(sandbox: &Sandbox, name: &str) -> (Vec<String>, Vec<String>) {
    let resources = sandbox.cloud().resources().unwrap();
    let mut instances: Vec<String> = resources
        .iter()
        .filter(|r| r.kind == "aws/ec2-instance" && r.id.contains(&format!("/{name}-cluster-")))
        .map(|r| r.properties["instance_id"].clone())
        .collect();
    let balancer = resources
        .iter()
        .find(|r| r.kind == "aws/load-balancer" && r.id.ends_with(&format!("/{name}-cluster-lb")))
        .expect("the cluster's load balancer");
    let mut targets: Vec<String> = balancer.properties["targets"]
        .split(',')
        .map(str::to_owned)
        .collect();
    instances.sort();
    targets.sort();
    (instances, targets)
}

#[test]
fn replace_terminates_one_instance_through_the_declared_activity_and_relaunches_it() {
    let sandbox = Sandbox::new();
    let deploy = sandbox.run(&["deploy", "shop", "--instances", "2"], DEPLOY_TIMEOUT);
    deploy.assert_success();
    let (before, targets) = cluster_of(&sandbox, "shop");
    assert_eq!((before.len(), &targets), (2, &before));
    let old = sandbox
        .cloud()
        .get("arn:aws:ec2:us-east-1:instance/shop-cluster-1")
        .unwrap()
        .expect("instance 1")
        .properties["instance_id"]
        .clone();

    let run = sandbox.run(&["replace", "shop", "1"], DEPLOY_TIMEOUT);
    run.assert_success()
        .assert_stdout_contains(
            "Instance shop-cluster-1 of deployment `shop` replaced (shop-replace-1-1):",
        )
        .assert_stdout_contains(&format!("  terminated  {old}\n"))
        .assert_stdout_contains("  behind      http://shop-cluster-lb.us-east-1.elb.sim");
    let (after, targets) = cluster_of(&sandbox, "shop");
    // Instance 0 kept, instance 1 new, and the load balancer routes to exactly those.
    assert_eq!(after.len(), 2);
    assert!(!after.contains(&old), "{after:?}");
    assert_eq!(targets, after);
    let new = after.iter().find(|id| !before.contains(id)).unwrap();
    assert!(
        run.stdout.contains(&format!("  launched    {new}\n")),
        "{}",
        run.stdout
    );

    // Another replacement of the same instance is an instance of its own.
    sandbox
        .run(&["replace", "shop", "1"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("(shop-replace-1-2)")
        .assert_stdout_contains(&format!("  terminated  {new}\n"));
    // Out of range, or no such deployment: refused, nothing started.
    sandbox
        .run(&["replace", "shop", "2"], DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stderr_contains("deployment `shop` has instances 0 to 1, not 2");
    sandbox
        .run(&["replace", "nope", "0"], DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stderr_contains("no deployment `nope`");
    let all = sandbox.run(&["status", "--json"], DEPLOY_TIMEOUT);
    let instances: Vec<String> = all
        .assert_success()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["instance"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(instances.len(), 3, "{instances:?}");
}

#[test]
fn a_deployment_that_requires_approval_waits_for_approve_and_status_reads_it_while_it_runs() {
    let sandbox = Sandbox::new();
    let mut deploy = sandbox.spawn(&["deploy", "gated", "--require-approval", "--instances", "2"]);
    deploy.wait_for_line(|line| line.starts_with("[4/5]"), DEPLOY_TIMEOUT);

    // While it waits: the typed status, as JSON and as text.
    let status = sandbox.run(&["status", "gated", "--json"], DEPLOY_TIMEOUT);
    let status = status.assert_success().json();
    assert_eq!(status["status"], "Running");
    let progress = &status["progress"];
    assert_eq!(progress["phase"], "awaiting-approval");
    assert_eq!(
        (progress["step"].as_u64(), progress["total"].as_u64()),
        (Some(4), Some(5))
    );
    assert_eq!(progress["approval_required"], true);
    assert_eq!(progress["instances"], 2);
    assert_eq!(
        progress["message"],
        "Waiting for approval to publish DNS for gated"
    );
    sandbox
        .run(&["status", "gated"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("gated: Running\n  step 4/5: Waiting for approval")
        .assert_stdout_contains("  phase     awaiting approval");
    assert!(
        !kinds_in(&sandbox).contains_key("dns/cname"),
        "DNS is published only once approved"
    );

    sandbox
        .run(&["approve", "gated"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("Deployment `gated` approved: it goes on to publish DNS");
    let deployed = deploy.finish(DEPLOY_TIMEOUT);
    deployed
        .assert_success()
        .assert_stdout_contains("from another terminal: `multi-cloud-app approve gated`")
        .assert_stdout_contains("  - approved\n[5/5] Publishing DNS record for gated")
        .assert_stdout_contains("dns       gated.multi-cloud.sim");
    assert_steps_shown_once_in_order(&deployed, "gated", 5);
    assert_eq!(kinds_in(&sandbox), expected_kinds(2));
    assert_each_resource_created_once(&sandbox);

    let status = sandbox.run(&["status", "gated", "--json"], DEPLOY_TIMEOUT);
    let status = status.assert_success().json();
    assert_eq!(status["status"], "Completed");
    assert_eq!(status["progress"]["phase"], "approved");
    // Once approved, it takes no more answers or commands.
    sandbox
        .run(&["approve", "gated"], DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stderr_contains("deployment `gated` has finished (completed)");
}

#[test]
fn reject_stops_a_deployment_before_it_publishes_dns() {
    let sandbox = Sandbox::new();
    let mut deploy = sandbox.spawn(&[
        "deploy",
        "refused",
        "--require-approval",
        "--instances",
        "1",
    ]);
    deploy.wait_for_line(|line| line.starts_with("[4/5]"), DEPLOY_TIMEOUT);
    sandbox
        .run(
            &["reject", "refused", "--reason", "not today"],
            DEPLOY_TIMEOUT,
        )
        .assert_success()
        .assert_stdout_contains("rejected: it stopped before publishing DNS");
    deploy
        .finish(DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stdout_contains("  - rejected: not today")
        .assert_stderr_contains("deployment `refused` was rejected (not today)");
    let status = sandbox.run(&["status", "refused", "--json"], DEPLOY_TIMEOUT);
    let status = status.assert_success().json();
    assert_eq!(status["status"], "Failed");
    assert_eq!(status["progress"]["phase"], "rejected");
    assert_eq!(status["error"], "rejected (not today)");
    assert!(!kinds_in(&sandbox).contains_key("dns/cname"));
}

#[test]
fn a_cancel_through_the_queue_ends_the_deployment_cleanly_in_the_middle_of_a_step() {
    let mut sandbox = Sandbox::new();
    // Slow enough that the cancel lands while the EC2 cluster is being created (on a loaded
    // machine, perhaps in a later step: the test asserts what holds in any step).
    sandbox.latency_ms = 1000;
    let mut deploy = sandbox.spawn(&["deploy", "doomed", "--require-approval", "--instances", "2"]);
    deploy.wait_for_line(|line| line.starts_with("[2/5]"), DEPLOY_TIMEOUT);
    sandbox
        .run(
            &["cancel", "doomed", "--reason", "wrong region"],
            DEPLOY_TIMEOUT,
        )
        .assert_success()
        .assert_stdout_contains("Deployment `doomed`: cancelled: wrong region");
    let deployed = deploy.finish(DEPLOY_TIMEOUT);

    let status = sandbox.run(&["status", "doomed", "--json"], DEPLOY_TIMEOUT);
    let status = status.assert_success().json();
    assert_eq!(status["status"], "Failed");
    assert_eq!(status["progress"]["phase"], "cancelled");
    let step = status["progress"]["step"].as_u64().unwrap();
    assert!((2..=4).contains(&step), "cancelled at step {step}");
    assert_eq!(
        status["error"],
        format!("cancelled at step {step} (wrong region)")
    );
    deployed
        .assert_code(1)
        .assert_stdout_contains("  - cancelled: wrong region")
        .assert_stderr_contains(&format!(
            "deployment `doomed` was cancelled at step {step} (wrong region): nothing more was \
             provisioned or published"
        ));
    assert!(
        !deployed.stdout.contains(&format!("[{}/5]", step + 1)),
        "it stopped in step {step}:\n{deployed}"
    );
    let kinds = kinds_in(&sandbox);
    assert!(
        kinds.contains_key("azure/vm"),
        "step 1 had finished: {kinds:?}"
    );
    assert!(
        !kinds.contains_key("dns/cname"),
        "DNS after the cancel: {kinds:?}"
    );
    if step == 2 {
        assert!(!kinds.contains_key("azure/web-app"), "{kinds:?}");
    }
    sandbox
        .run(&["cancel", "doomed"], DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stderr_contains("deployment `doomed` has finished (cancelled)");
}

#[test]
fn a_scale_at_the_approval_step_resizes_the_cluster_before_dns_is_published() {
    let sandbox = Sandbox::new();
    let mut deploy = sandbox.spawn(&[
        "deploy",
        "elastic",
        "--require-approval",
        "--instances",
        "3",
    ]);
    deploy.wait_for_line(|line| line.starts_with("[4/5]"), DEPLOY_TIMEOUT);
    let (created, _) = cluster_of(&sandbox, "elastic");
    assert_eq!(created.len(), 3);

    sandbox
        .run(&["scale", "elastic", "5"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains(
            "Deployment `elastic`: scale to 5: applied once approved, before DNS is published",
        );
    // The last size received wins: 2, which takes one instance away.
    sandbox
        .run(&["scale", "elastic", "2"], DEPLOY_TIMEOUT)
        .assert_success()
        .assert_stdout_contains("scale to 2: applied once approved");
    let status = sandbox.run(&["status", "elastic", "--json"], DEPLOY_TIMEOUT);
    let progress = &status.assert_success().json()["progress"];
    assert_eq!(progress["instances"], 3);
    assert_eq!(progress["pending_instances"], 2);
    sandbox
        .run(&["status", "elastic"], DEPLOY_TIMEOUT)
        .assert_stdout_contains("  instances 3, 2 once approved");
    // Nothing changes before the approval.
    assert_eq!(cluster_of(&sandbox, "elastic").0, created);

    sandbox
        .run(&["approve", "elastic"], DEPLOY_TIMEOUT)
        .assert_success();
    let deployed = deploy.finish(DEPLOY_TIMEOUT);
    deployed.assert_success().assert_stdout_contains(
        "[5/5] Resizing EC2 cluster elastic-cluster from 3 to 2 instances, then publishing DNS \
         record for elastic",
    );
    assert_steps_shown_once_in_order(&deployed, "elastic", 5);
    let (instances, targets) = cluster_of(&sandbox, "elastic");
    assert_eq!(instances.len(), 2);
    assert_eq!(
        instances, targets,
        "the load balancer routes to the instances kept"
    );
    assert!(
        instances.iter().all(|i| created.contains(i)),
        "kept, not relaunched"
    );
    let status = sandbox.run(&["status", "elastic", "--json"], DEPLOY_TIMEOUT);
    let progress = &status.assert_success().json()["progress"];
    assert_eq!(progress["instances"], 2);
    assert!(progress.get("pending_instances").is_none(), "{progress}");
    // An out-of-range size is refused before it is sent.
    sandbox
        .run(&["scale", "elastic", "21"], DEPLOY_TIMEOUT)
        .assert_code(2)
        .assert_stderr_contains("between 1 and 20");
}

#[test]
fn a_deployment_without_approval_takes_no_answer_and_no_command() {
    let mut sandbox = Sandbox::new();
    // Slow enough that the deployment is still running when the four commands have been tried.
    sandbox.latency_ms = 1000;
    let mut deploy = sandbox.spawn(&["deploy", "direct", "--instances", "1"]);
    deploy.wait_for_line(|line| line.starts_with("[1/4]"), DEPLOY_TIMEOUT);
    for args in [
        &["approve", "direct"][..],
        &["reject", "direct"],
        &["cancel", "direct"],
        &["scale", "direct", "2"],
    ] {
        sandbox
            .run(args, DEPLOY_TIMEOUT)
            .assert_code(1)
            .assert_stderr_contains("deployment `direct` was started without --require-approval");
    }
    let deployed = deploy.finish(DEPLOY_TIMEOUT);
    assert_every_step_shown_once_in_order(deployed.assert_success(), "direct");
    assert_eq!(cluster_of(&sandbox, "direct").0.len(), 1);
    sandbox
        .run(&["approve", "nobody"], DEPLOY_TIMEOUT)
        .assert_code(1)
        .assert_stderr_contains("no deployment `nobody` in sqlite:./data.db");
}
