llm_usage::include_schemas!("ui/schemas/required_cycle");

fn main() {}
