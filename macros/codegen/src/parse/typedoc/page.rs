//! Reading a TypeDoc page's text: normalised lines, the header, the signature block or alias
//! signature, the page description and the member sections with their docs.
//!
//! Nothing here decides types: the TypeScript parser does that on the synthetic source built
//! from what this module finds (`synth.rs`). This module only finds *where* the TypeScript is
//! and which prose belongs to which member.

use std::ops::Range;

use crate::model::{Deprecation, Docs};
use crate::parse::typescript::lexer::is_invisible;

/// The page's lines with every Unicode space (U+00A0 included) turned into `' '` and
/// zero-width characters deleted. A line keeps its number; a column shifts left by one per
/// deleted character before it.
pub(crate) fn normalize(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|raw| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            raw.chars().filter(|&c| !is_invisible(c)).map(|c| if c.is_whitespace() { ' ' } else { c }).collect()
        })
        .collect()
}

/// The four page kinds that declare a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageKind {
    Interface,
    Class,
    Enumeration,
    TypeAlias,
}

impl PageKind {
    /// The header's leading words.
    pub(crate) fn title(self) -> &'static str {
        match self {
            PageKind::Interface => "Interface",
            PageKind::Class => "Class",
            PageKind::Enumeration => "Enumeration",
            PageKind::TypeAlias => "Type Alias",
        }
    }
}

/// `Interface UsageMetadata`: the page's `<h1>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    pub kind: PageKind,
    /// Line index (0-based).
    pub idx: usize,
    /// Byte offset of the name in the (normalised) line.
    pub name_at: usize,
    pub name: String,
    /// The name and what follows it (`Operation<T>`), trimmed.
    pub decl: String,
}

/// Where the header search stopped without finding a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoHeader {
    /// The first meaningful line that is not a breadcrumb (None: the page has none).
    pub at: Option<(usize, usize)>,
    pub text: String,
    /// `Namespace`, `Function`, … when the page is a TypeDoc page of a kind without a type.
    pub other_kind: Option<&'static str>,
}

/// Page chrome before the content when the whole page is selected.
const CHROME_BEFORE: &[&str] =
    &["Preparing search index...", "Preparing search index…", "The search index is not available", "Menu", "Search"];

/// TypeDoc page kinds that declare no type.
const OTHER_KINDS: &[&str] = &["Namespace", "Function", "Variable", "Module", "Reference", "Document"];

pub(crate) fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

pub(crate) fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Length in bytes of the identifier at the start of `s` (0: none).
pub(crate) fn ident_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    match chars.next() {
        Some((_, c)) if is_ident_start(c) => {}
        _ => return 0,
    }
    chars.find(|&(_, c)| !is_ident_continue(c)).map_or(s.len(), |(i, _)| i)
}

/// Finds the header: the first meaningful line after breadcrumbs and chrome.
pub(crate) fn find_header(lines: &[String]) -> Result<Header, NoHeader> {
    for (idx, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() || CHROME_BEFORE.contains(&t) {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        for kind in [PageKind::Interface, PageKind::Class, PageKind::Enumeration, PageKind::TypeAlias] {
            let Some(rest) = t.strip_prefix(kind.title()).and_then(|r| r.strip_prefix(' ')) else {
                continue;
            };
            let skipped = t.len() - rest.len();
            let rest_trim = rest.trim_start();
            let name_at = lead + skipped + (rest.len() - rest_trim.len());
            let n = ident_len(rest_trim);
            let after = rest_trim.get(n..).unwrap_or("").trim();
            if n > 0 && (after.is_empty() || (after.starts_with('<') && after.ends_with('>'))) {
                return Ok(Header {
                    kind,
                    idx,
                    name_at,
                    name: rest_trim[..n].to_string(),
                    decl: rest_trim.trim_end().to_string(),
                });
            }
        }
        if !t.contains(' ') {
            // A breadcrumb: `@google/genai`, `types`, `gaos/resources`, the page's own name.
            continue;
        }
        let other_kind = OTHER_KINDS.iter().copied().find(|k| {
            t.strip_prefix(k).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| ident_len(r.trim()) == r.trim().len())
        });
        return Err(NoHeader { at: Some((idx, lead)), text: t.to_string(), other_kind });
    }
    Err(NoHeader { at: None, text: String::new(), other_kind: None })
}

/// A member signature line: `name?: Type`, `NAME: "value"`, `readonly name: T`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sig {
    pub name: String,
    /// Byte offset of the `:` in the trimmed text.
    pub colon: usize,
}

/// Parses `t` (trimmed) as a member signature: `[readonly ]name[?]: rest`.
pub(crate) fn parse_sig(t: &str) -> Option<Sig> {
    let mut s = t;
    for m in ["readonly ", "static ", "declare "] {
        if let Some(r) = s.strip_prefix(m) {
            s = r.trim_start();
        }
    }
    let (name, len) = if let Some(q) = s.chars().next().filter(|&c| c == '"' || c == '\'') {
        let close = s[1..].find(q)? + 1;
        (s[1..close].to_string(), close + 1)
    } else {
        let n = ident_len(s);
        if n == 0 {
            return None;
        }
        (s[..n].to_string(), n)
    };
    let after = &s[len..];
    let after_q = after.strip_prefix('?').unwrap_or(after);
    let after_q_trim = after_q.trim_start();
    if !after_q_trim.starts_with(':') {
        return None;
    }
    let colon = t.len() - after_q_trim.len();
    Some(Sig { name, colon })
}

/// Badges TypeDoc puts before a member's name in its title (`OptionalcachedContentTokenCount`).
const BADGES: &[&str] =
    &["Optional", "Readonly", "Static", "Experimental", "Const", "Abstract", "Protected", "Private", "Public"];

/// Strips one leading badge (glued or followed by spaces).
fn strip_badge(t: &str) -> Option<(&'static str, &str)> {
    BADGES.iter().find_map(|b| t.strip_prefix(b).map(|r| (*b, r.trim_start())))
}

/// The badges of a title line when its name (after the badges) is `name`.
pub(crate) fn title_badges(t: &str, name: &str) -> Option<Vec<&'static str>> {
    let mut badges = Vec::new();
    let mut rest = t.trim();
    loop {
        if rest == name {
            return Some(badges);
        }
        let (b, r) = strip_badge(rest)?;
        badges.push(b);
        rest = r;
    }
}

/// Whether the text after a signature's `:` reads as a type rather than prose
/// ("NOTE: AbortSignal is a client-only operation…" is prose).
pub(crate) fn type_like(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.ends_with('.') && !rest.ends_with("...") {
        return false;
    }
    const PREFIX_WORDS: &[&str] =
        &["keyof", "typeof", "readonly", "unique", "infer", "new", "asserts", "is", "extends"];
    let mut prev_word: Option<&str> = None;
    let mut chars = rest.char_indices().peekable();
    let mut in_str: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if let Some(q) = in_str {
            if c == q {
                in_str = None;
            }
            continue;
        }
        if c == '"' || c == '\'' || c == '`' {
            in_str = Some(c);
            prev_word = None;
        } else if is_ident_start(c) {
            let n = ident_len(&rest[i..]);
            let word = &rest[i..i + n];
            if let Some(p) = prev_word {
                if !PREFIX_WORDS.contains(&p) && !PREFIX_WORDS.contains(&word) {
                    return false;
                }
            }
            prev_word = Some(word);
            while chars.peek().is_some_and(|&(j, _)| j < i + n) {
                chars.next();
            }
        } else if !c.is_whitespace() {
            prev_word = None;
        }
    }
    true
}

/// One documented member from a member section.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MemberDoc {
    pub name: String,
    /// The signature's lines (the first holds the name; continuation lines follow).
    pub sig: Range<usize>,
    /// Byte offset of the signature in its first line (after indentation and glued badges).
    pub sig_at: usize,
    /// Byte offset of the signature's `:` in its first line.
    pub colon_at: usize,
    pub badges: Vec<&'static str>,
    pub docs: Docs,
    pub deprecated: Option<Deprecation>,
}

/// Which member section a member was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Properties,
    EnumMembers,
    TypeDeclaration,
}

/// Everything found on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page {
    pub header: Header,
    pub docs: Docs,
    pub deprecated: Option<Deprecation>,
    /// The interface signature block's lines (without a `}` when none ends it).
    pub block: Option<Block>,
    /// A type alias's `X: Type` signature lines.
    pub alias: Option<Range<usize>>,
    pub members: Vec<MemberDoc>,
    /// Where the content ends (page chrome after it is ignored).
    pub end: usize,
    pub problems: Vec<Problem>,
}

/// Something wrong on the page that the TypeScript parser cannot see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub idx: usize,
    /// Byte offset in the line.
    pub at: usize,
    pub message: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub lines: Range<usize>,
}

/// Section headings (exact lines). The member sections are recognised by the caller.
const SKIP_SECTIONS: &[&str] = &[
    "Index",
    "Hierarchy",
    "Hierarchy (View Summary)",
    "Type Parameters",
    "Implemented by",
    "Implements",
    "Constructors",
    "Accessors",
    "Methods",
    "Events",
    "Call Signature",
    "Call Signatures",
    "Indexable",
];

fn member_section(t: &str) -> Option<Section> {
    match t {
        "Properties" => Some(Section::Properties),
        "Enumeration Members" => Some(Section::EnumMembers),
        "Type declaration" | "Type Declaration" => Some(Section::TypeDeclaration),
        _ => None,
    }
}

fn is_section(t: &str) -> bool {
    member_section(t).is_some() || SKIP_SECTIONS.contains(&t)
}

/// Lines that end a member's docs: `Defined in src/types.ts:7716`, `Inherited from …`.
fn is_terminator(t: &str) -> bool {
    ["Defined in", "Inherited from", "Implementation of", "Overrides"]
        .iter()
        .any(|p| t.strip_prefix(p).is_some_and(|r| r.is_empty() || r.starts_with(' ')))
}

/// Page chrome after the content.
const CHROME_AFTER: &[&str] = &["Settings", "On This Page", "Generated using TypeDoc", "Member Visibility"];

/// What a doc tag heading does to the prose after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// Plain prose (before any tag, and `Remarks`, `See`).
    Prose,
    Deprecated,
    /// `Example`, `Default Value`, `Returns …`, `Parameters`, `Throws`: not kept.
    Skip,
}

fn tag_heading(t: &str) -> Option<Tag> {
    match t {
        "Deprecated" => Some(Tag::Deprecated),
        "Remarks" | "See" | "Since" | "Note" => Some(Tag::Prose),
        "Example" | "Examples" | "Default Value" | "Default" | "Parameters" | "Returns" | "Throws"
        | "Type declaration" => Some(Tag::Skip),
        _ if t.starts_with("Returns ") && !t.ends_with('.') => Some(Tag::Skip),
        _ => None,
    }
}

/// Collects prose lines into docs and a deprecation note.
#[derive(Default)]
struct Prose {
    lines: Vec<String>,
    deprecated: bool,
    note: Vec<String>,
    tag: Option<Tag>,
}

impl Prose {
    fn line(&mut self, t: &str) {
        if let Some(tag) = tag_heading(t) {
            if tag == Tag::Deprecated {
                self.deprecated = true;
            }
            if tag == Tag::Prose {
                self.blank();
            }
            self.tag = Some(tag);
            return;
        }
        if t == "Copy" {
            return;
        }
        match self.tag.unwrap_or(Tag::Prose) {
            Tag::Prose => {
                if t.is_empty() {
                    self.blank();
                } else {
                    self.lines.push(t.to_string());
                }
            }
            Tag::Deprecated => {
                if !t.is_empty() {
                    self.note.push(t.to_string());
                }
            }
            Tag::Skip => {}
        }
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> (Docs, Option<Deprecation>) {
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let deprecated =
            self.deprecated.then(|| Deprecation { note: (!self.note.is_empty()).then(|| self.note.join(" ")) });
        (Docs { lines: self.lines }, deprecated)
    }
}

/// Bracket depth change of a line of TypeScript, ignoring string literals.
pub(crate) fn depth_delta(s: &str) -> i64 {
    let mut depth = 0i64;
    let mut in_str: Option<char> = None;
    for c in s.chars() {
        if let Some(q) = in_str {
            if c == q {
                in_str = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => in_str = Some(c),
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
    }
    depth
}

struct Scanner<'a> {
    lines: &'a [String],
    kind: PageKind,
    /// Member names the signature block (or alias object) declares; a member section entry
    /// must be one of them when there is a block.
    known: Option<Vec<String>>,
    end: usize,
}

impl Scanner<'_> {
    fn t(&self, idx: usize) -> &str {
        self.lines.get(idx).map_or("", |l| l.trim())
    }

    fn next_nonblank(&self, idx: usize) -> Option<usize> {
        (idx..self.end).find(|&i| !self.t(i).is_empty())
    }

    /// Whether the line at `idx` is page chrome after the content.
    fn is_chrome_end(&self, idx: usize) -> bool {
        let t = self.t(idx);
        if !CHROME_AFTER.contains(&t) {
            return false;
        }
        // A member titled `Settings` is followed by its signature.
        self.next_nonblank(idx + 1).and_then(|n| parse_sig(self.t(n))).is_none_or(|s| s.name != t)
    }

    /// A signature acceptable in `section`, or None.
    fn accept_sig(&self, t: &str, section: Section) -> Option<Sig> {
        let sig = parse_sig(t)?;
        let rest = t[sig.colon + 1..].trim();
        if let Some(known) = &self.known {
            return known.contains(&sig.name).then_some(sig);
        }
        let ok = match section {
            Section::EnumMembers => {
                let lit = rest.strip_prefix('-').unwrap_or(rest);
                (lit.starts_with('"') || lit.starts_with('\'') || lit.starts_with(|c: char| c.is_ascii_digit()))
                    && type_like(rest)
            }
            _ => type_like(rest) || (rest.is_empty() && self.kind != PageKind::Enumeration),
        };
        ok.then_some(sig)
    }

    /// A member starting at `idx`: `(signature line, byte offset of the signature in the
    /// trimmed line, signature, badges)`.
    fn member_start(&self, idx: usize, section: Section) -> Option<(usize, usize, Sig, Vec<&'static str>)> {
        let t = self.t(idx);
        if t.is_empty() || is_section(t) || is_terminator(t) {
            return None;
        }
        if let Some(sig) = self.accept_sig(t, section) {
            return Some((idx, 0, sig, Vec::new()));
        }
        // A title line, then the signature.
        if !t.contains(':') {
            if let Some(n) = self.next_nonblank(idx + 1) {
                if let Some(sig) = self.accept_sig(self.t(n), section) {
                    if let Some(badges) = title_badges(t, &sig.name) {
                        return Some((n, 0, sig, badges));
                    }
                }
            }
        }
        // Badges glued to the signature (`Optionaltotal_tokens?: number`).
        let mut rest = t;
        let mut badges = Vec::new();
        while let Some((b, r)) = strip_badge(rest) {
            badges.push(b);
            rest = r;
            if let Some(sig) = self.accept_sig(rest, section) {
                return Some((idx, t.len() - rest.len(), sig, badges));
            }
        }
        None
    }

    /// A member title with no signature after it: `OptionalfooBar` or `FOO` where a member
    /// should start. `open`: a member's docs are being read (a bare word is then prose).
    fn orphan_title(&self, t: &str, open: bool, members: &[MemberDoc]) -> Option<String> {
        if tag_heading(t).is_some() || t == "Copy" || t.contains(':') {
            return None;
        }
        let mut rest = t;
        let mut badged = false;
        while let Some((_, r)) = strip_badge(rest) {
            if r.is_empty() {
                break;
            }
            rest = r;
            badged = true;
        }
        if rest.is_empty() || ident_len(rest) != rest.len() {
            return None;
        }
        let known =
            self.known.as_ref().is_some_and(|k| k.iter().any(|n| n == rest)) && !members.iter().any(|m| m.name == rest);
        (!open || badged || known).then(|| rest.to_string())
    }

    /// The lines of a signature starting at `idx`: continuation lines while brackets are open
    /// or the next line starts with `|`.
    fn sig_lines(&self, idx: usize, from: usize) -> Range<usize> {
        let mut depth = depth_delta(self.t(idx).get(from..).unwrap_or(""));
        let mut last = idx;
        let mut i = idx + 1;
        while i < self.end {
            let t = self.t(i);
            let continues =
                depth > 0 || t.starts_with('|') || self.t(last).ends_with('|') || self.t(last).ends_with(':');
            if !continues || t.is_empty() || (depth <= 0 && (is_section(t) || is_terminator(t))) {
                break;
            }
            depth += depth_delta(t);
            last = i;
            i += 1;
        }
        idx..last + 1
    }
}

/// The signature block of an interface page: `interface X {` … `}`.
fn find_block(lines: &[String], header: &Header, end: usize) -> Option<Block> {
    let start = (header.idx + 1..end).find(|&i| {
        let t = lines[i].trim();
        t.strip_prefix("interface ")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix(header.name.as_str()))
            .is_some_and(|r| ident_len(r) == 0 && r.contains('{'))
    })?;
    let mut depth = 0i64;
    for i in start..end {
        let t = lines[i].trim();
        if i > start && depth > 0 && (is_section(t) || is_terminator(t) || CHROME_AFTER.contains(&t)) {
            let mut last = i;
            while last > start + 1 && lines[last - 1].trim().is_empty() {
                last -= 1;
            }
            return Some(Block { lines: start..last });
        }
        depth += depth_delta(t);
        if depth <= 0 {
            return Some(Block { lines: start..i + 1 });
        }
    }
    // Trailing blank lines are not part of an unclosed block.
    let mut last = end;
    while last > start + 1 && lines[last - 1].trim().is_empty() {
        last -= 1;
    }
    Some(Block { lines: start..last })
}

/// Names declared at depth 1 of a block (`name?: T;` lines).
fn block_names(lines: &[String], range: Range<usize>) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0i64;
    for (n, i) in range.enumerate() {
        let t = lines[i].trim();
        if n > 0 && depth == 1 {
            if let Some(sig) = parse_sig(t) {
                names.push(sig.name);
            } else if let Some(len) = Some(ident_len(t)).filter(|&l| l > 0) {
                // A method signature `tool(): Promise<Tool>;`.
                if t[len..].trim_start().starts_with(['(', '<']) {
                    names.push(t[..len].to_string());
                }
            }
        }
        depth += depth_delta(t);
    }
    names
}

/// The alias signature `X: Type` (maybe over several lines) of a type alias page.
fn find_alias(sc: &Scanner<'_>, header: &Header) -> Option<Range<usize>> {
    let first = sc.next_nonblank(header.idx + 1)?;
    // The signature comes right after the header; tolerate a description before it.
    (first..sc.end).take_while(|&i| !is_section(sc.t(i)) && !is_terminator(sc.t(i))).find_map(|i| {
        let t = sc.t(i);
        let rest = t.strip_prefix(header.name.as_str())?;
        if ident_len(rest) != 0 {
            return None;
        }
        let rest = if rest.starts_with('<') {
            let close = rest.find('>')?;
            &rest[close + 1..]
        } else {
            rest
        };
        rest.trim_start().starts_with(':').then(|| sc.sig_lines(i, 0))
    })
}

/// Scans the page after its header.
pub(crate) fn scan(lines: &[String], header: Header) -> Page {
    let mut sc = Scanner { lines, kind: header.kind, known: None, end: lines.len() };
    // The content ends at the first chrome line after it (outside the block, which is found
    // first and may not contain any).
    if let Some(e) = (header.idx + 1..lines.len()).find(|&i| sc.is_chrome_end(i)) {
        sc.end = e;
    }
    let block = if header.kind == PageKind::Interface { find_block(lines, &header, sc.end) } else { None };
    let alias = if header.kind == PageKind::TypeAlias { find_alias(&sc, &header) } else { None };
    if let Some(b) = &block {
        sc.known = Some(block_names(lines, b.lines.clone()));
    } else if let Some(a) = &alias {
        let names = block_names(lines, a.clone());
        if !names.is_empty() {
            sc.known = Some(names);
        }
    }
    let consumed = |i: usize| {
        block.as_ref().is_some_and(|b| b.lines.contains(&i)) || alias.as_ref().is_some_and(|a| a.contains(&i))
    };

    let mut desc = Prose::default();
    let mut members: Vec<MemberDoc> = Vec::new();
    // None: the description; Some(None): a skipped section; Some(Some(s)): a member section.
    let mut section: Option<Option<Section>> = None;
    let mut index_headings: Option<Vec<String>> = None;
    let mut current: Option<(MemberDoc, Prose)> = None;
    let mut ended = false; // the current member saw `Defined in`
    let mut problems = Vec::new();
    let flush = |current: &mut Option<(MemberDoc, Prose)>, members: &mut Vec<MemberDoc>| {
        if let Some((mut m, p)) = current.take() {
            let (docs, dep) = p.finish();
            m.docs = docs;
            m.deprecated = dep;
            members.push(m);
        }
    };

    let mut i = header.idx + 1;
    while i < sc.end {
        if consumed(i) {
            i += 1;
            continue;
        }
        let t = sc.t(i);
        if let Some(seen) = &mut index_headings {
            // Index grid: headings once, then the member names; a heading seen again is the
            // real section.
            if is_section(t) && t != "Index" {
                if !seen.iter().any(|s| s == t) {
                    seen.push(t.to_string());
                    i += 1;
                    continue;
                }
                index_headings = None;
            } else {
                i += 1;
                continue;
            }
        }
        if t == "Index" {
            flush(&mut current, &mut members);
            index_headings = Some(Vec::new());
            section = Some(None);
            i += 1;
            continue;
        }
        if is_section(t) {
            // `Type declaration` inside a property's docs (an object-typed property) belongs to
            // that property: skip its entries.
            if member_section(t) == Some(Section::TypeDeclaration) && current.is_some() && !ended {
                if let Some((_, p)) = &mut current {
                    p.line(t);
                }
                i += 1;
                continue;
            }
            flush(&mut current, &mut members);
            ended = false;
            section = Some(member_section(t));
            i += 1;
            continue;
        }
        if is_terminator(t) {
            if section.is_none() {
                section = Some(None);
            }
            ended = true;
            i += 1;
            continue;
        }
        match section {
            None => {
                desc.line(t);
                i += 1;
            }
            Some(None) => i += 1,
            Some(Some(sec)) => {
                let skipping_example = current.as_ref().is_some_and(|(_, p)| p.tag == Some(Tag::Skip)) && !ended;
                let start = if skipping_example && sc.known.is_none() { None } else { sc.member_start(i, sec) };
                if let Some((sig_idx, sig_from, sig, badges)) = start {
                    flush(&mut current, &mut members);
                    ended = false;
                    let range = sc.sig_lines(sig_idx, sig_from);
                    let line = &lines[sig_idx];
                    let lead = line.len() - line.trim_start().len();
                    let sig_at = lead + sig_from;
                    let colon_at = sig_at + sig.colon;
                    i = range.end;
                    current = Some((
                        MemberDoc {
                            name: sig.name,
                            sig: range,
                            sig_at,
                            colon_at,
                            badges,
                            docs: Docs::default(),
                            deprecated: None,
                        },
                        Prose::default(),
                    ));
                } else {
                    let open = current.is_some() && !ended;
                    if let Some(name) = sc.orphan_title(t, open, &members) {
                        let line = &lines[i];
                        let at = line.len() - line.trim_start().len();
                        let expected = match sec {
                            Section::EnumMembers => format!("`{name}: \"value\"`"),
                            _ => format!("`{name}: Type` or `{name}?: Type`"),
                        };
                        problems.push(Problem {
                            idx: i,
                            at,
                            message: format!("member `{t}` has no signature line"),
                            note: format!("expected {expected} on the line after the member's title"),
                        });
                        flush(&mut current, &mut members);
                        ended = true;
                    } else if let Some((_, p)) = &mut current {
                        if !ended {
                            p.line(t);
                        }
                    }
                    i += 1;
                }
            }
        }
    }
    flush(&mut current, &mut members);
    let (docs, deprecated) = desc.finish();
    Page { header, docs, deprecated, block, alias, members, end: sc.end, problems }
}
