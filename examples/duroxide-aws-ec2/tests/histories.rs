//! The golden histories under `tests/histories/`, recorded from the end-to-end scenarios by
//! `cargo run -p duroxide-aws-ec2 --example record_aws_histories`, must replay against the
//! current code: an edit that would strand an instance in flight on a recorded version fails
//! here (see `docs/upgrading.md`).

use duroxide_aws_ec2::registry::replay;
use std::path::Path;

/// The recorded scenarios, one `<scenario>.json` each: a deleted or unlisted file fails the test.
const SCENARIOS: [&str; 5] = [
    "create-ec2-cluster",
    "create-ec2-cluster-empty-refused",
    "create-ec2-cluster-limit-exceeded",
    "ec2-cluster-scaler",
    "ec2-cluster-scaler-confirmation-timeout",
];

/// Executions of this crate's orchestrations are replayed, never skipped.
const PREFIX: &str = "duroxide-aws-ec2::";

#[test]
fn every_golden_history_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/histories");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort_by(|a, b| a.file_stem().cmp(&b.file_stem()));
    let scenarios: Vec<_> = files
        .iter()
        .map(|path| path.file_stem().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(scenarios, SCENARIOS, "the files in {}", dir.display());

    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy();
        let json = std::fs::read_to_string(path).unwrap();
        let report = replay::check(&json).unwrap_or_else(|error| panic!("{file}: {error}"));
        assert!(!report.replayed.is_empty(), "{file}: nothing replayed");
        let ours: Vec<_> = report
            .skipped
            .iter()
            .filter(|(_, name)| name.starts_with(PREFIX))
            .collect();
        assert!(ours.is_empty(), "{file}: skipped {ours:?}");
    }
}

/// The scaler's history holds every execution of the instance, joined by `continue_as_new`,
/// and its `resize-ec2-cluster` sub-orchestrations: each is replayed at its recorded version,
/// and ends as recorded.
#[test]
fn every_execution_of_the_scaler_replays_with_its_sub_orchestrations() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/histories/ec2-cluster-scaler.json");
    let report = replay::check(&std::fs::read_to_string(path).unwrap()).unwrap();
    let scaler: Vec<_> = report
        .replayed
        .iter()
        .filter(|r| r.name.ends_with("::ec2-cluster-scaler"))
        .map(|r| {
            (
                r.execution_id,
                r.outcome.split(' ').take(2).collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    assert_eq!(
        scaler,
        [
            (1, "continues as".to_owned()),
            (2, "continues as".to_owned()),
            (3, "completes with".to_owned()),
        ]
    );
    let resizes = report
        .replayed
        .iter()
        .filter(|r| r.name.ends_with("::resize-ec2-cluster"))
        .count();
    assert_eq!(resizes, 3, "2 -> 4, 4 -> 1 and 1 -> 3");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
}
