//! Atomic in-place writes: a temporary file in the same folder, flushed to disk, renamed over
//! the original, with the original's permissions; never over a file that changed since it was
//! read or that is read-only.

use crate::walk::describe_io;
use std::io::Write;
use std::path::Path;

/// Replaces `path`, whose contents were `read` when it was processed, with `contents`.
/// `Err` is a one-line reason; the original is then untouched.
pub fn write_atomic(path: &Path, read: &[u8], contents: &[u8]) -> Result<(), String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("could not write: {}", describe_io(&e)))?;
    if meta.permissions().readonly() {
        return Err("file is read-only; not written (make it writable or drop --write)".into());
    }
    let now = std::fs::read(path)
        .map_err(|e| format!("could not re-read before writing: {}", describe_io(&e)))?;
    if now != read {
        return Err(
            "file changed on disk while infra-fix ran; not written, run infra-fix again".into(),
        );
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".infra-fix-")
        .tempfile_in(dir)
        .map_err(|e| {
            format!(
                "could not create a temporary file beside it: {}",
                describe_io(&e)
            )
        })?;
    let result = (|| {
        temp.write_all(contents)?;
        temp.as_file().set_permissions(meta.permissions())?;
        temp.as_file().sync_all()
    })();
    result.map_err(|e| format!("could not write the temporary file: {}", describe_io(&e)))?;
    temp.persist(path)
        .map_err(|e| format!("could not replace the file: {}", describe_io(&e.error)))?;
    Ok(())
}
