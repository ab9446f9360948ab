llm_usage::include_schemas!("ui/schemas/several_errors");

fn main() {}
