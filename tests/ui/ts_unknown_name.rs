llm_usage::include_schemas!("ui/schemas/ts_unknown_name");

fn main() {}
