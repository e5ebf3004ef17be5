//! `multi-cloud-app deploy demo`: see `multi-cloud-app --help`.

fn main() -> std::process::ExitCode {
    multi_cloud_app::main()
}
