//! Several short lists kept in one allocation: a long article holds a
//! frame and alignment features for every figure, each with a handful of
//! word lists, and a block per list would cost more than its words.
//!
//! ```
//! use crosscheck::packed::Packed;
//! let lists: Packed<u32, 2> = Packed::new([vec![1, 2], vec![], vec![3]]);
//! assert_eq!(lists.get(0), [1, 2]);
//! assert!(lists.get(1).is_empty());
//! assert_eq!(lists.get(2), [3]);
//! ```

/// `CUTS + 1` lists, one after another in one block.
#[derive(Clone, Debug, PartialEq)]
pub struct Packed<T, const CUTS: usize> {
    items: Box<[T]>,
    /// Where lists 1 to `CUTS` start in `items`.
    cuts: [u16; CUTS],
}

impl<T, const CUTS: usize> Packed<T, CUTS> {
    /// `lists` (`CUTS + 1` of them, further ones are dropped) as one
    /// block. Lists hold words near one figure, far fewer than 65,535 in
    /// all; past that the rest of a list is dropped, so every start fits
    /// a `u16`.
    pub fn new(lists: impl IntoIterator<Item = Vec<T>>) -> Self {
        let mut items = Vec::new();
        let mut cuts = [0u16; CUTS];
        for (i, list) in lists.into_iter().take(CUTS + 1).enumerate() {
            if i > 0 {
                cuts[i - 1] = items.len() as u16;
            }
            let room = usize::from(u16::MAX) - items.len();
            items.extend(list.into_iter().take(room));
        }
        Packed {
            items: items.into_boxed_slice(),
            cuts,
        }
    }

    /// List `i` (0 to `CUTS`).
    pub fn get(&self, i: usize) -> &[T] {
        let from = if i == 0 {
            0
        } else {
            usize::from(self.cuts[i - 1])
        };
        let to = self
            .cuts
            .get(i)
            .map_or(self.items.len(), |&e| usize::from(e));
        &self.items[from..to]
    }
}

impl<T, const CUTS: usize> Default for Packed<T, CUTS> {
    fn default() -> Self {
        Packed {
            items: Box::new([]),
            cuts: [0; CUTS],
        }
    }
}
