//! The golden histories under `tests/histories/`, recorded by
//! `cargo run -p multi-cloud-app --example record_app_histories`, must replay against the
//! current code: an edit of `deploy-multi-cloud` that would strand a deployment in flight on a
//! recorded version fails here (see `docs/upgrading.md` in the repository).
//!
//! `deploy-multi-cloud.json` was recorded before the orchestration had an approval step, a
//! command queue and a typed status: it proves that a deployment started by that code (one
//! interrupted, say, and resumed by the new binary) still replays. The others record the
//! approval step: approved after two `scale` commands (the cluster resized by the EC2
//! library's `resize-ec2-cluster`), cancelled through the queue, and rejected.

use multi_cloud_app::registry::replay;
use std::path::Path;

/// The recorded scenarios, one `<scenario>.json` each: a deleted or unlisted file fails the test.
const SCENARIOS: [&str; 4] = [
    "deploy-multi-cloud",
    "deploy-multi-cloud-approved-and-scaled",
    "deploy-multi-cloud-cancelled",
    "deploy-multi-cloud-rejected",
];

/// Executions of the app's orchestration are replayed, never skipped; the libraries'
/// sub-orchestrations are skipped here (each library replays its own).
const PREFIX: &str = "my-app::";

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
        let ours: Vec<_> = report
            .replayed
            .iter()
            .filter(|replayed| replayed.name.starts_with(PREFIX))
            .collect();
        assert!(
            !ours.is_empty(),
            "{file}: none of the app's executions replayed"
        );
        let skipped: Vec<_> = report
            .skipped
            .iter()
            .filter(|(_, name)| name.starts_with(PREFIX))
            .collect();
        assert!(skipped.is_empty(), "{file}: skipped {skipped:?}");
    }
}
