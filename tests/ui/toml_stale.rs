llm_usage::include_schemas!("ui/schemas/toml_stale");

fn main() {}
