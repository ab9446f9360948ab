llm_usage::include_schemas!("ui/schemas/no_separator");

fn main() {}
