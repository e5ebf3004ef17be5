//! Renders tokens back to text the way a person writes them, for messages, the inventory's type
//! names and rustdoc. `TokenStream::to_string` spaces every token (`Vec < Foo >`); this does not.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;

pub(crate) fn tokens_as_written(tokens: &impl ToTokens) -> String {
    let mut out = String::new();
    render(tokens.to_token_stream(), &mut out);
    out
}

/// A path as written, without its generic arguments: `crate::activities::provision_vm`.
pub(crate) fn path_text(path: &syn::Path) -> String {
    let mut text = String::new();
    if path.leading_colon.is_some() {
        text.push_str("::");
    }
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    text.push_str(&segments.join("::"));
    text
}

fn render(tokens: TokenStream, out: &mut String) {
    // Whether the previous token was a word (ident or literal): two words need a space.
    let mut after_word = false;
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => {
                if after_word {
                    out.push(' ');
                }
                out.push_str(&ident.to_string());
                after_word = true;
            }
            TokenTree::Literal(literal) => {
                if after_word {
                    out.push(' ');
                }
                out.push_str(&literal.to_string());
                after_word = true;
            }
            TokenTree::Punct(punct) => {
                let ch = punct.as_char();
                let arrow_head = ch == '-' && punct.spacing() == Spacing::Joint;
                let arrow_tail = ch == '>' && out.ends_with('-');
                if (matches!(ch, '=' | '+') && punct.spacing() == Spacing::Alone || arrow_head)
                    && !out.ends_with(' ')
                {
                    out.push(' ');
                }
                out.push(ch);
                if matches!(ch, ',' | ';' | '=' | '+') && punct.spacing() == Spacing::Alone
                    || arrow_tail
                {
                    out.push(' ');
                }
                // `'a` is a punct followed by an ident with no space; `dyn Trait + 'a` and
                // `&'a T` read naturally when a word after a lifetime gets its space back.
                after_word = false;
            }
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                render(group.stream(), out);
                out.push_str(close);
                after_word = false;
            }
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
}

#[cfg(test)]
mod tests {
    use super::tokens_as_written;

    fn rendered(source: &str) -> String {
        let ty: syn::Type = syn::parse_str(source).unwrap();
        tokens_as_written(&ty)
    }

    #[test]
    fn renders_types_as_a_person_writes_them() {
        for source in [
            "ProvisionVMInput",
            "Vec<String>",
            "crate::types::Input",
            "::std::collections::HashMap<String, Vec<u8>>",
            "(u32, String)",
            "[u8; 4]",
            "&'static str",
            "Option<Box<dyn Fn(u32) -> u32 + Send>>",
            "()",
        ] {
            assert_eq!(rendered(source), source);
        }
    }
}
