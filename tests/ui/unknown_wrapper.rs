llm_usage::include_schemas!("ui/schemas/unknown_wrapper");

fn main() {}
