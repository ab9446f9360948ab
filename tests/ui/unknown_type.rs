llm_usage::include_schemas!("ui/schemas/unknown_type");

fn main() {}
