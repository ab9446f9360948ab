llm_usage::include_schemas!("ui/schemas/malformed_row");

fn main() {}
