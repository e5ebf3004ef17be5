//! The generated benchmark workspace under `target/registry-bench/`: the generated crates, a
//! snapshot of the macro crate, and one target directory they all share.
//!
//! The macro crate is copied rather than referenced in place because other people edit it
//! while benchmarks run: a change in the middle of the runs would rebuild the proc macro inside
//! a timed run. Files are only rewritten when their content changes, so that cargo's
//! fingerprints, and the shared dependencies, stay fresh from one invocation to the next.

use crate::gen::{self, Form, Spec};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One library size: N activities and M orchestrations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub activities: usize,
    pub orchestrations: usize,
}

impl Size {
    /// The package name of the generated crate of this size in `form`.
    pub fn package(self, form: Form) -> String {
        format!(
            "{}-{}-{}",
            form.label(),
            self.activities,
            self.orchestrations
        )
    }

    fn spec(self, form: Form, variant: Variant) -> Spec {
        Spec {
            activities: self.activities,
            orchestrations: self.orchestrations,
            calls_per_orchestration: 3,
            prefix: self.package(form),
            explicit_macro_prefix: false,
            root: "crate".to_owned(),
            dispatch_loop: false,
            lock: variant.lock && form == Form::Macros,
            interface: variant.interface && form == Form::Macros,
        }
    }
}

/// What the macro form adds to the generated library, to price it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Variant {
    /// A registry lock pinning every item.
    pub lock: bool,
    /// An interface of three declared items on every orchestration.
    pub interface: bool,
}

pub struct Workspace {
    pub dir: PathBuf,
}

impl Workspace {
    /// Writes the workspace for `sizes` under `dir`, snapshotting the macro crate at `macros`.
    /// `repo` is the repository root, whose manifest and lockfile the workspace copies.
    ///
    /// # Errors
    ///
    /// Any file system error.
    pub fn prepare(
        dir: &Path,
        repo: &Path,
        macros: &Path,
        sizes: &[Size],
        variant: Variant,
    ) -> io::Result<Workspace> {
        let snapshot = dir.join("snapshot").join("duroxide-registry-macros");
        // A fresh copy: files of an earlier snapshot that the crate has since moved or deleted
        // would otherwise stay, and could even be compiled (`src/a.rs` beside `src/a/mod.rs`).
        if snapshot.exists() {
            fs::remove_dir_all(&snapshot)?;
        }
        copy_tree(macros, &snapshot)?;
        let mut members = Vec::new();
        for &size in sizes {
            for form in Form::BOTH {
                let spec = size.spec(form, variant);
                write_crate(&dir.join(size.package(form)), &spec, form, &snapshot)?;
                members.push(size.package(form));
            }
        }
        let root_manifest = fs::read_to_string(repo.join("Cargo.toml"))?;
        write_if_changed(
            &dir.join("Cargo.toml"),
            &workspace_manifest(&members, &root_manifest),
        )?;
        let lock = dir.join("Cargo.lock");
        if !lock.exists() {
            // The repository's versions, so both workspaces build the same dependencies.
            fs::copy(repo.join("Cargo.lock"), &lock)?;
        }
        Ok(Workspace {
            dir: dir.to_owned(),
        })
    }

    /// A cargo command run in this workspace, with its own target directory and incremental
    /// compilation off, so that every timed run compiles the whole crate.
    pub fn cargo(&self, toolchain: Option<&str>) -> Command {
        let mut command = Command::new("cargo");
        if let Some(toolchain) = toolchain {
            command.arg(format!("+{toolchain}"));
        }
        command
            .current_dir(&self.dir)
            .env("CARGO_INCREMENTAL", "0")
            .env("CARGO_TARGET_DIR", self.target_dir(toolchain));
        command
    }

    /// Stable and nightly artifacts cannot share a directory; each gets its own.
    fn target_dir(&self, toolchain: Option<&str>) -> PathBuf {
        match toolchain {
            None => self.dir.join("target"),
            Some(name) => self.dir.join(format!("target-{name}")),
        }
    }

    /// Marks a crate's root file as changed, so the next cargo command recompiles that crate
    /// (and nothing else).
    ///
    /// # Errors
    ///
    /// Any file system error.
    pub fn touch(&self, package: &str) -> io::Result<()> {
        touch(&self.dir.join(package).join("src/lib.rs"))
    }

    /// Marks the snapshot of the facade crate as changed, so the next cargo command of a macro
    /// crate recompiles the facade too (and not the proc-macro crate inside it, which does not
    /// depend on it).
    ///
    /// # Errors
    ///
    /// Any file system error.
    pub fn touch_facade(&self) -> io::Result<()> {
        touch(
            &self
                .dir
                .join("snapshot/duroxide-registry-macros/src/lib.rs"),
        )
    }
}

fn touch(file: &Path) -> io::Result<()> {
    let file = fs::File::options().append(true).open(file)?;
    file.set_modified(std::time::SystemTime::now())
}

fn write_crate(dir: &Path, spec: &Spec, form: Form, snapshot: &Path) -> io::Result<()> {
    let package = &spec.prefix;
    let macros_dependency = match form {
        Form::Hand => String::new(),
        Form::Macros => format!(
            "duroxide-registry-macros = {{ path = {:?} }}\n",
            snapshot.display().to_string()
        ),
    };
    let manifest = format!(
        "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nduroxide = \"=0.1.32\"\nserde = {{ version = \"1\", features = [\"derive\"] }}\n\
         serde_json = \"1\"\n{macros_dependency}"
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    let lock = dir.join("registry.lock");
    if spec.lock {
        write_if_changed(&lock, &gen::lock_text(spec))?;
    } else if lock.exists() {
        fs::remove_file(&lock)?;
    }
    let files = gen::crate_files(&gen::library(spec, form));
    let src = dir.join("src");
    remove_stale(
        &src,
        &files
            .iter()
            .map(|(path, _)| src.join(path))
            .collect::<Vec<_>>(),
    )?;
    for (path, text) in files {
        write_if_changed(&src.join(path), &text)?;
    }
    Ok(())
}

/// The workspace manifest. The macro crate inherits fields with `field.workspace = true`, so
/// every `[workspace.*]` table of the repository's manifest is carried over verbatim.
fn workspace_manifest(members: &[String], repo_manifest: &str) -> String {
    let members: String = members.iter().map(|m| format!("    \"{m}\",\n")).collect();
    let mut manifest = format!("[workspace]\nresolver = \"2\"\nmembers = [\n{members}]\n");
    let mut copying = false;
    for line in repo_manifest.lines() {
        let header = line.trim_start();
        if header.starts_with('[') {
            copying = header.starts_with("[workspace.");
            if copying {
                manifest.push('\n');
            }
        }
        if copying {
            manifest.push_str(line);
            manifest.push('\n');
        }
    }
    manifest
}

/// Copies a crate's files, leaving out build output.
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "target" {
            continue;
        }
        let (source, destination) = (entry.path(), to.join(&name));
        if entry.file_type()?.is_dir() {
            copy_tree(&source, &destination)?;
        } else {
            write_bytes_if_changed(&destination, &fs::read(&source)?)?;
        }
    }
    Ok(())
}

/// Removes `.rs` files under `dir` that the generator no longer writes, such as the files of
/// activities of a larger N generated earlier.
fn remove_stale(dir: &Path, keep: &[PathBuf]) -> io::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            remove_stale(&path, keep)?;
        } else if path.extension().is_some_and(|e| e == "rs") && !keep.contains(&path) {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

fn write_if_changed(path: &Path, text: &str) -> io::Result<()> {
    write_bytes_if_changed(path, text.as_bytes())
}

fn write_bytes_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_tables_are_carried_over_and_others_are_not() {
        let repo = "[workspace]\nmembers = [\"a\"]\n\n[workspace.package]\nedition = \"2021\"\n\n\
                    [workspace.dependencies]\nserde = \"1\"\n\n[profile.dev]\nopt-level = 1\n";
        let manifest = workspace_manifest(&["hand-1-1".to_owned()], repo);
        assert!(manifest.contains("members = [\n    \"hand-1-1\",\n]"));
        assert!(manifest.contains("[workspace.package]\nedition = \"2021\""));
        assert!(manifest.contains("[workspace.dependencies]\nserde = \"1\""));
        assert!(!manifest.contains("opt-level"));
        assert!(!manifest.contains("\"a\""));
    }

    #[test]
    fn package_names_carry_form_and_size() {
        let size = Size {
            activities: 200,
            orchestrations: 50,
        };
        assert_eq!(size.package(Form::Hand), "hand-200-50");
        assert_eq!(size.package(Form::Macros), "macros-200-50");
    }
}
