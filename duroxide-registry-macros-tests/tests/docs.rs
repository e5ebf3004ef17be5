//! The documentation must show every compile error the UI tests pin, word for word.

use std::fs;
use std::path::Path;

#[test]
fn errors_md_shows_every_pinned_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = fs::read_to_string(root.join("../docs/errors.md")).expect("docs/errors.md");
    let mut missing = Vec::new();
    let fail_cases = fs::read_dir(root.join("tests/ui/fail")).expect("fail cases");
    let package_name_cases =
        fs::read_dir(root.join("package-name/tests/ui")).expect("package-name cases");
    for entry in fail_cases.chain(package_name_cases) {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "stderr") {
            continue;
        }
        let case = path.file_stem().unwrap().to_string_lossy().into_owned();
        if !doc.contains(&format!("### `{case}`")) {
            missing.push(format!("{case}: no section"));
        }
        let stderr = fs::read_to_string(&path).expect("stderr");
        for line in stderr.lines().filter(|l| l.starts_with("error")) {
            if !doc.contains(line) {
                missing.push(format!("{case}: {line}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/errors.md is out of date:\n{}",
        missing.join("\n")
    );
}
