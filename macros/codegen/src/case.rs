//! Words of a name and the casings built from them, for wire names (`wire_case`) and Rust
//! names alike. Nothing here knows which of the two it serves.

/// Splits a name into words: at every non-alphanumeric character and at case changes
/// (`totalTokens` → `total`, `Tokens`; `HTTPServer` → `HTTP`, `Server`; `gpt4o` stays one word).
pub fn words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for_each_word(name, |word| words.push(word));
    words
}

/// Calls `f` on each of the [`words`] of `name`, in order, without collecting them.
fn for_each_word<'a>(name: &'a str, mut f: impl FnMut(&'a str)) {
    let bytes = name.as_bytes();
    let mut start: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii_alphanumeric() {
            if let Some(s) = start.take() {
                f(&name[s..i]);
            }
            continue;
        }
        if let Some(s) = start {
            if b.is_ascii_uppercase() {
                let prev = bytes[i - 1];
                let next_lower = bytes.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                if prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower) {
                    f(&name[s..i]);
                    start = Some(i);
                }
            }
        } else {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        f(&name[s..]);
    }
}

/// `totalTokens` → `total_tokens`; only the alphanumeric words survive.
pub fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    snake_into(name, &mut out);
    out
}

/// [`snake`], appended to `out`: no allocation once `out` has room.
pub fn snake_into(name: &str, out: &mut String) {
    let mut first = true;
    for_each_word(name, |word| {
        if !first {
            out.push('_');
        }
        first = false;
        // Words are ASCII alphanumeric.
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    });
}

/// `total_tokens` → `totalTokens`.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut first = true;
    for_each_word(name, |word| {
        if first {
            out.push_str(&word.to_ascii_lowercase());
        } else {
            push_capitalized(&mut out, word);
        }
        first = false;
    });
    out
}

/// `weight_based` → `WeightBased`, `ON_DEMAND_FLEX` → `OnDemandFlex`, `inputText` → `InputText`.
pub fn pascal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for_each_word(name, |word| push_capitalized(&mut out, word));
    out
}

/// The word with its first letter upper case and, if it was all upper case, the rest lower.
fn push_capitalized(out: &mut String, word: &str) {
    let all_upper = !word.bytes().any(|c| c.is_ascii_lowercase());
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.push(first.to_ascii_uppercase());
        let rest = chars.as_str();
        if all_upper {
            out.push_str(&rest.to_ascii_lowercase());
        } else {
            out.push_str(rest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_case_changes_and_symbols() {
        assert_eq!(words("totalTokens"), ["total", "Tokens"]);
        assert_eq!(words("HTTPServer"), ["HTTP", "Server"]);
        assert_eq!(words("gpt4o"), ["gpt4o"]);
        assert_eq!(words("__pydantic_extra__"), ["pydantic", "extra"]);
        assert_eq!(words("a4B"), ["a4", "B"]);
        assert!(words("$-").is_empty());
    }

    #[test]
    fn casings() {
        assert_eq!(snake("cachedContentTokenCount"), "cached_content_token_count");
        assert_eq!(snake("prompt_tokens"), "prompt_tokens");
        assert_eq!(camel("prompt_tokens_details"), "promptTokensDetails");
        assert_eq!(camel("promptTokensDetails"), "promptTokensDetails");
        assert_eq!(camel("TOTAL"), "total");
        assert_eq!(pascal("ON_DEMAND_FLEX"), "OnDemandFlex");
        assert_eq!(pascal("inputText"), "InputText");
    }
}
