llm_usage::include_schemas!("ui/schemas/no_body");

fn main() {}
