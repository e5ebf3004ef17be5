//! Running the built `multi-cloud-app` binary as a subprocess, each test in a directory of its
//! own, with timeouts so that a hung process fails the test instead of hanging it.
//!
//! Every run is recorded in its sandbox's transcript: its arguments, exit status, and stdout
//! and stderr in full. When a test fails, for whatever reason (an assertion on the output, on
//! the simulated cloud, a timeout), the sandbox prints the transcript as it is dropped, so the
//! failure report always shows what every process printed.

// Each test file uses a different part of this module.
#![allow(dead_code)]

use simulated_cloud::SimulatedCloud;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The binary under test, built by cargo for this test target.
pub const BIN: &str = env!("CARGO_BIN_EXE_multi-cloud-app");

/// Every process run in one sandbox, as reported on failure.
type Transcript = Arc<Mutex<Vec<String>>>;

/// A working directory for the binary, removed at the end of the test.
pub struct Sandbox {
    dir: tempfile::TempDir,
    /// Milliseconds a simulated resource takes to become ready.
    pub latency_ms: u64,
    /// More environment variables for the binary.
    pub env: Vec<(&'static str, String)>,
    transcript: Transcript,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temporary directory"),
            latency_ms: 50,
            env: Vec::new(),
            transcript: Transcript::default(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with `args`, run in the sandbox with an environment that this machine's
    /// settings cannot leak into.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("DUROXIDE_SIM_LATENCY_MS", self.latency_ms.to_string())
            .env_remove("DUROXIDE_STORE")
            .env_remove("DUROXIDE_SIM_CLOUD")
            .env_remove("DUROXIDE_PROGRESS_POLL_MS")
            .env_remove("RUST_LOG")
            .envs(self.env.iter().map(|(key, value)| (key, value)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    pub fn spawn(&self, args: &[&str]) -> Running {
        let mut label = format!("DUROXIDE_SIM_LATENCY_MS={}", self.latency_ms);
        for (key, value) in &self.env {
            label.push_str(&format!(" {key}={value}"));
        }
        label.push_str(" multi-cloud-app");
        for arg in args {
            label.push(' ');
            label.push_str(arg);
        }
        Running::start(self.command(args), label, self.transcript.clone())
    }

    /// Runs the binary to its end (at most `timeout`).
    pub fn run(&self, args: &[&str], timeout: Duration) -> Finished {
        self.spawn(args).finish(timeout)
    }

    /// The simulated cloud the binary uses by default (`./sim-cloud.json`).
    pub fn cloud(&self) -> SimulatedCloud {
        SimulatedCloud::at_path(self.path("sim-cloud.json"))
    }

    /// Names of the files in the sandbox.
    pub fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("sandbox readable")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            return;
        }
        let transcript = self
            .transcript
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        eprintln!(
            "\n======== the test failed; every process it ran, in the order they ended ({}) ========",
            transcript.len()
        );
        for (index, run) in transcript.iter().enumerate() {
            eprintln!("---- process {} ----\n{run}", index + 1);
        }
        eprintln!("======== end of the processes' output ========");
    }
}

/// A process that ran to its end.
#[derive(Debug)]
pub struct Finished {
    /// What ran: environment and arguments.
    pub label: String,
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// The whole record: what ran, how it ended, and its stdout and stderr in full.
impl fmt::Display for Finished {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "$ {}\nexit: {}\n-- stdout --\n{}\n-- stderr --\n{}\n-- end --",
            self.label, self.status, self.stdout, self.stderr
        )
    }
}

impl Finished {
    pub fn assert_success(&self) -> &Self {
        assert!(self.status.success(), "the process failed:\n{self}");
        self
    }

    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.status.code(), Some(code), "wrong exit code:\n{self}");
        self
    }

    pub fn assert_stdout_contains(&self, expected: &str) -> &Self {
        assert!(
            self.stdout.contains(expected),
            "expected `{expected}` on stdout:\n{self}"
        );
        self
    }

    pub fn assert_stderr_contains(&self, expected: &str) -> &Self {
        assert!(
            self.stderr.contains(expected),
            "expected `{expected}` on stderr:\n{self}"
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self}"))
    }
}

/// A running process whose stdout is read line by line as it comes.
pub struct Running {
    pub child: Child,
    label: String,
    lines: Receiver<String>,
    /// Every stdout line received so far.
    pub seen: Vec<String>,
    stdout_reader: Option<JoinHandle<()>>,
    stderr_reader: Option<JoinHandle<String>>,
    transcript: Transcript,
    collected: bool,
}

impl Running {
    fn start(mut command: Command, label: String, transcript: Transcript) -> Self {
        let mut child = command.spawn().expect("start the binary");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let (sender, lines) = mpsc::channel();
        let stdout_reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr_reader = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        Running {
            child,
            label,
            lines,
            seen: Vec::new(),
            stdout_reader: Some(stdout_reader),
            stderr_reader: Some(stderr_reader),
            transcript,
            collected: false,
        }
    }

    /// Waits for a stdout line matching `wanted` and returns it.
    pub fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    let finished = self.collect();
                    panic!("no expected line within {timeout:?}; killed:\n{finished}");
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let finished = self.collect();
                    panic!("the process ended before the expected line:\n{finished}");
                }
            }
        }
    }

    /// Sends a signal by name (`TERM`, `KILL`, ...).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed for `{}`", self.label);
    }

    /// Kills the process at once, as a crash or `kill -9` would, and reaps it.
    pub fn kill(mut self) -> Finished {
        self.child.kill().expect("kill");
        self.collect()
    }

    /// Waits for the process to end by itself; kills it and fails after `timeout`.
    pub fn finish(mut self, timeout: Duration) -> Finished {
        let deadline = Instant::now() + timeout;
        while self.child.try_wait().expect("wait").is_none() {
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let finished = self.collect();
                panic!("still running after {timeout:?}; killed:\n{finished}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.collect()
    }

    /// Reaps the process, reads the rest of its output, and records it in the transcript.
    fn collect(&mut self) -> Finished {
        let status = self.child.wait().expect("wait");
        if let Some(reader) = self.stdout_reader.take() {
            let _ = reader.join();
        }
        self.seen.extend(self.lines.try_iter());
        let stderr = self
            .stderr_reader
            .take()
            .map(|r| r.join().unwrap_or_default())
            .unwrap_or_default();
        let finished = Finished {
            label: self.label.clone(),
            status,
            stdout: self.seen.join("\n"),
            stderr,
        };
        if !self.collected {
            self.collected = true;
            self.transcript
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(finished.to_string());
        }
        finished
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // A failed assertion must not leave a worker running behind the test; what it printed
        // goes to the transcript.
        if !self.collected {
            if let Ok(None) = self.child.try_wait() {
                let _ = self.child.kill();
            }
            self.collect();
        }
    }
}
