//! `docs/errors.md` must show every compile error the UI tests pin, exactly as rustc prints it.
//!
//! Each fail case `tests/ui/{group}/fail/{case}.stderr` (and `package-name/tests/ui/{case}.stderr`)
//! has a section `### \`{group}/{case}\`` whose first ```` ```text ```` block is that file, word
//! for word; and every such section has its case. With `UPDATE_EXPECT=1` (as for the expansion
//! snapshots) the blocks are rewritten from the `.stderr` files instead; the diff is then read
//! like any other. A new case still needs its section written by hand: the code, and the fix.

use std::fs;
use std::path::{Path, PathBuf};

/// Every pinned `.stderr` file with the section id it belongs to.
fn pinned_cases(root: &Path) -> Vec<(String, PathBuf)> {
    let mut cases = Vec::new();
    let mut add = |group: &str, dir: PathBuf| {
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.extension().is_some_and(|e| e == "stderr") {
                let case = path.file_stem().unwrap().to_string_lossy().into_owned();
                cases.push((format!("{group}/{case}"), path));
            }
        }
    };
    for group in ["activity", "orchestration", "registry"] {
        add(group, root.join("tests/ui").join(group).join("fail"));
    }
    add("package-name", root.join("package-name/tests/ui"));
    cases.sort();
    cases
}

/// The byte range of the first ```` ```text ```` block's contents after `from`.
fn text_block(doc: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let open = "```text\n";
    let start = from + doc[from..].find(open)? + open.len();
    let end = start + doc[start..].find("```")?;
    Some(start..end)
}

#[test]
fn errors_md_shows_every_pinned_error_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc_path = root.join("../docs/errors.md");
    let mut doc = fs::read_to_string(&doc_path).expect("docs/errors.md");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let cases = pinned_cases(root);
    let mut problems = Vec::new();
    for (id, stderr) in &cases {
        let heading = format!("### `{id}`\n");
        let Some(at) = doc.find(&heading) else {
            problems.push(format!("{id}: no section `{}`", heading.trim_end()));
            continue;
        };
        let next_section = doc[at + heading.len()..]
            .find("\n### ")
            .map_or(doc.len(), |i| at + heading.len() + i);
        let expected = fs::read_to_string(stderr)
            .expect("stderr")
            .trim_end()
            .to_owned()
            + "\n";
        match text_block(&doc, at).filter(|block| block.end < next_section) {
            Some(block) if doc[block.clone()] == expected => {}
            Some(block) if update => doc.replace_range(block, &expected),
            Some(_) => problems.push(format!(
                "{id}: its text block differs from {}",
                stderr.display()
            )),
            None => problems.push(format!("{id}: its section has no ```text block")),
        }
    }
    for line in doc.lines().filter(|l| l.starts_with("### `")) {
        let id = line.trim_start_matches("### `").trim_end_matches('`');
        if !cases.iter().any(|(case, _)| case == id) {
            problems.push(format!("{id}: a section without a fail case"));
        }
    }
    if update {
        fs::write(&doc_path, &doc).expect("rewrite docs/errors.md");
    }
    assert!(
        problems.is_empty(),
        "docs/errors.md is out of date (UPDATE_EXPECT=1 rewrites the text blocks):\n{}",
        problems.join("\n")
    );
}
