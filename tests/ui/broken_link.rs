llm_usage::include_schemas!("ui/schemas/broken_link");

fn main() {}
