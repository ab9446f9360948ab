llm_usage::include_schemas!("ui/schemas/symlink_file");

fn main() {}
