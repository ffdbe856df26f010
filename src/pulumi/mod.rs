//! Pulumi knowledge shared by every codemod: which names the imports bind, what a call constructs,
//! how to read its keyword arguments (and add to them, before `opts=`) and literal values, which
//! names hold which resources, how to add to a resource's `opts`, what the real pulumi-aws API of
//! the project's major version accepts, how to read and edit JSON documents written as Python
//! literals, which IAM actions can be scoped to a resource, which resources of the program an IAM
//! policy serves, which health-check probe a container image can run, and which names a program
//! uses without binding them, which arguments other arguments replaced, and which Lambda runtimes
//! AWS has deprecated.

mod call;
pub mod container_image;
pub mod iam;
pub mod imports;
mod index;
pub mod json_literal;
pub mod lambda_runtime;
pub mod literal;
pub mod opts;
pub mod output;
pub mod policy_use;
pub mod replacements;
pub mod schema;
pub mod stack_config;
pub mod symbols;
pub mod unbound;
pub mod upgrade;
pub mod version;

pub use call::{Keyword, ResourceCall};
pub use imports::Imports;
pub use opts::append_arguments;
pub use schema::{Major, Tables};
pub use symbols::{Symbols, Value};
