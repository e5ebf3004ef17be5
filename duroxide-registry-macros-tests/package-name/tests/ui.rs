//! With an underscore in the package name, the default prefix would be a name that breaks the
//! convention: the macros refuse it and ask for an explicit one, and accept an explicit one.

#[test]
fn default_prefix_needs_a_kebab_case_package_name() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/default_prefix_not_kebab.rs");
    cases.pass("tests/ui/explicit_prefix.rs");
}
