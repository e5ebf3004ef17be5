//! An upgrade with an instance in flight, as it happens in production: one worker process
//! starts an instance of `create-instance` 1.0.7 on a SQLite file and exits while the instance
//! waits for its `approval` event; a second worker process, on the same file, raises the event
//! and finishes the instance.
//!
//! `BEFORE` runs the hand-written crate, `fleet-handwritten`; `AFTER` runs the migrated one,
//! `duroxide-fleet`, whose registries `registry!` generates. The instance started by the first
//! must replay its history on the second and finish with the output an uninterrupted run of
//! the hand-written crate gives.
//!
//! Every process's command line, exit status, stdout and stderr are printed in full when the
//! test fails, whatever the failure. Timeouts are minutes: they only stop a hung process.

use duroxide::runtime::Runtime;
use duroxide::{Client, OrchestrationStatus};
use fleet_handwritten::CreateInstanceOutput;
use fleet_upgrade::{Fleet, HandWritten, History, Migrated};
use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The worker the instance starts on: the hand-written crate.
const BEFORE: &str = env!("CARGO_BIN_EXE_handwritten-worker");
/// The worker the instance finishes on: the migrated crate.
const AFTER: &str = env!("CARGO_BIN_EXE_migrated-worker");

/// How long one worker process may take before it is killed.
const PROCESS_TIMEOUT: Duration = Duration::from_secs(600);

const APPROVER: &str = "grace";

/// What one worker process did.
struct Finished {
    status: Option<ExitStatus>,
    stdout: String,
}

impl Finished {
    fn succeeded(&self) -> bool {
        self.status.is_some_and(|status| status.success())
    }

    /// The output `resume` printed after `OUTPUT_PREFIX`.
    fn output(&self) -> CreateInstanceOutput {
        let json = self
            .stdout
            .lines()
            .find_map(|line| line.strip_prefix(fleet_upgrade::OUTPUT_PREFIX))
            .expect("resume printed no output line");
        serde_json::from_str(json).unwrap_or_else(|e| panic!("output {json}: {e}"))
    }
}

/// Every process run by a test, printed in full if the test panics.
#[derive(Default)]
struct Transcript {
    runs: Arc<Mutex<Vec<String>>>,
}

impl Transcript {
    /// Runs `bin args`, killing it after `PROCESS_TIMEOUT`.
    fn run(&self, bin: &str, args: &[&str]) -> Finished {
        let line = format!("{bin} {}", args.join(" "));
        let mut child = Command::new(bin)
            .args(args)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {line}: {e}"));
        let stdout = drain(child.stdout.take().expect("piped stdout"));
        let stderr = drain(child.stderr.take().expect("piped stderr"));
        let deadline = Instant::now() + PROCESS_TIMEOUT;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50))
                }
                Ok(None) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                Err(e) => panic!("cannot wait for {line}: {e}"),
            }
        };
        let stdout = stdout.join().expect("stdout reader");
        let stderr = stderr.join().expect("stderr reader");
        let status_text = match status {
            Some(status) => status.to_string(),
            None => format!("killed after {PROCESS_TIMEOUT:?}"),
        };
        self.runs.lock().unwrap().push(format!(
            "$ {line}\n{status_text}\n--- stdout ---\n{stdout}--- stderr ---\n{stderr}--- end ---"
        ));
        Finished { status, stdout }
    }
}

impl Drop for Transcript {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let runs = self.runs.lock().unwrap_or_else(|e| e.into_inner());
            eprintln!("\n=== every worker process of this test ===");
            for run in runs.iter() {
                eprintln!("{run}\n");
            }
        }
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The instance's status and history, read from the file while no worker runs.
fn inspect(store: &Path, instance: &str) -> (OrchestrationStatus, History) {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = fleet_upgrade::open_store(store, false).await.unwrap();
        let client = Client::new(store);
        let status = client.get_orchestration_status(instance).await.unwrap();
        let history = History::read(&client, instance).await.unwrap();
        (status, history)
    })
}

/// The same instance run in one process without interruption, on the hand-written crate.
fn uninterrupted(instance: &str) -> CreateInstanceOutput {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store: Arc<dyn duroxide::providers::Provider> = Arc::new(
            duroxide::providers::sqlite::SqliteProvider::new_in_memory()
                .await
                .unwrap(),
        );
        let runtime = Runtime::start_with_store(
            store.clone(),
            HandWritten::activities(),
            HandWritten::orchestrations(),
        )
        .await;
        let client = Client::new(store);
        fleet_upgrade::start_and_wait_for_approval::<HandWritten>(&client, instance)
            .await
            .unwrap();
        let output = fleet_upgrade::approve_and_wait::<HandWritten>(&client, instance, APPROVER)
            .await
            .unwrap();
        runtime.shutdown(None).await;
        output
    })
}

const PROVISION_VM: &str = "duroxide-fleet::activity::provision-vm";
const ATTACH_DISK: &str = "duroxide-fleet::activity::attach-disk";
const CMS_CREATE: &str = "duroxide-fleet::activity::cms-create-instance-record";
const CMS_DELETE: &str = "duroxide-fleet::activity::cms-delete-instance-record";
const NOTIFY_OWNER: &str = "duroxide-fleet::activity::notify-owner";

#[test]
fn an_instance_started_before_the_upgrade_finishes_after_it() {
    let transcript = Transcript::default();
    let dir = tempfile::tempdir().expect("temporary directory");
    let store = dir.path().join("fleet.db");
    let store_arg = store.to_str().expect("UTF-8 temporary path");
    let instance = format!("in-flight-{}", std::process::id());

    // Before the upgrade: start, and stop while the instance waits for approval.
    let first = transcript.run(BEFORE, &["start", store_arg, &instance]);
    assert!(first.succeeded(), "the first worker failed");
    assert!(
        first.stdout.contains(&format!("[{}]", HandWritten::LABEL)),
        "the first worker is not the hand-written one"
    );

    let (status, history) = inspect(&store, &instance);
    match &status {
        OrchestrationStatus::Running { custom_status, .. } => assert_eq!(
            custom_status.as_deref(),
            Some(fleet_upgrade::WAITING_FOR_APPROVAL)
        ),
        other => panic!("between the workers, {instance} is {other:?}"),
    }
    assert_eq!(history.orchestration, fleet_upgrade::ORCHESTRATION);
    assert_eq!(history.version, fleet_upgrade::VERSION);
    assert_eq!(history.completed, [PROVISION_VM, ATTACH_DISK]);
    assert_eq!(history.subscriptions, [fleet_upgrade::APPROVAL_EVENT]);
    assert!(history.events.is_empty(), "{:?}", history.events);

    // After the upgrade: approve, and finish on the migrated crate's worker.
    let second = transcript.run(AFTER, &["resume", store_arg, &instance, APPROVER]);
    assert!(second.succeeded(), "the second worker failed");
    assert!(
        second.stdout.contains(&format!("[{}]", Migrated::LABEL)),
        "the second worker is not the migrated one"
    );
    let output = second.output();

    let (status, history) = inspect(&store, &instance);
    assert!(
        matches!(status, OrchestrationStatus::Completed { .. }),
        "after the second worker, {instance} is {status:?}"
    );
    assert_eq!(history.version, fleet_upgrade::VERSION);
    assert_eq!(
        history.completed,
        [
            PROVISION_VM,
            ATTACH_DISK,
            CMS_CREATE,
            CMS_DELETE,
            NOTIFY_OWNER
        ]
    );
    assert_eq!(
        history.events,
        [(
            fleet_upgrade::APPROVAL_EVENT.to_owned(),
            APPROVER.to_owned()
        )]
    );

    assert_eq!(output.approved_by.as_deref(), Some(APPROVER));
    assert_eq!(
        output.disk_id.as_deref(),
        Some(format!("disk-vm-westeurope-{instance}-128gb").as_str())
    );
    assert_eq!(output.record_id, format!("cms-{instance}"));
    assert_eq!(
        output.deleted_record.as_deref(),
        Some(format!("cms-{instance}-old").as_str())
    );
    assert_eq!(
        output,
        uninterrupted(&instance),
        "the upgrade changed the instance's result"
    );
}
