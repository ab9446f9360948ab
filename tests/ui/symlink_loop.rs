llm_usage::include_schemas!("ui/schemas/symlink_loop");

fn main() {}
