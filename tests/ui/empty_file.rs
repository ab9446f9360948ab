llm_usage::include_schemas!("ui/schemas/empty_file");

fn main() {}
