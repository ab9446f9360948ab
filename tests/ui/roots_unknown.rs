llm_usage::include_schemas!("ui/schemas/macro_args", roots = ["Nope"]);

fn main() {}
