llm_usage::include_schemas!("ui/schemas/ts_generic");

fn main() {}
