//! `../registry.lock` was written from the hand-written twin (migration step 0,
//! `fleet-handwritten`'s `examples/write_lock.rs`) before any code was moved. `registry!` checks
//! at compile time that every line of it is still registered; this test checks the other way:
//! the lock text of the migrated registries is the file, byte for byte, so the migration
//! neither dropped nor added a wire name.

#[test]
fn registry_lock_is_the_lock_written_from_the_hand_written_twin() {
    // UPDATE_EXPECT=1 cargo test rewrites ../registry.lock; read the diff before committing it,
    // since `fleet-handwritten`'s own lock test then fails until the twin registers the same.
    expect_test::expect_file![concat!(env!("CARGO_MANIFEST_DIR"), "/../registry.lock")]
        .assert_eq(&duroxide_fleet::registry::registry_lock());
}
