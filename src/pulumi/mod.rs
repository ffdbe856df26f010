//! Pulumi knowledge shared by every codemod: which names the imports bind, what a call
//! constructs, and how to read its keyword arguments and literal values.

mod call;
mod imports;
pub mod literal;

pub use call::{Keyword, ResourceCall};
pub use imports::Imports;
