llm_usage::include_schemas!("ui/schemas/link_leaves_folder");

fn main() {}
