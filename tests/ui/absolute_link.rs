llm_usage::include_schemas!("ui/schemas/absolute_link");

fn main() {}
