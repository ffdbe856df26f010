//! Atomic in-place writes: a temporary file in the same folder with the original's
//! permissions and owner, flushed to disk, renamed over the original, then the folder flushed;
//! never over a file that changed since it was read, that is read-only, or that has other hard
//! links.

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
    // The rename gives this name a new file: its other names would silently keep the old
    // contents.
    if meta.nlink() > 1 {
        return Err(format!(
            "has {} hard links, which would keep the old contents; not written (copy it to break the links, or fix it by hand)",
            meta.nlink()
        ));
    }
    // The rename needs only the folder's permission: without this a user could replace a
    // file they may not write. (Root passes; the mode check above still holds for root.)
    writable(&target).map_err(|e| format!("not written: {}", describe_io(&e)))?;
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
    // Owner first: changing it clears set-user-id bits that the mode then restores. Only root
    // may give a file away; anyone else would silently take the file over, so that is refused.
    let file = temp.as_file();
    let created = file
        .metadata()
        .map(|m| (m.uid(), m.gid()))
        .unwrap_or_default();
    if (meta.uid(), meta.gid()) != created
        && std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err()
    {
        return Err(format!(
            "owned by uid {} gid {}, which this user cannot keep on a rewritten file; not written, run infra-fix as its owner",
            meta.uid(),
            meta.gid()
        ));
    }
    let result = (|| {
        temp.write_all(contents)?;
        temp.as_file().set_permissions(meta.permissions())?;
        temp.as_file().sync_all()
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

/// Whether this process may write `path` (`access(2)`, which knows about root, ACLs and
/// read-only mounts); `Err` says why not.
fn writable(path: &Path) -> std::io::Result<()> {
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    match unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } {
        0 => Ok(()),
        _ => Err(std::io::Error::last_os_error()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.py");
        std::fs::write(&path, "x = 1\n").unwrap();
        // Read as "x = 1", then someone saves their own edit before infra-fix writes.
        std::fs::write(&path, "x = 2  # the user's edit\n").unwrap();
        let err = write_atomic(&path, b"x = 1\n", b"x = 3\n").unwrap_err();
        assert!(err.contains("changed on disk"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "x = 2  # the user's edit\n"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        // Unchanged since read: written.
        write_atomic(&path, b"x = 2  # the user's edit\n", b"x = 3\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "x = 3\n");
    }

    #[test]
    fn a_symbolic_link_stays_a_link_to_the_fixed_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.py");
        let link = dir.path().join("link.py");
        std::fs::write(&real, "old\n").unwrap();
        std::os::unix::fs::symlink("real.py", &link).unwrap();
        write_atomic(&link, b"old\n", b"new\n").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new\n");
    }
}
