//! Union-find over indices: quotes and names that one comparison holds,
//! articles that one story holds.

/// The root of `i`'s set in a union-find forest, compressing the path.
pub fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut i = i;
    while parent[i] != r {
        let next = parent[i];
        parent[i] = r;
        i = next;
    }
    r
}
