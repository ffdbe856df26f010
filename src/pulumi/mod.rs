//! Pulumi knowledge shared by every codemod: which names the imports bind, what a call
//! constructs, how to read its keyword arguments and literal values, which names hold which
//! resources, and how to add to a resource's `opts`.

mod call;
mod imports;
pub mod literal;
pub mod opts;
pub mod symbols;

pub use call::{Keyword, ResourceCall};
pub use imports::Imports;
pub use symbols::{Symbols, Value};
