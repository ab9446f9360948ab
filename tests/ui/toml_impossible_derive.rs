llm_usage::include_schemas!("ui/schemas/toml_impossible_derive");

fn main() {}
