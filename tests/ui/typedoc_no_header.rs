llm_usage::include_schemas!("ui/schemas/typedoc_no_header");

fn main() {}
