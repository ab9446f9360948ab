//! TypeScript declarations (`.ts`, `.d.ts`).

pub mod lexer;
