llm_usage::include_schemas!("ui/schemas/macro_args", roots = ["../x"]);

fn main() {}
