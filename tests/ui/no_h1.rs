llm_usage::include_schemas!("ui/schemas/no_h1");

fn main() {}
