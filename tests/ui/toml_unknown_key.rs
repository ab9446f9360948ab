llm_usage::include_schemas!("ui/schemas/toml_unknown_key");

fn main() {}
