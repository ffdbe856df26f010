//! Atomic in-place writes: a temporary file in the same folder with the original's
//! permissions and owner, flushed to disk, renamed over the original, then the folder flushed;
//! never over a file that changed since it was read, or that is read-only.

use crate::walk::{describe_io, read_regular};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// Replaces `path`, whose contents were `read` when it was processed, with `contents`.
/// `Err` is a one-line reason with what to do; the original is then untouched.
pub fn write_atomic(path: &Path, read: &[u8], contents: &[u8]) -> Result<(), String> {
    // Through a symbolic link to the file it names: the link stays a link.
    let target =
        std::fs::canonicalize(path).map_err(|e| format!("could not write: {}", describe_io(&e)))?;
    let meta =
        std::fs::metadata(&target).map_err(|e| format!("could not write: {}", describe_io(&e)))?;
    if meta.permissions().readonly() {
        return Err("file is read-only; not written (make it writable or drop --write)".into());
    }
    // The rename needs only the folder's permission: without this a user could replace a
    // file they may not write. (Root passes; the mode check above still holds for root.)
    if !writable(&target) {
        return Err(
            "permission denied; not written (check its permissions and owner, or drop --write)"
                .into(),
        );
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".infra-fix-")
        .tempfile_in(dir)
        .map_err(|e| {
            format!(
                "could not create a temporary file beside it: {}; the file is unchanged",
                describe_io(&e)
            )
        })?;
    let result = (|| {
        temp.write_all(contents)?;
        let file = temp.as_file();
        // Owner first: changing it clears set-user-id bits that the mode then restores.
        if (meta.uid(), meta.gid()) != (file.metadata()?.uid(), file.metadata()?.gid()) {
            std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))?;
        }
        file.set_permissions(meta.permissions())?;
        file.sync_all()
    })();
    // Dropping `temp` on an error removes it.
    result.map_err(|e| {
        format!(
            "could not write the temporary file: {}; the file is unchanged",
            describe_io(&e)
        )
    })?;
    // As late as possible, so that an edit made while infra-fix ran is not overwritten.
    let now = read_regular(&target).map_err(|e| format!("before writing, {e}"))?;
    if now != read {
        return Err(
            "file changed on disk while infra-fix ran; not written, run infra-fix again".into(),
        );
    }
    temp.persist(&target).map_err(|e| {
        format!(
            "could not replace the file: {}; the file is unchanged",
            describe_io(&e.error)
        )
    })?;
    // The rename is durable only once the folder's entry is on disk too.
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| {
            format!(
                "written, but flushing its folder to disk failed: {}; check the disk",
                describe_io(&e)
            )
        })
}

/// Whether this process may write `path` (`access(2)`, which knows about root and ACLs).
fn writable(path: &Path) -> bool {
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}
