//! `include_schemas!`: vendor usage docs to Rust types at compile time.
//!
//! A thin shell over [`llm_usage_codegen`]: it finds the folder, runs the engine and turns
//! its diagnostics into compile errors. Use it through `llm_usage::include_schemas!`, which
//! also provides the runtime the generated code needs.

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::LitStr;

/// Generates one Rust module per subfolder of a schema folder.
///
/// ```ignore
/// llm_usage::include_schemas!("schemas");
/// ```
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`. Every problem in the
/// schema files is reported as a compile error naming `file:line:col`.
#[proc_macro]
pub fn include_schemas(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let args = match syn::parse::<Args>(input) {
        Ok(args) => args,
        Err(err) => return err.to_compile_error().into(),
    };
    expand(&args).into()
}

/// `"path"` then, optionally, `roots = ["module::Type", …]`.
struct Args {
    path: LitStr,
    roots: Option<Vec<LitStr>>,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                "expected the schema folder as a string literal: `include_schemas!(\"schemas\")`",
            )
        })?;
        let mut roots = None;
        while !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.parse()?;
            if key != "roots" {
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown argument `{key}`: the only argument after the schema folder is `roots = [\"Type\", …]`"),
                ));
            }
            if roots.is_some() {
                return Err(syn::Error::new(
                    key.span(),
                    "`roots` is given twice: list every root in one `roots = [\"Type\", …]`",
                ));
            }
            input.parse::<syn::Token![=]>()?;
            let list;
            syn::bracketed!(list in input);
            let names = list.parse_terminated(|p| p.parse::<LitStr>(), syn::Token![,])?;
            roots = Some(names.into_iter().collect());
        }
        Ok(Args { path, roots })
    }
}

fn expand(args: &Args) -> TokenStream {
    let span = args.path.span();
    // trybuild compiles tests in a scratch crate; it names the real one through this variable.
    let manifest_dir =
        match std::env::var_os("LLM_USAGE_MANIFEST_DIR").or_else(|| std::env::var_os("CARGO_MANIFEST_DIR")) {
            Some(dir) => PathBuf::from(dir),
            None => return error(span, "CARGO_MANIFEST_DIR is not set: include_schemas! must be built by cargo"),
        };
    let path = manifest_dir.join(args.path.value());
    let input = llm_usage_codegen::Input {
        display: display_path(&path, &args.path.value()),
        path: path.clone(),
        roots: args.roots.as_ref().map(|roots| roots.iter().map(LitStr::value).collect()),
    };
    let tracked = track_files(&input);
    match llm_usage_codegen::generate(&input) {
        Ok(tokens) => quote! { #tokens #tracked },
        Err(diagnostics) => {
            let errors = diagnostics.iter().map(|d| error(span, &d.to_string()));
            quote! { #(#errors)* #tracked }
        }
    }
}

/// `include_bytes!` of every schema file, so that editing one recompiles the invoking crate.
/// (New and removed files need the build script that `llm_usage` documents.) They are read
/// in a function nothing calls: as `const` items, the files' bytes were also written into the
/// crate's metadata (orq-python's rmeta was 185 MB instead of 69 MB).
fn track_files(input: &llm_usage_codegen::Input) -> TokenStream {
    let mut ignored = llm_usage_codegen::Diagnostics::new();
    let files = llm_usage_codegen::read::list_files(input, &mut ignored);
    let paths = files.iter().filter_map(|p| p.to_str());
    quote! {
        const _: () = {
            #[allow(dead_code)]
            fn tracked() {
                #(let _ = ::core::include_bytes!(#paths);)*
            }
        };
    }
}

/// The path as cargo shows paths: relative to the directory rustc runs in (the workspace
/// root), so that messages read `schemas/orq/x.md:3:1`; outside it, as the user wrote it.
fn display_path(path: &Path, as_written: &str) -> String {
    let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.canonicalize().ok())
        .and_then(|cwd| absolute.strip_prefix(cwd).ok().map(|p| p.display().to_string()))
        .unwrap_or_else(|| as_written.trim_end_matches('/').to_string())
}

fn error(span: Span, message: &str) -> TokenStream {
    quote::quote_spanned! {span=> ::core::compile_error!(#message);}
}
