llm_usage::include_schemas!("ui/schemas/bad_required_marker");

fn main() {}
