llm_usage::include_schemas!("ui/schemas/ts_field_collision");

fn main() {}
