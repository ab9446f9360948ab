llm_usage::include_schemas!("ui/schemas/macro_args", roots = ["Usage"], roots = ["Usage"]);

fn main() {}
