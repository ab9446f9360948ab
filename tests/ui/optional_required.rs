llm_usage::include_schemas!("ui/schemas/optional_required");

fn main() {}
