//! trybuild UI tests, grouped by macro (`tests/ui/{activity,orchestration,registry}`): pass cases
//! assert the generated values at run time; fail cases pin every compile error the macros give,
//! message and span. `docs/errors.md` shows each fail case (see `tests/docs.rs`).

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/*/pass/*.rs");
    cases.compile_fail("tests/ui/*/fail/*.rs");
}
