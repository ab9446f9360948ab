llm_usage::include_schemas!("ui/schemas/toml_stale_field");

fn main() {}
