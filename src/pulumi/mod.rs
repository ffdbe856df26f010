//! Pulumi knowledge shared by every codemod: which names the imports bind, what a call
//! constructs, how to read its keyword arguments and literal values, and what the real
//! pulumi-aws API of the project's major version accepts.

mod call;
mod imports;
pub mod literal;
pub mod schema;
pub mod version;

pub use call::{Keyword, ResourceCall};
pub use imports::Imports;
pub use schema::{Major, Tables};
