llm_usage::include_schemas!("ui/schemas/too_large");

fn main() {}
