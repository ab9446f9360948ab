llm_usage::include_schemas!("ui/schemas/ts_function_property");

fn main() {}
