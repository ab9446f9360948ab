llm_usage::include_schemas!("ui/schemas/duplicate_type");

fn main() {}
