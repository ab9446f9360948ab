llm_usage::include_schemas!("ui/schemas/ts_unclosed_block");

fn main() {}
