//! `../registry.lock` is what migration step 0 (`examples/write_lock.rs`) writes from this
//! crate's registries: the migrated crate is checked against it, so it must not drift.

#[allow(dead_code)] // `main` is the example's, not this test's.
#[path = "../examples/write_lock.rs"]
mod write_lock;

#[test]
fn the_committed_lock_is_written_from_the_hand_written_registries() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../registry.lock");
    let committed = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(
        committed,
        write_lock::lock_text(),
        "{path} differs from the hand-written registries; rewrite it with \
         `cargo run -p fleet-handwritten --example write_lock -- {path}`"
    );
}

#[test]
fn the_lock_has_the_documented_format() {
    let text = write_lock::lock_text();
    let expected = "\
# registry.lock: wire names pinned by registry! (duroxide-registry-macros). Delete a line only once no instance can still run it.
activity      duroxide-fleet::activity::attach-disk
activity      duroxide-fleet::activity::cms-create-instance-record
activity      duroxide-fleet::activity::cms-delete-instance-record
activity      duroxide-fleet::activity::notify-owner
activity      duroxide-fleet::activity::provision-vm
orchestration duroxide-fleet::orchestration::create-instance 1.0.5
orchestration duroxide-fleet::orchestration::create-instance 1.0.6
orchestration duroxide-fleet::orchestration::create-instance 1.0.7
";
    assert_eq!(text, expected);
}
