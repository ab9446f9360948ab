llm_usage::include_schemas!("ui/schemas/toml_bad_value");

fn main() {}
