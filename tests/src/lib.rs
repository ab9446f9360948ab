//! Integration tests for llm-usage (see `tests/`).
//!
//! The library part generates every test schema folder through the macro, exactly as a user
//! crate would, so that each snapshot under `tests/snapshots/` is also proven to compile.

/// `schemas/presence`: one field per presence state.
pub mod presence {
    llm_usage::include_schemas!("schemas/presence");
}

/// `schemas/shapes`: one real vendor doc of each shape besides the seed (enum, union).
pub mod shapes {
    llm_usage::include_schemas!("schemas/shapes");
}

/// `schemas/resolve`: links and names the resolver must get right (`format_.md`, union
/// headings without links, a self-reference, one file name in two TypeScript-flavour folders).
pub mod resolve {
    llm_usage::include_schemas!("schemas/resolve");
}

/// `schemas/ts_presence`: the presence states from TypeScript declarations.
pub mod ts_presence {
    llm_usage::include_schemas!("schemas/ts_presence");
}

/// `schemas/ts_constructs`: every supported TypeScript construct in one file.
pub mod ts_constructs {
    llm_usage::include_schemas!("schemas/ts_constructs");
}

/// `schemas/ts_roots`: a whole vendor file, limited to what the usage type needs.
pub mod ts_roots {
    llm_usage::include_schemas!("schemas/ts_roots", roots = ["UsageOnly"]);
}

/// `schemas/typedoc_pages`: an enumeration page and a class page.
pub mod typedoc_pages {
    llm_usage::include_schemas!("schemas/typedoc_pages");
}
