//! Bilingual glossaries: extracting term pairs from aligned text, reading the glossaries people
//! edit, and merging a reviewed glossary back in.

pub mod counts;
mod evidence;
pub mod extract;
pub mod link;
pub mod rank;
pub mod review;
pub mod score;
pub mod wordalign;

/// Which proposals a glossary keeps: of some kinds only, seen in at least so many beads, the
/// first so many. A reviewer's rows are never dropped by it; it applies to proposals.
#[derive(Debug, Clone, Default)]
pub struct Keep {
    /// The kinds kept (all when empty).
    pub kinds: Vec<extract::Kind>,
    /// The fewest beads a pair must be seen in.
    pub min_count: u32,
    /// How many proposals at most, best first.
    pub top: Option<usize>,
}

impl Keep {
    /// The proposals `entries` (best first) that this keeps, in their order.
    ///
    /// ```
    /// use padan::glossary::{extract::Kind, Keep};
    /// let keep = Keep { kinds: vec![Kind::Name], min_count: 0, top: Some(1) };
    /// assert!(keep.apply(Vec::new()).is_empty());
    /// ```
    pub fn apply(&self, entries: Vec<extract::Entry>) -> Vec<extract::Entry> {
        entries
            .into_iter()
            .filter(|e| self.kinds.is_empty() || self.kinds.contains(&e.kind))
            .filter(|e| e.count >= self.min_count)
            .take(self.top.unwrap_or(usize::MAX))
            .collect()
    }
}
