//! `registry.lock` pins every wire name this crate has published: `registry!` fails to compile
//! if a pinned name, kind or version is no longer registered. This test keeps the file current:
//! it fails, with a diff, when the crate registers something the file does not pin yet, and
//! `UPDATE_EXPECT=1 cargo test -p duroxide-azure-arm --test registry_lock` writes it. Read the diff before
//! committing: an added line is a new promise to every instance that will run it.

#[test]
fn registry_lock_is_current() {
    expect_test::expect_file![concat!(env!("CARGO_MANIFEST_DIR"), "/registry.lock")]
        .assert_eq(&duroxide_azure_arm::registry::registry_lock());
}
