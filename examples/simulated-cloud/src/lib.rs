//! A local stand-in for a cloud control plane. **This is a simulation**: nothing here touches a
//! network or a real cloud.
//!
//! The example libraries `duroxide-azure-arm` and `duroxide-aws-ec2` provision their resources
//! here. A cloud lives in memory or in one JSON file; a file can be shared by several processes,
//! which is what lets a killed and restarted deployment, or two workers on one database, see the
//! same resources.
//!
//! ```
//! use simulated_cloud::{Properties, SimulatedCloud};
//!
//! let cloud = SimulatedCloud::in_memory();
//! let first = cloud.ensure("vm/web-1", "vm", |_| Properties::new()).unwrap();
//! let again = cloud.ensure("vm/web-1", "vm", |_| Properties::new()).unwrap();
//! assert!(first.was_created() && !again.was_created());
//! assert_eq!(cloud.creation_counts().unwrap()["vm/web-1"], 1);
//! ```

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// Free-form properties of a resource, such as its address or its tier.
pub type Properties = BTreeMap<String, String>;

/// Environment variable naming the ambient cloud: a file path, or `memory`.
pub const CLOUD_ENV: &str = "DUROXIDE_SIM_CLOUD";

/// Environment variable giving the simulated provisioning time, in milliseconds.
pub const LATENCY_ENV: &str = "DUROXIDE_SIM_LATENCY_MS";

const DEFAULT_LATENCY_MS: u64 = 250;

/// One simulated resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// The resource id, unique within the cloud.
    pub id: String,
    /// The resource kind, for example `azure/vm`; quotas count per kind.
    pub kind: String,
    /// Creation order within this cloud, from 1. Simulated addresses derive from it.
    pub serial: u64,
    /// What the creator recorded about the resource.
    pub properties: Properties,
}

/// The result of [`SimulatedCloud::ensure`]: the resource, and whether this call created it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provisioned {
    /// The resource did not exist and was created by this call.
    Created(Resource),
    /// The resource already existed and was returned unchanged.
    Existing(Resource),
}

impl Provisioned {
    /// Whether this call created the resource.
    #[must_use]
    pub fn was_created(&self) -> bool {
        matches!(self, Provisioned::Created(_))
    }

    /// The resource, created or found.
    #[must_use]
    pub fn into_resource(self) -> Resource {
        match self {
            Provisioned::Created(resource) | Provisioned::Existing(resource) => resource,
        }
    }
}

/// Why the simulated cloud refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloudError {
    /// `limit` resources of `kind` already exist.
    QuotaExceeded {
        /// The resource kind whose quota is used up.
        kind: String,
        /// The quota.
        limit: u32,
    },
    /// The cloud's file could not be read or written.
    Storage(String),
}

impl fmt::Display for CloudError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CloudError::QuotaExceeded { kind, limit } => {
                write!(
                    f,
                    "quota exceeded: at most {limit} resources of kind `{kind}`"
                )
            }
            CloudError::Storage(message) => write!(f, "simulated cloud storage: {message}"),
        }
    }
}

impl std::error::Error for CloudError {}

/// One entry of the creation log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Creation {
    /// The resource created.
    pub id: String,
    /// The process that created it, so that tests of several workers can tell who did what.
    pub process: u32,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    resources: BTreeMap<String, Resource>,
    /// Every creation in order: the evidence that no resource was created twice.
    created: Vec<Creation>,
    /// Every removal in order. Absent from files written before resources could be removed.
    #[serde(default)]
    removed: Vec<Creation>,
    quotas: BTreeMap<String, u32>,
    next_serial: u64,
}

impl State {
    fn ensure(
        &mut self,
        id: &str,
        kind: &str,
        properties: impl FnOnce(u64) -> Properties,
    ) -> Result<Provisioned, CloudError> {
        if let Some(existing) = self.resources.get(id) {
            return Ok(Provisioned::Existing(existing.clone()));
        }
        if let Some(&limit) = self.quotas.get(kind) {
            let used = self.resources.values().filter(|r| r.kind == kind).count();
            if used >= limit as usize {
                return Err(CloudError::QuotaExceeded {
                    kind: kind.to_owned(),
                    limit,
                });
            }
        }
        self.next_serial += 1;
        let resource = Resource {
            id: id.to_owned(),
            kind: kind.to_owned(),
            serial: self.next_serial,
            properties: properties(self.next_serial),
        };
        self.resources.insert(id.to_owned(), resource.clone());
        self.created.push(Creation {
            id: id.to_owned(),
            process: std::process::id(),
        });
        Ok(Provisioned::Created(resource))
    }
}

/// A handle on one simulated cloud. Clones share the same cloud.
#[derive(Clone)]
pub struct SimulatedCloud {
    store: Store,
}

#[derive(Clone)]
enum Store {
    Memory(Arc<Mutex<State>>),
    File(Arc<PathBuf>),
}

impl fmt::Debug for SimulatedCloud {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SimulatedCloud({})", self.location())
    }
}

static AMBIENT: OnceLock<SimulatedCloud> = OnceLock::new();

impl SimulatedCloud {
    /// A new, empty cloud that lives as long as its handles.
    #[must_use]
    pub fn in_memory() -> Self {
        SimulatedCloud {
            store: Store::Memory(Arc::default()),
        }
    }

    /// The cloud stored in the JSON file at `path`. Nothing is written until the first change,
    /// so merely opening a cloud leaves no file behind.
    #[must_use]
    pub fn at_path(path: impl Into<PathBuf>) -> Self {
        SimulatedCloud {
            store: Store::File(Arc::new(path.into())),
        }
    }

    /// `memory` for a new in-memory cloud, anything else as a file path.
    #[must_use]
    pub fn from_spec(spec: &str) -> Self {
        if spec == "memory" {
            Self::in_memory()
        } else {
            Self::at_path(spec)
        }
    }

    /// `memory`, or the path of the cloud's file.
    #[must_use]
    pub fn location(&self) -> String {
        match &self.store {
            Store::Memory(_) => "memory".to_owned(),
            Store::File(path) => path.display().to_string(),
        }
    }

    /// The process-wide cloud, for activities that, like a real SDK, find their cloud in the
    /// environment: the one given to [`install_ambient`](Self::install_ambient), else the
    /// [`CLOUD_ENV`] variable, else one in-memory cloud shared by the whole process.
    #[must_use]
    pub fn ambient() -> Self {
        AMBIENT
            .get_or_init(|| match std::env::var(CLOUD_ENV) {
                Ok(spec) if !spec.is_empty() => Self::from_spec(&spec),
                _ => Self::in_memory(),
            })
            .clone()
    }

    /// Makes `cloud` the ambient cloud. Call it at start-up, before anything asks for the
    /// ambient cloud.
    ///
    /// # Errors
    ///
    /// Gives `cloud` back when the ambient cloud was already chosen.
    pub fn install_ambient(cloud: SimulatedCloud) -> Result<(), SimulatedCloud> {
        AMBIENT.set(cloud)
    }

    /// The resource with this id, if it exists.
    ///
    /// # Errors
    ///
    /// The cloud's file cannot be read.
    pub fn get(&self, id: &str) -> Result<Option<Resource>, CloudError> {
        self.read(|state| state.resources.get(id).cloned())
    }

    /// Returns the resource `id` if it exists, or creates it with the given kind and the
    /// properties made from its serial number. Check and creation are one atomic step, even
    /// across processes sharing a file, so a retried activity can never create a duplicate.
    ///
    /// # Errors
    ///
    /// [`CloudError::QuotaExceeded`] when the kind's quota is used up, or a storage failure.
    pub fn ensure(
        &self,
        id: &str,
        kind: &str,
        properties: impl FnOnce(u64) -> Properties,
    ) -> Result<Provisioned, CloudError> {
        self.write(|state| state.ensure(id, kind, properties))?
    }

    /// Removes the resource `id`, and returns it; `None` when it does not exist, so that
    /// removing twice is harmless (a retried activity). Removals are logged
    /// ([`removals`](Self::removals)); a removed id may be created again, which the creation
    /// log then counts twice.
    ///
    /// # Errors
    ///
    /// A storage failure.
    pub fn remove(&self, id: &str) -> Result<Option<Resource>, CloudError> {
        self.write(|state| {
            let removed = state.resources.remove(id);
            if removed.is_some() {
                state.removed.push(Creation {
                    id: id.to_owned(),
                    process: std::process::id(),
                });
            }
            removed
        })
    }

    /// Changes the properties of the resource `id` with `change`, atomically, and returns the
    /// resource as changed; `None`, with nothing changed, when it does not exist.
    ///
    /// # Errors
    ///
    /// A storage failure.
    pub fn update(
        &self,
        id: &str,
        change: impl FnOnce(&mut Properties),
    ) -> Result<Option<Resource>, CloudError> {
        self.write(|state| {
            let resource = state.resources.get_mut(id)?;
            change(&mut resource.properties);
            Some(resource.clone())
        })
    }

    /// The removal log, oldest first: the resources [`remove`](Self::remove) removed.
    ///
    /// # Errors
    ///
    /// The cloud's file cannot be read.
    pub fn removals(&self) -> Result<Vec<Creation>, CloudError> {
        self.read(|state| state.removed.clone())
    }

    /// Allows at most `limit` resources of `kind` from now on.
    ///
    /// # Errors
    ///
    /// The cloud's file cannot be written.
    pub fn set_quota(&self, kind: &str, limit: u32) -> Result<(), CloudError> {
        self.write(|state| {
            state.quotas.insert(kind.to_owned(), limit);
        })
    }

    /// Every resource, ordered by id.
    ///
    /// # Errors
    ///
    /// The cloud's file cannot be read.
    pub fn resources(&self) -> Result<Vec<Resource>, CloudError> {
        self.read(|state| state.resources.values().cloned().collect())
    }

    /// How many times each resource id was created. With idempotent activities every count is 1.
    ///
    /// # Errors
    ///
    /// The cloud's file cannot be read.
    pub fn creation_counts(&self) -> Result<BTreeMap<String, usize>, CloudError> {
        self.read(|state| {
            let mut counts = BTreeMap::new();
            for creation in &state.created {
                *counts.entry(creation.id.clone()).or_insert(0) += 1;
            }
            counts
        })
    }

    /// The creation log, oldest first.
    ///
    /// # Errors
    ///
    /// The cloud's file cannot be read.
    pub fn creations(&self) -> Result<Vec<Creation>, CloudError> {
        self.read(|state| state.created.clone())
    }

    fn read<T>(&self, f: impl FnOnce(&State) -> T) -> Result<T, CloudError> {
        match &self.store {
            Store::Memory(state) => Ok(f(&lock_memory(state))),
            // Writers replace the file by an atomic rename, so a reader needs no lock.
            Store::File(path) => Ok(f(&load(path)?)),
        }
    }

    fn write<T>(&self, f: impl FnOnce(&mut State) -> T) -> Result<T, CloudError> {
        match &self.store {
            Store::Memory(state) => Ok(f(&mut lock_memory(state))),
            Store::File(path) => write_file(path, f),
        }
    }
}

fn lock_memory(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    // A panic while holding the lock cannot leave the state half-changed in a way that
    // matters to a simulation, so a poisoned lock is simply taken over.
    state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn storage_error(what: &str, path: &Path, error: impl fmt::Display) -> CloudError {
    CloudError::Storage(format!("{what} {}: {error}", path.display()))
}

fn load(path: &Path) -> Result<State, CloudError> {
    match fs::read(path) {
        Ok(bytes) if bytes.is_empty() => Ok(State::default()),
        Ok(bytes) => {
            serde_json::from_slice(&bytes).map_err(|e| storage_error("cannot parse", path, e))
        }
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(State::default()),
        Err(error) => Err(storage_error("cannot read", path, error)),
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Read, change and replace the file while holding an exclusive lock on `<path>.lock`, so that
/// processes sharing the cloud see each other's changes and never lose one.
fn write_file<T>(path: &Path, f: impl FnOnce(&mut State) -> T) -> Result<T, CloudError> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        fs::create_dir_all(dir)
            .map_err(|e| storage_error("cannot create the folder of", path, e))?;
    }
    let lock_path = sibling(path, ".lock");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| storage_error("cannot open", &lock_path, e))?;
    lock.lock()
        .map_err(|e| storage_error("cannot lock", &lock_path, e))?;
    let mut state = load(path)?;
    let value = f(&mut state);
    let bytes =
        serde_json::to_vec_pretty(&state).map_err(|e| storage_error("cannot encode", path, e))?;
    // A process killed between these two steps leaves the old file intact.
    let temporary = sibling(path, ".tmp");
    fs::write(&temporary, bytes).map_err(|e| storage_error("cannot write", &temporary, e))?;
    fs::rename(&temporary, path).map_err(|e| storage_error("cannot replace", path, e))?;
    Ok(value)
}

/// How long a simulated resource takes to become ready: [`LATENCY_ENV`] milliseconds, or 250.
#[must_use]
pub fn provisioning_delay() -> Duration {
    let millis = std::env::var(LATENCY_ENV)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(DEFAULT_LATENCY_MS);
    Duration::from_millis(millis)
}

/// A private IPv4 address derived from a resource's serial number: `10.0.0.4` for serial 1.
#[must_use]
pub fn address(serial: u64) -> String {
    // Azure reserves the first four addresses of a subnet; the simulation copies that habit.
    let host = serial + 3;
    format!(
        "10.{}.{}.{}",
        (host >> 16) & 0xff,
        (host >> 8) & 0xff,
        host & 0xff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(serial: u64) -> Properties {
        Properties::from([("address".to_owned(), address(serial))])
    }

    #[test]
    fn ensure_creates_once_and_then_returns_the_existing_resource() {
        let cloud = SimulatedCloud::in_memory();
        let first = cloud.ensure("vm/a", "vm", props).unwrap();
        let second = cloud
            .ensure("vm/a", "vm", |_| unreachable!("must not create again"))
            .unwrap();
        assert!(first.was_created());
        assert!(!second.was_created());
        assert_eq!(first.into_resource(), second.into_resource());
        assert_eq!(
            cloud.creation_counts().unwrap(),
            BTreeMap::from([("vm/a".to_owned(), 1)])
        );
    }

    #[test]
    fn quota_counts_resources_of_one_kind() {
        let cloud = SimulatedCloud::in_memory();
        cloud.set_quota("vm", 1).unwrap();
        cloud.ensure("vm/a", "vm", props).unwrap();
        cloud.ensure("disk/a", "disk", props).unwrap();
        let refused = cloud.ensure("vm/b", "vm", props).unwrap_err();
        assert_eq!(
            refused,
            CloudError::QuotaExceeded {
                kind: "vm".to_owned(),
                limit: 1
            }
        );
        // An existing resource is still returned: the quota limits creation only.
        assert!(!cloud.ensure("vm/a", "vm", props).unwrap().was_created());
    }

    #[test]
    fn a_file_cloud_is_shared_by_handles_and_survives_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("cloud.json");
        let cloud = SimulatedCloud::at_path(&path);
        assert!(cloud.resources().unwrap().is_empty());
        assert!(!path.exists(), "reading must not create the file");
        cloud.ensure("vm/a", "vm", props).unwrap();
        let reopened = SimulatedCloud::at_path(&path);
        let resource = reopened.get("vm/a").unwrap().unwrap();
        assert_eq!(resource.properties["address"], "10.0.0.4");
        assert!(!reopened.ensure("vm/a", "vm", props).unwrap().was_created());
    }

    #[test]
    fn concurrent_writers_on_one_file_create_each_resource_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cloud.json");
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let cloud = SimulatedCloud::at_path(&path);
                std::thread::spawn(move || {
                    for i in 0..20 {
                        cloud.ensure(&format!("vm/{i}"), "vm", props).unwrap();
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        let counts = SimulatedCloud::at_path(&path).creation_counts().unwrap();
        assert_eq!(counts.len(), 20);
        assert!(counts.values().all(|&count| count == 1));
    }

    #[test]
    fn removal_is_logged_and_harmless_twice_and_update_changes_only_what_exists() {
        let dir = tempfile::tempdir().unwrap();
        let cloud = SimulatedCloud::at_path(dir.path().join("cloud.json"));
        cloud.ensure("vm/a", "vm", props).unwrap();
        let updated = cloud
            .update("vm/a", |p| {
                p.insert("size".to_owned(), "large".to_owned());
            })
            .unwrap()
            .unwrap();
        assert_eq!(updated.properties["size"], "large");
        assert_eq!(cloud.get("vm/a").unwrap().unwrap(), updated);
        assert_eq!(cloud.update("vm/none", |_| unreachable!()).unwrap(), None);

        assert_eq!(cloud.remove("vm/a").unwrap(), Some(updated));
        assert_eq!(cloud.remove("vm/a").unwrap(), None);
        assert_eq!(cloud.get("vm/a").unwrap(), None);
        let removed: Vec<String> = cloud
            .removals()
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(removed, ["vm/a"]);
        // Created again: the creation log counts it twice.
        cloud.ensure("vm/a", "vm", props).unwrap();
        assert_eq!(cloud.creation_counts().unwrap()["vm/a"], 2);
    }

    #[test]
    fn a_file_written_before_removals_existed_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cloud.json");
        std::fs::write(
            &path,
            r#"{"resources":{},"created":[],"quotas":{},"next_serial":0}"#,
        )
        .unwrap();
        assert!(SimulatedCloud::at_path(&path)
            .removals()
            .unwrap()
            .is_empty());
    }

    #[test]
    fn addresses_skip_the_reserved_range_and_carry_into_higher_octets() {
        assert_eq!(address(1), "10.0.0.4");
        assert_eq!(address(253), "10.0.1.0");
    }
}
