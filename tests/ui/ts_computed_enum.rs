llm_usage::include_schemas!("ui/schemas/ts_computed_enum");

fn main() {}
