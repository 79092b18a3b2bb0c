//! Raw Fortran interfaces derived from `include/oxpar.h`.
//!
//! [`interfaces`] reads the cbindgen-generated header and writes the Fortran
//! module `oxpar_c`: a named constant for every macro with a value and every
//! enumerator, and a `bind(C)` interface named `c_<function>` for every
//! function. The header is a regular subset of C (`#define`s, `#if` blocks on
//! `__cplusplus` and `__STDC_VERSION__`, enums, typedefs of opaque structs,
//! integer types and callbacks, doc comments, prototypes), read here the way
//! a C11 compiler sees it.
//!
//! Anything it cannot translate is an error naming the declaration, so that a
//! new function, type or argument can never go unbound silently: teach the
//! tables and [`Param::fortran`] below instead.

use std::collections::{BTreeSet, HashMap, HashSet};

/// Lines longer than this are wrapped with `&` (free form allows 132).
const WRAP: usize = 100;
/// Fortran's limit on a free-form line.
const MAX_LINE: usize = 132;
/// Fortran's limit on the length of a name.
const MAX_NAME: usize = 63;

/// Pointer-to-number arguments that are scalars read by the callee.
const SCALARS_IN: &[&str] = &["alpha", "beta"];
/// Pointer-to-number arguments that are scalars written by the callee.
const SCALARS_OUT: &[&str] = &[
    "out",
    "rank",
    "size",
    "rows",
    "cols",
    "row",
    "col",
    "start",
    "len",
    "comm",
    "done",
    "failed",
    "resumed",
    "state",
    "attempts",
    "states",
    "queued",
    "end",
    "info",
    "failed_index",
    "det",
    "sign",
    "logabs",
];
/// Pointer-to-number arguments that are arrays (the caller passes `c_loc`).
const ARRAYS: &[&str] = &[
    "a", "ap", "b", "c", "x", "y", "dets", "signs", "logdets", "tau", "s", "u", "vt", "w",
];
/// Pointer-to-number arguments that may be NULL or arrays (the caller passes
/// `c_loc` or `c_null_ptr`), e.g. a kernel launch's `global` and `local` sizes,
/// and LU's integer pivots (NULL when there are none).
const OPTIONAL_ARRAYS: &[&str] = &["global", "local", "ipiv"];

/// The predefined macros of the C11 compiler the header is read as (not C++).
const PREDEFINED: &[(&str, i64)] = &[("__STDC__", 1), ("__STDC_VERSION__", 201_112)];

/// The module `oxpar_c` for `header` (the text of `include/oxpar.h`).
pub fn interfaces(header: &str) -> Result<String, String> {
    let items = parse(header)?;
    emit(&items)
}

// ---------------------------------------------------------------------------
// Lexing: doc comments, preprocessor directives and code.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// The text of a `/** ... */` comment, without the comment markers.
    Doc(String),
    /// A preprocessor line without its `#` and comments.
    Directive(String),
    /// Anything else, comments removed.
    Code(String),
}

fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut code = String::new();
    let mut i = 0;
    let mut line_start = true;
    let flush = |code: &mut String, toks: &mut Vec<Tok>| {
        if !code.is_empty() {
            toks.push(Tok::Code(std::mem::take(code)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if line_start && c == '#' {
            flush(&mut code, &mut toks);
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '\n' {
                match (chars[i], chars.get(i + 1).copied()) {
                    ('\\', Some('\n')) => {
                        text.push(' ');
                        i += 2;
                    }
                    ('/', Some('/')) => {
                        while i < chars.len() && chars[i] != '\n' {
                            i += 1;
                        }
                    }
                    ('/', Some('*')) => {
                        let end = find(&chars, i + 2, "*/")
                            .ok_or("an unterminated comment in a preprocessor line")?;
                        if chars[i..end].contains(&'\n') {
                            return Err(format!("a comment spanning lines in `#{}`", text.trim()));
                        }
                        text.push(' ');
                        i = end + 2;
                    }
                    ('"', _) => i = string_literal(&chars, i, &mut text)?,
                    (ch, _) => {
                        text.push(ch);
                        i += 1;
                    }
                }
            }
            toks.push(Tok::Directive(text.trim().to_string()));
            continue;
        }
        match (c, next) {
            ('/', Some('*')) => {
                let end = find(&chars, i + 2, "*/").ok_or("an unterminated comment")?;
                let body: String = chars[i + 2..end].iter().collect();
                if let Some(doc) = body.strip_prefix('*') {
                    flush(&mut code, &mut toks);
                    toks.push(Tok::Doc(clean_doc(doc)));
                } else {
                    code.push(' ');
                }
                i = end + 2;
                line_start = false;
            }
            ('/', Some('/')) => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ('"', _) => {
                i = string_literal(&chars, i, &mut code)?;
                line_start = false;
            }
            ('\n', _) => {
                code.push('\n');
                line_start = true;
                i += 1;
            }
            (ch, _) => {
                code.push(ch);
                line_start &= ch.is_whitespace();
                i += 1;
            }
        }
    }
    flush(&mut code, &mut toks);
    Ok(toks)
}

/// The index of the next `pat` at or after `from`.
fn find(chars: &[char], from: usize, pat: &str) -> Option<usize> {
    let pat: Vec<char> = pat.chars().collect();
    (from..chars.len()).find(|&j| chars[j..].starts_with(&pat))
}

/// Copies the string literal starting at `chars[start] == '"'` into `out`;
/// returns the index after it.
fn string_literal(chars: &[char], start: usize, out: &mut String) -> Result<usize, String> {
    let mut i = start + 1;
    out.push('"');
    while i < chars.len() {
        match chars[i] {
            '"' => {
                out.push('"');
                return Ok(i + 1);
            }
            '\\' | '\n' => {
                return Err(
                    "a string literal with an escape or a line break (not supported)".into(),
                )
            }
            ch => out.push(ch),
        }
        i += 1;
    }
    Err("an unterminated string literal".into())
}

/// The text of a doc comment: the leading ` * ` of each line and blank first
/// and last lines removed.
fn clean_doc(body: &str) -> String {
    let lines: Vec<String> = body
        .lines()
        .map(|l| {
            let l = l.trim();
            let l = l.strip_prefix('*').unwrap_or(l);
            l.strip_prefix(' ')
                .unwrap_or(l)
                .trim_end()
                .replace('\t', "    ")
        })
        .collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(f), Some(l)) => lines[f..=l].join("\n"),
        _ => String::new(),
    }
}

// ---------------------------------------------------------------------------
// The preprocessor: conditionals evaluated, macros collected.

/// A `#define NAME value`.
#[derive(Debug)]
struct Macro {
    name: String,
    value: String,
    doc: Option<String>,
}

/// Active code and docs, in order, interleaved with the macros (by position).
#[derive(Debug)]
enum Pre {
    Doc(String),
    Code(String),
    Macro(Macro),
}

fn preprocess(toks: Vec<Tok>) -> Result<Vec<Pre>, String> {
    let mut out: Vec<Pre> = Vec::new();
    let mut defined: HashMap<String, String> = PREDEFINED
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    // Per open `#if`: (this branch is active, some branch was taken, enclosing active).
    let mut stack: Vec<(bool, bool, bool)> = Vec::new();
    let active = |stack: &[(bool, bool, bool)]| stack.last().is_none_or(|s| s.0);
    for tok in toks {
        let text = match tok {
            Tok::Doc(d) if active(&stack) => {
                out.push(Pre::Doc(d));
                continue;
            }
            Tok::Code(c) if active(&stack) => {
                out.push(Pre::Code(c));
                continue;
            }
            Tok::Doc(_) | Tok::Code(_) => continue,
            Tok::Directive(text) => text,
        };
        let (word, rest) = split_word(&text);
        let outer = active(&stack);
        match word {
            "if" | "ifdef" | "ifndef" => {
                let cond = outer
                    && match word {
                        "if" => eval_condition(rest, &defined)?,
                        "ifdef" => defined.contains_key(ident_arg(rest, &text)?),
                        _ => !defined.contains_key(ident_arg(rest, &text)?),
                    };
                stack.push((cond, cond, outer));
            }
            "elif" => {
                let top = stack.last_mut().ok_or("#elif without #if")?;
                let cond = top.2 && !top.1 && eval_condition(rest, &defined)?;
                *top = (cond, top.1 || cond, top.2);
            }
            "else" => {
                let top = stack.last_mut().ok_or("#else without #if")?;
                *top = (top.2 && !top.1, true, top.2);
            }
            "endif" => {
                stack.pop().ok_or("#endif without #if")?;
            }
            _ if !outer => {}
            "include" => {}
            "define" => {
                let (name, value) = split_word(rest);
                if !is_ident(name) {
                    return Err(format!(
                        "`#{text}`: function-like or malformed macros are not supported"
                    ));
                }
                defined.insert(name.to_string(), value.to_string());
                if value.is_empty() {
                    continue; // An include guard or a flag: nothing to translate.
                }
                // The doc comment right before it (only whitespace between).
                while matches!(out.last(), Some(Pre::Code(c)) if c.trim().is_empty()) {
                    out.pop();
                }
                let doc = match out.last() {
                    Some(Pre::Doc(_)) => match out.pop() {
                        Some(Pre::Doc(d)) => Some(d),
                        _ => None,
                    },
                    _ => None,
                };
                out.push(Pre::Macro(Macro {
                    name: name.to_string(),
                    value: value.to_string(),
                    doc,
                }));
            }
            _ => return Err(format!("unsupported preprocessor directive `#{text}`")),
        }
    }
    if !stack.is_empty() {
        return Err("an #if without #endif".into());
    }
    Ok(out)
}

/// The first whitespace-separated word of `s` and the trimmed rest.
fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim()),
        None => (s, ""),
    }
}

fn ident_arg<'a>(rest: &'a str, text: &str) -> Result<&'a str, String> {
    if is_ident(rest) {
        Ok(rest)
    } else {
        Err(format!("`#{text}`: expected one macro name"))
    }
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Splits an expression into identifiers, numbers and operators.
fn expr_tokens(s: &str) -> Result<Vec<String>, String> {
    const OPS: &[&str] = &[
        "||", "&&", "==", "!=", ">=", "<=", "!", "<", ">", "(", ")", "+", "-", "*", "/",
    ];
    let mut toks = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let word_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let len = if word_len > 0 {
            word_len
        } else if let Some(op) = OPS.iter().find(|op| rest.starts_with(**op)) {
            op.len()
        } else {
            return Err(format!("unexpected `{rest}` in the expression `{s}`"));
        };
        toks.push(rest[..len].to_string());
        rest = rest[len..].trim_start();
    }
    Ok(toks)
}

/// An integer literal (with optional `u`/`l` suffixes).
fn int_literal(s: &str) -> Option<i64> {
    let digits = s.trim_end_matches(['u', 'U', 'l', 'L']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Evaluates an `#if` condition (identifiers, integers, `defined`, `!`,
/// comparisons, `&&`, `||`, parentheses); an undefined name is 0.
fn eval_condition(expr: &str, defined: &HashMap<String, String>) -> Result<bool, String> {
    struct P<'a> {
        toks: Vec<String>,
        pos: usize,
        defined: &'a HashMap<String, String>,
        expr: &'a str,
    }
    impl P<'_> {
        fn peek(&self) -> Option<&str> {
            self.toks.get(self.pos).map(String::as_str)
        }
        fn take(&mut self) -> Result<String, String> {
            let t = self
                .toks
                .get(self.pos)
                .cloned()
                .ok_or_else(|| format!("`#if {}`: unexpected end", self.expr))?;
            self.pos += 1;
            Ok(t)
        }
        fn expect(&mut self, want: &str) -> Result<(), String> {
            let got = self.take()?;
            if got == want {
                Ok(())
            } else {
                Err(format!(
                    "`#if {}`: expected `{want}`, got `{got}`",
                    self.expr
                ))
            }
        }
        fn or(&mut self) -> Result<i64, String> {
            let mut v = self.and()?;
            while self.peek() == Some("||") {
                self.pos += 1;
                let r = self.and()?;
                v = i64::from(v != 0 || r != 0);
            }
            Ok(v)
        }
        fn and(&mut self) -> Result<i64, String> {
            let mut v = self.cmp()?;
            while self.peek() == Some("&&") {
                self.pos += 1;
                let r = self.cmp()?;
                v = i64::from(v != 0 && r != 0);
            }
            Ok(v)
        }
        fn cmp(&mut self) -> Result<i64, String> {
            let l = self.unary()?;
            let op = match self.peek() {
                Some(op @ ("==" | "!=" | ">=" | "<=" | "<" | ">")) => op.to_string(),
                _ => return Ok(l),
            };
            self.pos += 1;
            let r = self.unary()?;
            Ok(i64::from(match op.as_str() {
                "==" => l == r,
                "!=" => l != r,
                ">=" => l >= r,
                "<=" => l <= r,
                "<" => l < r,
                _ => l > r,
            }))
        }
        fn unary(&mut self) -> Result<i64, String> {
            let t = self.take()?;
            match t.as_str() {
                "!" => Ok(i64::from(self.unary()? == 0)),
                "(" => {
                    let v = self.or()?;
                    self.expect(")")?;
                    Ok(v)
                }
                "defined" => {
                    let paren = self.peek() == Some("(");
                    if paren {
                        self.pos += 1;
                    }
                    let name = self.take()?;
                    if paren {
                        self.expect(")")?;
                    }
                    Ok(i64::from(self.defined.contains_key(&name)))
                }
                _ => {
                    if let Some(v) = int_literal(&t) {
                        Ok(v)
                    } else if is_ident(&t) {
                        Ok(self
                            .defined
                            .get(&t)
                            .and_then(|v| int_literal(v.trim()))
                            .unwrap_or(0))
                    } else {
                        Err(format!("`#if {}`: unexpected `{t}`", self.expr))
                    }
                }
            }
        }
    }
    let mut p = P {
        toks: expr_tokens(expr)?,
        pos: 0,
        defined,
        expr,
    };
    let v = p.or()?;
    if p.pos != p.toks.len() {
        return Err(format!("`#if {expr}`: unexpected `{}`", p.toks[p.pos]));
    }
    Ok(v != 0)
}

// ---------------------------------------------------------------------------
// Declarations.

/// A C type's base, after typedefs.
#[derive(Debug, Clone, PartialEq)]
enum Base {
    Void,
    Char,
    Bool,
    I32,
    U32,
    I64,
    U64,
    Size,
    PtrDiff,
    F32,
    F64,
    /// `float _Complex` (the header's `oxpar_c32` as C11 sees it).
    C32,
    /// `double _Complex` (`oxpar_c64`).
    C64,
    /// An opaque struct (a handle).
    Opaque,
    /// A function pointer typedef.
    Callback,
}

/// A C type: a base, whether the pointee (or value) is const, pointer depth.
#[derive(Debug, Clone, PartialEq)]
struct CType {
    base: Base,
    is_const: bool,
    ptrs: usize,
}

#[derive(Debug)]
struct Param {
    name: String,
    ty: CType,
}

#[derive(Debug)]
struct Function {
    name: String,
    ret: CType,
    params: Vec<Param>,
    doc: Option<String>,
}

#[derive(Debug)]
struct Enumerator {
    name: String,
    value: i64,
    doc: Option<String>,
}

#[derive(Debug)]
struct Enum {
    name: String,
    doc: Option<String>,
    values: Vec<Enumerator>,
}

#[derive(Debug)]
enum Item {
    Macro(Macro),
    Enum(Enum),
    Function(Function),
}

/// A statement (up to `;`) with the doc comments inside or before it.
#[derive(Debug, Default)]
struct Stmt {
    parts: Vec<Pre>,
}

impl Stmt {
    /// The code, whitespace collapsed.
    fn code(&self) -> String {
        let mut s = String::new();
        for p in &self.parts {
            if let Pre::Code(c) = p {
                s.push_str(c);
                s.push(' ');
            }
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The doc comment before any code.
    fn doc(&self) -> Option<String> {
        let mut doc = None;
        for p in &self.parts {
            match p {
                Pre::Doc(d) => doc = Some(d.clone()),
                Pre::Code(c) if c.trim().is_empty() => {}
                _ => break,
            }
        }
        doc
    }
}

fn parse(header: &str) -> Result<Vec<Item>, String> {
    let pre = preprocess(lex(header)?)?;
    let mut items = Vec::new();
    let mut types: HashMap<String, Base> = [
        ("void", Base::Void),
        ("char", Base::Char),
        ("bool", Base::Bool),
        ("int32_t", Base::I32),
        ("uint32_t", Base::U32),
        ("int64_t", Base::I64),
        ("uint64_t", Base::U64),
        ("size_t", Base::Size),
        ("ptrdiff_t", Base::PtrDiff),
        ("float", Base::F32),
        ("double", Base::F64),
    ]
    .into_iter()
    .map(|(n, b)| (n.to_string(), b))
    .collect();
    let mut enums: HashSet<String> = HashSet::new();
    let mut stmt = Stmt::default();
    let mut depth = 0usize;
    for p in pre {
        match p {
            Pre::Macro(m) => items.push(Item::Macro(m)),
            Pre::Doc(d) => stmt.parts.push(Pre::Doc(d)),
            Pre::Code(c) => {
                let mut cur = String::new();
                for ch in c.chars() {
                    match ch {
                        '{' => depth += 1,
                        '}' => depth = depth.checked_sub(1).ok_or("an unbalanced `}`")?,
                        _ => {}
                    }
                    if ch == ';' && depth == 0 {
                        stmt.parts.push(Pre::Code(std::mem::take(&mut cur)));
                        let done = std::mem::take(&mut stmt);
                        if let Some(item) = declaration(&done, &mut types, &mut enums)? {
                            items.push(item);
                        }
                    } else {
                        cur.push(ch);
                    }
                }
                stmt.parts.push(Pre::Code(cur));
            }
        }
    }
    let rest = stmt.code();
    if !rest.is_empty() {
        return Err(format!("a declaration without `;` at the end: `{rest}`"));
    }
    Ok(items)
}

/// Reads one statement: typedefs update `types`; enums and functions are items.
fn declaration(
    stmt: &Stmt,
    types: &mut HashMap<String, Base>,
    enums: &mut HashSet<String>,
) -> Result<Option<Item>, String> {
    let code = stmt.code();
    if code.is_empty() {
        return Ok(None);
    }
    let words: Vec<&str> = code.split_whitespace().collect();
    if let Some(rest) = code.strip_prefix("typedef ") {
        if let Some(open) = rest.find("(*") {
            // typedef RET (*name)(params)
            let after = &rest[open + 2..];
            let name = after[..after.find(')').ok_or_else(|| bad(&code))?].trim();
            if !is_ident(name) {
                return Err(bad(&code));
            }
            types.insert(name.to_string(), Base::Callback);
            return Ok(None);
        }
        let alias = *words.last().ok_or_else(|| bad(&code))?;
        let target = &words[1..words.len() - 1];
        let base = match target {
            ["struct", _] => Base::Opaque,
            ["float", "_Complex"] => Base::C32,
            ["double", "_Complex"] => Base::C64,
            ["enum", name] if enums.contains(*name) => Base::I32,
            _ => {
                let ty = parse_type(target, types).map_err(|e| format!("{e} in `{code}`"))?;
                if ty.ptrs > 0 {
                    return Err(format!("a pointer typedef is not mapped: `{code}`"));
                }
                ty.base
            }
        };
        types.insert(alias.to_string(), base);
        return Ok(None);
    }
    if words[0] == "enum" {
        return parse_enum(stmt, &code, enums).map(|e| Some(Item::Enum(e)));
    }
    if code.contains('(') {
        return parse_function(&code, stmt.doc(), types).map(|f| Some(Item::Function(f)));
    }
    Err(format!(
        "a declaration xtask/src/fortran.rs does not know how to translate: `{code}`"
    ))
}

fn bad(code: &str) -> String {
    format!("a declaration that could not be read: `{code}`")
}

fn parse_enum(stmt: &Stmt, code: &str, enums: &mut HashSet<String>) -> Result<Enum, String> {
    let open = code.find('{').ok_or_else(|| bad(code))?;
    let head: Vec<&str> = code[..open].split_whitespace().collect();
    let name = match head.as_slice() {
        ["enum", name] | ["enum", name, ":", "int32_t"] => *name,
        _ => {
            return Err(format!(
                "an enum that is not `enum name [: int32_t] {{ ... }}`: `{code}`"
            ))
        }
    };
    if !code.trim_end().ends_with('}') {
        return Err(format!("text after the enum body: `{code}`"));
    }
    enums.insert(name.to_string());
    // Walk the parts inside the braces, pairing each enumerator with the doc
    // comment before it.
    let mut values = Vec::new();
    let mut doc: Option<String> = None;
    let mut inside = false;
    let mut next_value = 0i64;
    let mut pending = String::new();
    let mut finish = |text: &str, doc: &mut Option<String>| -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        let (vname, value) = match text.split_once('=') {
            Some((n, v)) => {
                let v = v.trim();
                let value = match v.strip_prefix('-') {
                    Some(d) => int_literal(d.trim()).map(|x| -x),
                    None => int_literal(v),
                }
                .ok_or_else(|| format!("enumerator `{text}` of {name}: not an integer"))?;
                (n.trim(), value)
            }
            None => (text, next_value),
        };
        if !is_ident(vname) {
            return Err(format!("enumerator `{text}` of {name}: not a name"));
        }
        if i32::try_from(value).is_err() {
            return Err(format!("enumerator `{text}` of {name}: outside int32_t"));
        }
        next_value = value + 1;
        values.push(Enumerator {
            name: vname.to_string(),
            value,
            doc: doc.take(),
        });
        Ok(())
    };
    for p in &stmt.parts {
        match p {
            Pre::Doc(d) if inside => doc = Some(d.clone()),
            Pre::Doc(_) | Pre::Macro(_) => {}
            Pre::Code(c) => {
                for ch in c.chars() {
                    match ch {
                        '{' => inside = true,
                        '}' => {
                            finish(&pending, &mut doc)?;
                            pending.clear();
                            inside = false;
                        }
                        ',' if inside => {
                            finish(&pending, &mut doc)?;
                            pending.clear();
                        }
                        _ if inside => pending.push(ch),
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(Enum {
        name: name.to_string(),
        doc: stmt.doc(),
        values,
    })
}

/// A type from its words, e.g. `["const", "double", "*"]`.
fn parse_type(words: &[&str], types: &HashMap<String, Base>) -> Result<CType, String> {
    let mut base = None;
    let mut is_const = false;
    let mut ptrs = 0;
    for &w in words {
        match w {
            "const" if ptrs == 0 => is_const = true,
            "const" | "restrict" => {} // qualifies the pointer itself
            "*" => ptrs += 1,
            _ if base.is_none() && ptrs == 0 => match types.get(w) {
                Some(b) => base = Some(b.clone()),
                None => return Err(format!("unmapped C type `{w}`")),
            },
            _ => return Err(format!("unmapped C type `{}`", words.join(" "))),
        }
    }
    let base = base.ok_or_else(|| format!("no type in `{}`", words.join(" ")))?;
    Ok(CType {
        base,
        is_const,
        ptrs,
    })
}

fn parse_function(
    code: &str,
    doc: Option<String>,
    types: &HashMap<String, Base>,
) -> Result<Function, String> {
    let open = code.find('(').ok_or_else(|| bad(code))?;
    let close = code.rfind(')').ok_or_else(|| bad(code))?;
    if close + 1 != code.len() || code[open + 1..close].contains(['(', ')']) {
        return Err(format!(
            "a prototype with function-pointer arguments or results (use a typedef): `{code}`"
        ));
    }
    let head = code[..open].replace('*', " * ");
    let head: Vec<&str> = head.split_whitespace().collect();
    let (name, ret) = head.split_last().ok_or_else(|| bad(code))?;
    if !is_ident(name) {
        return Err(bad(code));
    }
    let ret = parse_type(ret, types).map_err(|e| format!("{e} in the result of {name}"))?;
    let mut params = Vec::new();
    let list = code[open + 1..close].trim();
    if list != "void" && !list.is_empty() {
        for p in list.split(',') {
            let spaced = p.replace('*', " * ");
            let words: Vec<&str> = spaced.split_whitespace().collect();
            let (pname, ty) = words.split_last().ok_or_else(|| bad(code))?;
            if !is_ident(pname) || ty.is_empty() || types.contains_key(*pname) {
                return Err(format!(
                    "argument `{}` of {name} has no name (every argument needs one)",
                    p.trim()
                ));
            }
            let ty = parse_type(ty, types)
                .map_err(|e| format!("{e} in argument `{}` of {name}", p.trim()))?;
            params.push(Param {
                name: pname.to_string(),
                ty,
            });
        }
    }
    Ok(Function {
        name: name.to_string(),
        ret,
        params,
        doc,
    })
}

// ---------------------------------------------------------------------------
// Fortran.

/// A Fortran declaration: the type spec, its attributes, and the kinds of
/// `iso_c_binding` it names.
struct Decl {
    text: String,
    kinds: Vec<&'static str>,
}

fn decl(text: &str, kinds: &[&'static str]) -> Decl {
    Decl {
        text: text.to_string(),
        kinds: kinds.to_vec(),
    }
}

/// The kind name and type keyword of a number type.
fn number(base: &Base) -> Option<(&'static str, &'static str)> {
    Some(match base {
        Base::I32 | Base::U32 => ("c_int32_t", "integer"),
        Base::I64 | Base::U64 => ("c_int64_t", "integer"),
        Base::Size => ("c_size_t", "integer"),
        Base::PtrDiff => ("c_ptrdiff_t", "integer"),
        Base::F32 => ("c_float", "real"),
        Base::F64 => ("c_double", "real"),
        Base::C32 => ("c_float_complex", "complex"),
        Base::C64 => ("c_double_complex", "complex"),
        _ => return None,
    })
}

impl Param {
    /// The dummy argument's declaration (without the name).
    fn fortran(&self, function: &str) -> Result<Decl, String> {
        let CType {
            base,
            is_const,
            ptrs,
        } = &self.ty;
        let name = self.name.as_str();
        let num = number(base);
        Ok(match (base, *ptrs) {
            (Base::Bool, 0) => decl("logical(c_bool), value", &["c_bool"]),
            (Base::Callback, 0) => decl("type(c_funptr), value", &["c_funptr"]),
            (_, 0) if num.is_some() => {
                let (kind, kw) = num.unwrap_or_default();
                decl(&format!("{kw}({kind}), value"), &[kind])
            }
            (Base::Opaque | Base::Void, 1) => decl("type(c_ptr), value", &["c_ptr"]),
            // A character by value: LAPACK's job and side letters.
            (Base::Char, 0) => decl("character(kind=c_char), value", &["c_char"]),
            (Base::Opaque, 2) if !is_const => decl("type(c_ptr), intent(out)", &["c_ptr"]),
            (Base::Char, 1) if *is_const => decl(
                "character(kind=c_char), dimension(*), intent(in)",
                &["c_char"],
            ),
            (Base::F32 | Base::F64 | Base::C32 | Base::C64, 1) if ARRAYS.contains(&name) => {
                decl("type(c_ptr), value", &["c_ptr"])
            }
            (_, 1) if num.is_some() && OPTIONAL_ARRAYS.contains(&name) => {
                decl("type(c_ptr), value", &["c_ptr"])
            }
            (_, 1) if num.is_some() && *is_const && SCALARS_IN.contains(&name) => {
                let (kind, kw) = num.unwrap_or_default();
                decl(&format!("{kw}({kind}), intent(in)"), &[kind])
            }
            (_, 1) if num.is_some() && !is_const && SCALARS_OUT.contains(&name) => {
                let (kind, kw) = num.unwrap_or_default();
                decl(&format!("{kw}({kind}), intent(out)"), &[kind])
            }
            (_, 1) if num.is_some() => {
                return Err(format!(
                    "{function}: argument `{name}` is a pointer to a number that is not a known \
                     {}scalar (`{}`) nor a known array (`{}`); add its name to SCALARS_IN, \
                     SCALARS_OUT or ARRAYS in xtask/src/fortran.rs",
                    if *is_const { "input " } else { "output " },
                    if *is_const { SCALARS_IN } else { SCALARS_OUT }.join("`, `"),
                    ARRAYS.join("`, `")
                ))
            }
            _ => {
                return Err(format!(
                    "{function}: argument `{name}` has a type with no Fortran mapping ({:?}); \
                     teach xtask/src/fortran.rs",
                    self.ty
                ))
            }
        })
    }
}

/// The function result's declaration, or `None` for a subroutine.
fn result_decl(f: &Function) -> Result<Option<Decl>, String> {
    let t = &f.ret;
    Ok(Some(match (&t.base, t.ptrs) {
        (Base::Void, 0) => return Ok(None),
        (Base::Bool, 0) => decl("logical(c_bool)", &["c_bool"]),
        (Base::Char, 1) if t.is_const => decl("type(c_ptr)", &["c_ptr"]),
        (Base::Opaque, 1) => decl("type(c_ptr)", &["c_ptr"]),
        (b, 0) if number(b).is_some() => {
            let (kind, kw) = number(b).unwrap_or_default();
            decl(&format!("{kw}({kind})"), &[kind])
        }
        _ => {
            return Err(format!(
                "{}: the result type {t:?} has no Fortran mapping; teach xtask/src/fortran.rs",
                f.name
            ))
        }
    }))
}

/// `text` at `indent`, broken at spaces outside string literals into lines
/// of at most [`WRAP`] characters ending in ` &`.
fn wrap_code(out: &mut String, indent: usize, text: &str) {
    let mut line = " ".repeat(indent);
    let mut rest = text;
    let cont = indent + 4;
    loop {
        if line.len() + rest.len() <= WRAP {
            line.push_str(rest);
            break;
        }
        // The last space outside a string that keeps the line short enough.
        let room = WRAP.saturating_sub(line.len() + 2);
        let mut in_str = false;
        let mut cut = None;
        for (i, ch) in rest.char_indices() {
            match ch {
                '"' => in_str = !in_str,
                ' ' if !in_str && i > 0 && (i <= room || cut.is_none()) => cut = Some(i),
                _ => {}
            }
            if i > room && cut.is_some() {
                break;
            }
        }
        match cut {
            Some(i) => {
                line.push_str(&rest[..i]);
                line.push_str(" &");
                out.push_str(&line);
                out.push('\n');
                line = " ".repeat(cont);
                rest = rest[i..].trim_start();
            }
            None => {
                line.push_str(rest);
                break;
            }
        }
    }
    out.push_str(&line);
    out.push('\n');
}

/// A comment block: each line of `text` after `indent` and `marker`, words
/// wrapped at [`WRAP`].
fn comment(out: &mut String, indent: usize, marker: &str, text: &str) {
    let prefix = format!("{}{marker}", " ".repeat(indent));
    for line in text.lines() {
        if line.is_empty() {
            out.push_str(prefix.trim_end());
            out.push('\n');
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let mut cur = format!("{prefix} {}", &line[..lead]);
        let base = cur.len();
        for word in line.split_whitespace() {
            if cur.len() > base && cur.len() + 1 + word.len() > WRAP {
                out.push_str(&cur);
                out.push('\n');
                cur = format!("{prefix} {}", &line[..lead]);
            }
            if cur.len() > base {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        out.push_str(&cur);
        out.push('\n');
    }
}

/// A Fortran name: valid, and short enough.
fn check_name(name: &str, what: &str) -> Result<(), String> {
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) || !is_ident(name) {
        return Err(format!("{what} `{name}` is not a valid Fortran name"));
    }
    if name.len() > MAX_NAME {
        return Err(format!(
            "{what} `{name}` is longer than Fortran's {MAX_NAME} characters"
        ));
    }
    Ok(())
}

/// The Fortran initialisation of a macro: (declaration, value).
fn macro_value(m: &Macro, ints: &HashSet<String>) -> Result<(String, String), String> {
    let v = m.value.trim();
    let int32 = "integer(c_int32_t), parameter, public".to_string();
    if let Some(n) = int_literal(v) {
        if i32::try_from(n).is_err() {
            return Err(format!("macro {} = {v} does not fit int32_t", m.name));
        }
        return Ok((int32, n.to_string()));
    }
    if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
        return Ok((
            "character(kind=c_char, len=*), parameter, public".into(),
            v.to_string(),
        ));
    }
    if v == "SIZE_MAX" {
        // All bits set: -1 in Fortran's signed integer(c_size_t).
        return Ok((
            "integer(c_size_t), parameter, public".into(),
            "-1_c_size_t".into(),
        ));
    }
    // An integer expression over earlier integer constants.
    let toks = expr_tokens(v).map_err(|e| format!("macro {}: {e}", m.name))?;
    let ok = toks.iter().all(|t| {
        int_literal(t).is_some()
            || ints.contains(t)
            || ["+", "-", "*", "/", "(", ")"].contains(&t.as_str())
    });
    if !ok {
        return Err(format!(
            "macro {} = {v}: no Fortran translation (only integers, strings, SIZE_MAX and \
             integer expressions over earlier macros are mapped); teach xtask/src/fortran.rs",
            m.name
        ));
    }
    let mut expr = String::new();
    for (i, t) in toks.iter().enumerate() {
        let glue = i > 0 && !matches!(t.as_str(), ")") && !matches!(toks[i - 1].as_str(), "(");
        if glue {
            expr.push(' ');
        }
        expr.push_str(t);
    }
    Ok((int32, expr))
}

/// Orders `iso_c_binding` names for `import` lists.
fn kinds_list(kinds: &BTreeSet<&'static str>) -> String {
    kinds.iter().copied().collect::<Vec<_>>().join(", ")
}

fn emit(items: &[Item]) -> Result<String, String> {
    let mut out = String::new();
    out.push_str(
        "! Generated by `make gen` (cargo run -p xtask -- gen) from include/oxpar.h. Do not edit:\n\
         ! change crates/oxpar-capi and run `make gen`; `make gen-check` fails when this is stale.\n\
         \n\
         !> Raw `bind(C)` interfaces to liboxpar: one `c_<name>` for every function of oxpar.h,\n\
         !> and a named constant for every macro and enumerator.\n\
         !>\n\
         !> Arrays cross as `type(c_ptr)` (`c_loc` of the first logical element) with element\n\
         !> strides, scalars `alpha`/`beta`/`out` by reference, contexts as `type(c_ptr)`.\n\
         !> Strings in (`spec`) must end in `c_null_char`; strings out are `type(c_ptr)` owned\n\
         !> by the library. The module `oxpar` is the idiomatic layer over this one.\n\
         module oxpar_c\n  use, intrinsic :: iso_c_binding\n  implicit none\n  private\n",
    );
    // Every public name, case-insensitively, to refuse clashes.
    let mut names: HashSet<String> = HashSet::new();
    let mut claim = |name: &str| -> Result<(), String> {
        if names.insert(name.to_ascii_lowercase()) {
            Ok(())
        } else {
            Err(format!(
                "`{name}` clashes with another name (Fortran ignores case)"
            ))
        }
    };
    let mut ints: HashSet<String> = HashSet::new();
    let mut functions = Vec::new();
    let mut after_macro = false;
    for item in items {
        let is_macro = matches!(item, Item::Macro(_));
        match item {
            Item::Macro(m) => {
                check_name(&m.name, "macro")?;
                claim(&m.name)?;
                let (spec, value) = macro_value(m, &ints)?;
                if spec.starts_with("integer(c_int32_t)") {
                    ints.insert(m.name.clone());
                }
                if m.doc.is_some() || !after_macro {
                    out.push('\n');
                }
                let mut doc = m.doc.clone().unwrap_or_default();
                if value == "-1_c_size_t" {
                    doc.push_str("\n(`SIZE_MAX`: all bits set, which reads as -1 in a signed `integer(c_size_t)`.)");
                }
                if !doc.trim().is_empty() {
                    comment(&mut out, 2, "!>", doc.trim_start());
                }
                wrap_code(&mut out, 2, &format!("{spec} :: {} = {value}", m.name));
            }
            Item::Enum(e) => {
                out.push('\n');
                out.push_str(&format!("  ! enum {}\n", e.name));
                if let Some(d) = &e.doc {
                    comment(&mut out, 2, "!", d);
                }
                for v in &e.values {
                    check_name(&v.name, "enumerator")?;
                    claim(&v.name)?;
                    if let Some(d) = &v.doc {
                        comment(&mut out, 2, "!>", d);
                    }
                    wrap_code(
                        &mut out,
                        2,
                        &format!(
                            "integer(c_int32_t), parameter, public :: {} = {}",
                            v.name, v.value
                        ),
                    );
                }
            }
            Item::Function(f) => functions.push(f),
        }
        after_macro = is_macro;
    }
    out.push('\n');
    for f in &functions {
        let fname = format!("c_{}", f.name);
        check_name(&fname, "function")?;
        claim(&fname)?;
        out.push_str(&format!("  public :: {fname}\n"));
    }
    out.push_str("\n  interface\n");
    for (i, f) in functions.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&function(f)?);
    }
    out.push_str("  end interface\n\nend module oxpar_c\n");
    if let Some(long) = out.lines().find(|l| l.len() >= MAX_LINE) {
        return Err(format!(
            "generated a line of {} characters: {long}",
            long.len()
        ));
    }
    Ok(out)
}

/// One interface body.
fn function(f: &Function) -> Result<String, String> {
    let fname = format!("c_{}", f.name);
    let result = result_decl(f)?;
    let mut kinds: BTreeSet<&'static str> = BTreeSet::new();
    let mut decls = Vec::new();
    let mut seen: HashSet<String> = HashSet::from([fname.to_ascii_lowercase()]);
    for p in &f.params {
        check_name(&p.name, &format!("{}: argument", f.name))?;
        let d = p.fortran(&f.name)?;
        if !seen.insert(p.name.to_ascii_lowercase()) || p.name.starts_with("c_") {
            return Err(format!(
                "{}: argument `{}` clashes with another name in its interface",
                f.name, p.name
            ));
        }
        kinds.extend(d.kinds.iter().copied());
        decls.push((p.name.as_str(), d.text));
    }
    if let Some(r) = &result {
        kinds.extend(r.kinds.iter().copied());
    }
    let args = f
        .params
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let what = if result.is_some() {
        "function"
    } else {
        "subroutine"
    };
    let mut out = String::new();
    if let Some(d) = &f.doc {
        comment(&mut out, 4, "!>", d);
    }
    let head = format!("{what} {fname}({args})");
    let bind = format!("bind(C, name=\"{}\")", f.name);
    if 4 + head.len() + 1 + bind.len() <= WRAP {
        wrap_code(&mut out, 4, &format!("{head} {bind}"));
    } else {
        // The argument list (wrapped if need be), then `bind` on a line of its own.
        wrap_code(&mut out, 4, &head);
        out.pop();
        out.push_str(" &\n");
        wrap_code(&mut out, 8, &bind);
    }
    if !kinds.is_empty() {
        wrap_code(&mut out, 6, &format!("import :: {}", kinds_list(&kinds)));
    }
    out.push_str("      implicit none\n");
    for (name, text) in decls {
        wrap_code(&mut out, 6, &format!("{text} :: {name}"));
    }
    if let Some(r) = &result {
        wrap_code(&mut out, 6, &format!("{} :: {fname}", r.text));
    }
    out.push_str(&format!("    end {what} {fname}\n"));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = r#"#ifndef DEMO_H
#define DEMO_H

/* Generated. */

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define OXPAR_VERSION_MAJOR 2
#define OXPAR_VERSION_MINOR 3
#define OXPAR_VERSION_STRING "2.3.0"
/** One number. */
#define OXPAR_VERSION_NUMBER (OXPAR_VERSION_MAJOR * 100 + OXPAR_VERSION_MINOR)
#define OXPAR_INDEX_NONE SIZE_MAX

/**
 * Results.
 */
enum oxpar_status
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Fine.
   */
  OXPAR_STATUS_OK = 0,
  /**
   * Not fine.
   */
  OXPAR_STATUS_BAD = 100,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_status oxpar_status;
#else
typedef int32_t oxpar_status;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

typedef struct oxpar_context oxpar_context;

/** A loop body; called a lot. */
typedef void (*oxpar_range_fn)(size_t begin, size_t end, void *user_data);

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * `*out := x . y` (no; this is a test).
 */
oxpar_status oxpar_ddot(const oxpar_context *ctx,
                        size_t n,
                        const double *alpha,
                        const double *x,
                        ptrdiff_t incx,
                        double *out);

const char *oxpar_version(void);

oxpar_status oxpar_context_create(const char *spec, oxpar_context **out);

void oxpar_context_free(oxpar_context *ctx);

bool oxpar_backend_available(int32_t backend);

uint32_t oxpar_abi_version(void);

oxpar_status oxpar_parallel_for(const oxpar_context *ctx,
                                size_t begin,
                                size_t end,
                                int32_t schedule,
                                size_t chunk,
                                oxpar_range_fn body,
                                void *user_data);

oxpar_status oxpar_context_num_threads(const oxpar_context *ctx, size_t *out);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* DEMO_H */
"#;

    /// Whether `line` is a line of `text` once continuation lines are joined.
    fn has(text: &str, line: &str) -> bool {
        let mut joined = String::new();
        for l in text.lines() {
            match l.strip_suffix(" &") {
                Some(head) => {
                    joined.push_str(head.trim_start());
                    joined.push(' ');
                }
                None => {
                    joined.push_str(l.trim_start());
                    joined.push('\n');
                }
            }
        }
        joined.lines().any(|l| l.trim() == line)
    }

    #[test]
    fn snippet_maps_every_kind_of_declaration() {
        let f = interfaces(SNIPPET).unwrap();
        for line in [
            "module oxpar_c",
            "use, intrinsic :: iso_c_binding",
            "implicit none",
            "private",
            "integer(c_int32_t), parameter, public :: OXPAR_VERSION_MAJOR = 2",
            "character(kind=c_char, len=*), parameter, public :: OXPAR_VERSION_STRING = \"2.3.0\"",
            "integer(c_int32_t), parameter, public :: OXPAR_VERSION_NUMBER = \
             (OXPAR_VERSION_MAJOR * 100 + OXPAR_VERSION_MINOR)",
            "integer(c_size_t), parameter, public :: OXPAR_INDEX_NONE = -1_c_size_t",
            "!> One number.",
            "! enum oxpar_status",
            "!> Not fine.",
            "integer(c_int32_t), parameter, public :: OXPAR_STATUS_BAD = 100",
            "public :: c_oxpar_ddot",
            "function c_oxpar_ddot(ctx, n, alpha, x, incx, out) bind(C, name=\"oxpar_ddot\")",
            "!> `*out := x . y` (no; this is a test).",
            "import :: c_double, c_int32_t, c_ptr, c_ptrdiff_t, c_size_t",
            "type(c_ptr), value :: ctx",
            "integer(c_size_t), value :: n",
            "real(c_double), intent(in) :: alpha",
            "type(c_ptr), value :: x",
            "integer(c_ptrdiff_t), value :: incx",
            "real(c_double), intent(out) :: out",
            "integer(c_int32_t) :: c_oxpar_ddot",
            "end function c_oxpar_ddot",
            "function c_oxpar_version() bind(C, name=\"oxpar_version\")",
            "type(c_ptr) :: c_oxpar_version",
            "character(kind=c_char), dimension(*), intent(in) :: spec",
            "type(c_ptr), intent(out) :: out",
            "subroutine c_oxpar_context_free(ctx) bind(C, name=\"oxpar_context_free\")",
            "end subroutine c_oxpar_context_free",
            "logical(c_bool) :: c_oxpar_backend_available",
            "integer(c_int32_t), value :: backend",
            "integer(c_int32_t) :: c_oxpar_abi_version",
            "type(c_funptr), value :: body",
            "type(c_ptr), value :: user_data",
            "integer(c_size_t), intent(out) :: out",
            "end module oxpar_c",
        ] {
            assert!(has(&f, line), "missing `{line}` in\n{f}");
        }
        // Nothing from the C++ branches, and the include guard is no constant.
        assert!(!f.contains("extern"), "{f}");
        assert!(!f.contains("DEMO_H"), "{f}");
        // Subroutine bodies have no result declaration.
        assert!(!f.contains(") :: c_oxpar_context_free"), "{f}");
    }

    #[test]
    fn long_argument_lists_are_wrapped() {
        let f = interfaces(SNIPPET).unwrap();
        assert!(f.lines().all(|l| l.len() < MAX_LINE));
        let head: Vec<&str> = f
            .lines()
            .skip_while(|l| !l.contains("function c_oxpar_parallel_for("))
            .take(2)
            .collect();
        assert!(head[0].ends_with(" &"), "{head:?}");
        assert_eq!(
            head[1].trim(),
            "bind(C, name=\"oxpar_parallel_for\")",
            "{head:?}"
        );
    }

    #[test]
    fn device_handles_64_bit_values_and_size_arrays_map() {
        let h = "typedef struct oxpar_kernel oxpar_kernel;\n\
                 int32_t oxpar_k(oxpar_kernel *kernel, uint32_t index, uint64_t arg, int64_t v);\n\
                 int32_t oxpar_l(oxpar_kernel *kernel, uint32_t dims, const size_t *global, \
                 const size_t *local);";
        let f = interfaces(h).unwrap();
        for line in [
            "integer(c_int64_t), value :: arg",
            "integer(c_int64_t), value :: v",
            "type(c_ptr), value :: global",
            "type(c_ptr), value :: local",
        ] {
            assert!(
                f.lines().any(|l| l.trim() == line),
                "missing `{line}` in\n{f}"
            );
        }
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(interfaces(SNIPPET).unwrap(), interfaces(SNIPPET).unwrap());
    }

    #[test]
    fn unmapped_types_and_arguments_are_errors() {
        let e = interfaces("long oxpar_f(long x);").unwrap_err();
        assert!(e.contains("long") && e.contains("oxpar_f"), "{e}");
        let e = interfaces("int32_t oxpar_g(const double *gamma);").unwrap_err();
        assert!(e.contains("gamma") && e.contains("SCALARS_IN"), "{e}");
        let e = interfaces("int32_t oxpar_h(size_t *count);").unwrap_err();
        assert!(e.contains("count"), "{e}");
        let e = interfaces("typedef struct s s;\nint32_t oxpar_i(const s **p);").unwrap_err();
        assert!(e.contains("oxpar_i") && e.contains("`p`"), "{e}");
        let e = interfaces("double *oxpar_j(void);").unwrap_err();
        assert!(e.contains("oxpar_j"), "{e}");
        let e = interfaces("int32_t oxpar_k(size_t);").unwrap_err();
        assert!(e.contains("no name"), "{e}");
        let e = interfaces("int32_t oxpar_l(void (*cb)(void));").unwrap_err();
        assert!(e.contains("typedef"), "{e}");
        let e = interfaces("#define OXPAR_PI 3.14\n").unwrap_err();
        assert!(e.contains("OXPAR_PI"), "{e}");
        let e = interfaces("#pragma once\n").unwrap_err();
        assert!(e.contains("pragma"), "{e}");
        let e = interfaces("struct s { int32_t a; };").unwrap_err();
        assert!(e.contains("struct s"), "{e}");
        let e = interfaces("int32_t oxpar_m(void)").unwrap_err();
        assert!(e.contains("without `;`"), "{e}");
    }

    #[test]
    fn conditionals_follow_c11() {
        let h = "#if __STDC_VERSION__ >= 201112L && !defined(__cplusplus)\n\
                 int32_t oxpar_yes(void);\n\
                 #elif 1\n\
                 int32_t oxpar_elif(void);\n\
                 #else\n\
                 int32_t oxpar_no(void);\n\
                 #endif\n\
                 #if 0\n#if 1\nint32_t oxpar_nested(void);\n#endif\n#else\n\
                 int32_t oxpar_else(void);\n#endif\n";
        let f = interfaces(h).unwrap();
        assert!(
            f.contains("c_oxpar_yes") && f.contains("c_oxpar_else"),
            "{f}"
        );
        assert!(
            !f.contains("c_oxpar_elif") && !f.contains("c_oxpar_no"),
            "{f}"
        );
        assert!(!f.contains("nested"), "{f}");
        assert!(interfaces("#if 1\n").unwrap_err().contains("#endif"));
        assert!(interfaces("#endif\n").is_err());
    }

    #[test]
    fn name_clashes_are_errors() {
        let e = interfaces("#define oxpar_x 1\n#define OXPAR_X 2\n").unwrap_err();
        assert!(e.contains("clashes"), "{e}");
    }

    #[test]
    fn the_committed_header_binds_every_function() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../include/oxpar.h");
        let header = std::fs::read_to_string(path).unwrap();
        let f = interfaces(&header).unwrap();
        let mut count = 0;
        for line in header.lines() {
            let Some(paren) = line.find('(') else {
                continue;
            };
            if line.starts_with([' ', '#', '/', '*']) || line.starts_with("typedef") {
                continue;
            }
            let name = line[..paren].rsplit([' ', '*']).next().unwrap_or_default();
            if !name.starts_with("oxpar_") || !is_ident(name) {
                continue;
            }
            count += 1;
            assert!(
                f.contains(&format!("bind(C, name=\"{name}\")")),
                "{name} is not bound"
            );
        }
        assert!(count >= 30, "only {count} prototypes found");
        for constant in [
            "OXPAR_STATUS_OK = 0",
            "OXPAR_TRANS_YES = 1",
            "OXPAR_SCHEDULE_GUIDED = 2",
            "OXPAR_BACKEND_MPI = 3",
            "OXPAR_ABI_VERSION = 1",
        ] {
            assert!(f.contains(constant), "{constant}");
        }
    }
}
