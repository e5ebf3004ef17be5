//! What the two forms have in common: item names, the input and output types, and the
//! function bodies. Only the registration and the way an activity is called differ.

/// Words for names that read like a real library's, so that name lengths are realistic.
const VERBS: [&str; 8] = [
    "provision",
    "configure",
    "attach",
    "rotate",
    "scale",
    "snapshot",
    "deploy",
    "validate",
];
const NOUNS: [&str; 8] = [
    "vm", "firewall", "disk", "secret", "cluster", "database", "network", "bucket",
];
const FLOWS: [&str; 5] = ["setup", "migrate", "restore", "teardown", "upgrade"];
const SCOPES: [&str; 4] = ["environment", "tenant", "service", "region"];

/// One activity, named `{verb}_{noun}_{index}`.
#[derive(Clone, Debug)]
pub struct ActivityDesc {
    pub ident: String,
    pub kebab: String,
    /// `ProvisionVm0`: the stem of `ProvisionVm0Input` and `ProvisionVm0Output`.
    pub stem: String,
    pub summary: String,
    /// Every other activity is idempotent, so both values of the flag are generated.
    pub idempotent: bool,
}

impl ActivityDesc {
    pub fn new(index: usize) -> ActivityDesc {
        let verb = VERBS[index % VERBS.len()];
        let noun = NOUNS[(index / VERBS.len()) % NOUNS.len()];
        let desc = Desc::new(&[verb, noun], index);
        let idempotent = index % 2 == 0;
        ActivityDesc {
            ident: desc.ident,
            kebab: desc.kebab,
            stem: desc.stem,
            summary: desc.summary,
            idempotent,
        }
    }

    /// `input.name` and `input.attempt` feed the output, so the body is not a constant.
    pub fn body(&self) -> String {
        format!(
            "    ctx.trace_info(format!(\"{kebab}: {{}}\", input.name));\n    \
             Ok({stem}Output {{\n        id: format!(\"{kebab}-{{}}-{{}}\", input.name, input.attempt),\n        \
             ok: true,\n    }})\n",
            kebab = self.kebab,
            stem = self.stem,
        )
    }
}

/// One orchestration, named `{flow}_{scope}_{index}`, calling `calls` (activity indices).
#[derive(Clone, Debug)]
pub struct OrchestrationDesc {
    pub ident: String,
    pub kebab: String,
    pub stem: String,
    pub summary: String,
    pub calls: Vec<usize>,
}

impl OrchestrationDesc {
    /// Orchestration `index` calls `calls` consecutive activities starting at `index * calls`,
    /// wrapping around, so that every activity is called once before any is called twice.
    pub fn new(index: usize, activities: usize, calls: usize) -> OrchestrationDesc {
        let flow = FLOWS[index % FLOWS.len()];
        let scope = SCOPES[(index / FLOWS.len()) % SCOPES.len()];
        let desc = Desc::new(&[flow, scope], index);
        let first = index * calls;
        let calls = (0..calls).map(|k| (first + k) % activities).collect();
        OrchestrationDesc {
            ident: desc.ident,
            kebab: desc.kebab,
            stem: desc.stem,
            summary: desc.summary,
            calls,
        }
    }

    /// The body; `call(activity, request)` writes one scheduling expression in the form's style.
    pub fn body(&self, call: impl Fn(&ActivityDesc, &str) -> String) -> String {
        let mut body = format!(
            "    ctx.trace_info(format!(\"{}: {{}}\", input.name));\n    let mut ids = Vec::new();\n",
            self.kebab
        );
        for &index in &self.calls {
            let activity = ActivityDesc::new(index);
            let request = format!(
                "{}Input {{ name: input.name.clone(), attempt: input.count }}",
                activity.stem
            );
            body.push_str(&format!(
                "    let output = {}.await?;\n    ids.push(output.id);\n",
                call(&activity, &request)
            ));
        }
        body.push_str(&format!("    Ok({}Output {{ ids }})\n", self.stem));
        body
    }
}

/// The benchmark's loop: `count` calls of activity 0, fanned out and joined.
pub fn dispatch_loop_body(call: impl Fn(&ActivityDesc, &str) -> String) -> String {
    let activity = ActivityDesc::new(0);
    let request = format!(
        "{}Input {{ name: input.name.clone(), attempt }}",
        activity.stem
    );
    format!(
        "    let calls = (0..input.count)\n        .map(|attempt| {call})\n        .collect::<Vec<_>>();\n    \
         let mut ids = Vec::new();\n    for output in ctx.join(calls).await {{\n        \
         ids.push(output?.id);\n    }}\n    Ok(DispatchLoopOutput {{ ids }})\n",
        call = call(&activity, &request),
    )
}

/// Names derived from words and an index.
struct Desc {
    ident: String,
    kebab: String,
    stem: String,
    summary: String,
}

impl Desc {
    fn new(words: &[&str], index: usize) -> Desc {
        let stem: String = words.iter().map(|w| capitalized(w)).collect();
        let sentence = words.join(" ");
        Desc {
            ident: format!("{}_{index}", words.join("_")),
            kebab: format!("{}-{index}", words.join("-")),
            stem: format!("{stem}{index}"),
            summary: format!("{} number {index}.", capitalized(&sentence)),
        }
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// `types.rs` and `activity_types.rs`, identical in both forms.
pub fn activity_types(activities: &[ActivityDesc]) -> String {
    let mut text = String::from("use serde::{Deserialize, Serialize};\n");
    for activity in activities {
        text.push_str(&format!(
            "\n/// Input of `{kebab}`.\n#[derive(Debug, Clone, Serialize, Deserialize)]\npub struct {stem}Input {{\n    \
             /// The resource name.\n    pub name: String,\n    /// Which attempt this is.\n    pub attempt: u32,\n}}\n\n\
             /// Output of `{kebab}`.\n#[derive(Debug, Clone, Serialize, Deserialize)]\npub struct {stem}Output {{\n    \
             /// The resource id.\n    pub id: String,\n    /// Whether it succeeded.\n    pub ok: bool,\n}}\n",
            kebab = activity.kebab,
            stem = activity.stem,
        ));
    }
    text
}

pub fn orchestration_types(orchestrations: &[OrchestrationDesc], dispatch_loop: bool) -> String {
    let mut stems: Vec<(String, String)> = orchestrations
        .iter()
        .map(|o| (o.stem.clone(), o.kebab.clone()))
        .collect();
    if dispatch_loop {
        stems.push(("DispatchLoop".to_owned(), "dispatch-loop".to_owned()));
    }
    let mut text = String::from("use serde::{Deserialize, Serialize};\n");
    for (stem, kebab) in stems {
        text.push_str(&format!(
            "\n/// Input of `{kebab}`.\n#[derive(Debug, Clone, Serialize, Deserialize)]\npub struct {stem}Input {{\n    \
             /// The target name.\n    pub name: String,\n    /// How many times to act.\n    pub count: u32,\n}}\n\n\
             /// Output of `{kebab}`.\n#[derive(Debug, Clone, Serialize, Deserialize)]\npub struct {stem}Output {{\n    \
             /// Ids of what was done.\n    pub ids: Vec<String>,\n}}\n"
        ));
    }
    text
}

pub const TYPES_DOC: &str = "Input and output types for orchestrations";
pub const ACTIVITY_TYPES_DOC: &str = "Input and output types for activities";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_convention() {
        let activity = ActivityDesc::new(9);
        assert_eq!(activity.ident, "configure_firewall_9");
        assert_eq!(activity.kebab, "configure-firewall-9");
        assert_eq!(activity.stem, "ConfigureFirewall9");
        assert!(!activity.idempotent);
        let orchestration = OrchestrationDesc::new(1, 10, 3);
        assert_eq!(orchestration.ident, "migrate_environment_1");
        assert_eq!(orchestration.calls, [3, 4, 5]);
    }
}
