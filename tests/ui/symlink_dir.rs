llm_usage::include_schemas!("ui/schemas/symlink_dir");

fn main() {}
