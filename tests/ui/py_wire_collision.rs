llm_usage::include_schemas!("ui/schemas/py_wire_collision");

fn main() {}
