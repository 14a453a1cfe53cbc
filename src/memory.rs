//! Giving freed memory back to the operating system between stages.
//!
//! The C allocator keeps the pages a stage freed for later allocations of
//! the same process. Between stages whose working sets differ (cleaning's
//! per-mention lists, extraction's compiled rules and person mentions,
//! then alignment's candidate pairs), those pages count in the resident
//! size for the rest of the run although nothing uses them, and the next
//! stage's peak is reached on top of them.

/// Returns the free pages of the heap to the operating system (glibc's
/// `malloc_trim`); does nothing where that is not available. It changes
/// only the resident size, never a result.
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases memory the allocator holds
    // free; it takes no pointer and is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
