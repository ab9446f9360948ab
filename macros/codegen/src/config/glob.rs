//! Wire-name globs for `[numbers]`: `*` matches any run of characters, `?` one character,
//! everything else itself.

/// A compiled glob: the pattern's characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: Vec<char>,
}

impl Glob {
    pub fn new(pattern: &str) -> Glob {
        Glob { pattern: pattern.chars().collect() }
    }

    pub fn as_string(&self) -> String {
        self.pattern.iter().collect()
    }

    /// Whether the whole of `name` matches. Iterative with one backtrack point, so a pattern
    /// of many `*` cannot take exponential time.
    pub fn matches(&self, name: &str) -> bool {
        let text: Vec<char> = name.chars().collect();
        let (mut p, mut t) = (0, 0);
        let mut star: Option<(usize, usize)> = None;
        while t < text.len() {
            match self.pattern.get(p) {
                Some('*') => {
                    star = Some((p, t));
                    p += 1;
                }
                Some(&c) if c == '?' || c == text[t] => {
                    p += 1;
                    t += 1;
                }
                _ => match star {
                    Some((sp, st)) => {
                        p = sp + 1;
                        t = st + 1;
                        star = Some((sp, st + 1));
                    }
                    None => return false,
                },
            }
        }
        self.pattern[p..].iter().all(|&c| c == '*')
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    #[test]
    fn globs_match_whole_wire_names() {
        let tokens = Glob::new("*_tokens");
        assert!(tokens.matches("input_tokens"));
        assert!(tokens.matches("cache_read_input_tokens"));
        assert!(!tokens.matches("input_tokens_details"));
        assert!(!tokens.matches("tokens"));
        assert!(Glob::new("*Count").matches("promptTokenCount"));
        assert!(Glob::new("*").matches(""));
        assert!(Glob::new("a?c").matches("abc"));
        assert!(!Glob::new("a?c").matches("ac"));
        assert!(Glob::new("total_tokens").matches("total_tokens"));
        assert!(Glob::new("*a*b*").matches("xxaxxbxx"));
        assert!(!Glob::new("*a*b*").matches("xxbxxaxx"));
    }

    #[test]
    fn many_stars_stay_fast() {
        let glob = Glob::new(&"*a".repeat(30));
        assert!(!glob.matches(&"a".repeat(29)));
    }
}
