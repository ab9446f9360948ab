llm_usage::include_schemas!("ui/schemas/not_utf8");

fn main() {}
