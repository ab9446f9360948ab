llm_usage::include_schemas!("ui/schemas/extra_cells");

fn main() {}
