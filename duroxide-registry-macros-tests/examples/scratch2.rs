#![deny(warnings)]
use duroxide::ActivityContext;
use duroxide_registry_macros::{activity, registry};
use std::sync::Arc;

#[derive(Default, Debug)]
pub struct Cfg { pub region: String }

#[activity]
pub async fn with_cfg(_ctx: ActivityContext, input: String, #[config] config: Arc<Cfg>) -> Result<String, String> {
    Ok(format!("{input}@{}", config.region))
}
#[activity]
pub async fn plain(_ctx: ActivityContext, input: String) -> Result<String, String> { Ok(input) }

registry! { config: Cfg, activities: [with_cfg, plain] }

fn main() {
    let r = create_activity_registry_with_config(Cfg { region: "eu".into() });
    assert!(r.has(with_cfg::NAME));
    let _ = create_activity_registry();
    println!("{}", with_cfg::NAME);
}
