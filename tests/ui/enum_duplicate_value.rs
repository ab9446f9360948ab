llm_usage::include_schemas!("ui/schemas/enum_duplicate_value");

fn main() {}
