llm_usage::include_schemas!(42);

fn main() {}
