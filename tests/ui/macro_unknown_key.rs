llm_usage::include_schemas!("ui/schemas/macro_args", rootz = ["Usage"]);

fn main() {}
