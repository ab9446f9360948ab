llm_usage::include_schemas!("ui/schemas/unbalanced_brackets");

fn main() {}
