//! Containment for bugs: a panic while processing one file costs that file, not the run. It
//! becomes that file's error line, and the other files are still processed and written.

use crate::report::FileResult;
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs a contained file: its panics are reported, not printed.
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last contained panic.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps contained panics' messages for the report instead of printing "thread panicked"
/// and a backtrace hint; every other panic goes to the previous hook as before.
fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CONTAINED.get() {
                let what = info.to_string().replace('\n', " ");
                LAST_PANIC.with(|last| *last.borrow_mut() = Some(what));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `process` for the file shown as `display`; a panic becomes an error on that file.
pub fn contain(display: &str, process: impl FnOnce() -> FileResult) -> FileResult {
    catch(process).unwrap_or_else(|error| FileResult {
        display: display.to_string(),
        source: None,
        outcome: None,
        errors: vec![error],
        warnings: Vec::new(),
        unsafe_fixes: false,
        diff: None,
    })
}

/// Runs `process` for one file; a panic becomes its `Err`.
pub fn contain_result<T>(process: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    catch(process).and_then(|result| result)
}

/// `process`'s value, or the error line of its panic.
fn catch<T>(process: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    CONTAINED.set(true);
    let result = catch_unwind(AssertUnwindSafe(process));
    CONTAINED.set(false);
    result.map_err(|_| {
        let what = LAST_PANIC
            .with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| "a panic".into());
        // Writes are atomic: the file is as it was or fully fixed, never half-written.
        format!("internal error: {what}; the file is unchanged or fully fixed, please report it")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(display: &str) -> FileResult {
        FileResult {
            display: display.into(),
            source: None,
            outcome: None,
            errors: Vec::new(),
            warnings: Vec::new(),
            unsafe_fixes: false,
            diff: None,
        }
    }

    #[test]
    fn a_panic_becomes_the_files_error_and_the_next_file_runs() {
        let crashed = contain("a.py", || panic!("index out of bounds"));
        assert_eq!(crashed.display, "a.py");
        let [error] = crashed.errors.as_slice() else {
            panic!("{:?}", crashed.errors)
        };
        assert!(
            error.starts_with("internal error: ") && error.contains("index out of bounds"),
            "{error}"
        );
        assert!(error.contains("src/guard.rs"), "names where: {error}");
        assert!(contain("b.py", || ok("b.py")).errors.is_empty());
    }
}
