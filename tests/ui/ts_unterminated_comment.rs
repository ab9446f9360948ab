llm_usage::include_schemas!("ui/schemas/ts_unterminated_comment");

fn main() {}
