llm_usage::include_schemas!("ui/schemas/deprecated_empty_name");

fn main() {}
