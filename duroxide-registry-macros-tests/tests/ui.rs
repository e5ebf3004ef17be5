//! trybuild UI tests, grouped by macro (`tests/ui/{activity,orchestration,registry}`): pass cases
//! assert the generated values at run time; fail cases pin every compile error the macros give,
//! message and span. `docs/errors.md` shows each fail case (see `tests/docs.rs`).

use std::fs;
use std::path::Path;

#[test]
fn ui() {
    copy_lock_fixtures();
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/*/pass/*.rs");
    cases.compile_fail("tests/ui/*/fail/*.rs");
}

/// `registry! { lock: "locks/x.lock" }` reads its file relative to the manifest directory of the
/// crate being compiled, which for a trybuild case is trybuild's own project, in
/// `target/tests/trybuild/<this package>/`. The lock files of the cases are copied there.
fn copy_lock_fixtures() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory");
    let project = target
        .join("tests/trybuild")
        .join(env!("CARGO_PKG_NAME"))
        .join("locks");
    fs::create_dir_all(&project).expect("trybuild's project directory");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/registry/locks");
    for entry in fs::read_dir(&fixtures).expect("tests/ui/registry/locks") {
        let path = entry.expect("a fixture").path();
        fs::copy(&path, project.join(path.file_name().unwrap())).expect("copy a lock fixture");
    }
}
