//! Runs a command and measures its wall time and CPU time.
//!
//! CPU time is user + system time of the child and of every descendant it waited for, which
//! for cargo means every rustc it ran, codegen threads included. It comes from
//! `getrusage(RUSAGE_CHILDREN)` before and after the child is reaped, so this process must run
//! one child at a time.

use std::io;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// What one run cost.
#[derive(Clone, Copy, Debug)]
pub struct Cost {
    pub wall: Duration,
    pub cpu: Duration,
}

/// Runs `command` to completion, capturing its output.
///
/// # Errors
///
/// If the command cannot be started.
pub fn run(command: &mut Command) -> io::Result<(Output, Cost)> {
    let cpu_before = cpu_time(libc::RUSAGE_CHILDREN);
    let start = Instant::now();
    let output = command.output()?;
    let wall = start.elapsed();
    let cpu = cpu_time(libc::RUSAGE_CHILDREN).saturating_sub(cpu_before);
    Ok((output, Cost { wall, cpu }))
}

/// User + system time of this process so far, all threads included.
pub fn process_cpu() -> Duration {
    cpu_time(libc::RUSAGE_SELF)
}

/// User + system time of `who`: this process, or all of its reaped children.
fn cpu_time(who: libc::c_int) -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a whole `rusage` into the pointer it is given, which points to
    // enough zeroed, writable memory; callers pass RUSAGE_SELF or RUSAGE_CHILDREN.
    let status = unsafe { libc::getrusage(who, usage.as_mut_ptr()) };
    assert_eq!(status, 0, "getrusage cannot fail with valid arguments");
    // SAFETY: getrusage succeeded, so it initialised the struct.
    let usage = unsafe { usage.assume_init() };
    timeval(usage.ru_utime) + timeval(usage.ru_stime)
}

fn timeval(value: libc::timeval) -> Duration {
    let seconds = u64::try_from(value.tv_sec).unwrap_or(0);
    let micros = u64::try_from(value.tv_usec).unwrap_or(0);
    Duration::from_secs(seconds) + Duration::from_micros(micros)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_child_uses_cpu_and_a_sleeping_one_hardly() {
        let busy = "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done";
        let (output, busy_cost) = run(Command::new("sh").args(["-c", busy])).unwrap();
        assert!(output.status.success());
        assert!(busy_cost.cpu > Duration::from_millis(20), "{busy_cost:?}");
        let (_, idle_cost) = run(Command::new("sleep").arg("0.2")).unwrap();
        assert!(idle_cost.wall >= Duration::from_millis(200));
        assert!(idle_cost.cpu < Duration::from_millis(100), "{idle_cost:?}");
    }
}
