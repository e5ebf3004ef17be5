//! trybuild UI tests: pass cases assert the generated values at run time; fail cases pin every
//! compile error the macros give, message and span.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
