//! A list of items that is cheap to copy.
//!
//! The live app hands a snapshot of the session to the saver thread on every
//! change; while the saver holds it, the next change copies the session. With
//! each list behind its own `Arc`, that copy shares every list and only the
//! list being changed is copied, so a 10,000-item session costs no more per
//! keystroke than a small one. In the file it is a plain list.

use std::any::Any;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Weak};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, PartialEq, Eq)]
pub struct Items<T>(Arc<Vec<T>>);

impl<T> Default for Items<T> {
    fn default() -> Self {
        Items(Arc::new(Vec::new()))
    }
}

impl<T> Items<T> {
    /// For `skip_serializing_if`, which names a function, not a method.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Which list an [`Items`] was, kept to know later whether it is still that
/// very list, unchanged. A mark neither keeps the items alive nor shares
/// them, so holding one does not make the next change copy the list.
#[derive(Debug)]
pub struct Mark(Weak<dyn Any + Send + Sync>);

impl<T: Send + Sync + 'static> Items<T> {
    pub fn mark(&self) -> Mark {
        let list: Arc<dyn Any + Send + Sync> = self.0.clone();
        Mark(Arc::downgrade(&list))
    }

    /// Whether this is the list `mark` was taken of, unchanged since. While a
    /// mark is held its list's place is never given to another, and a change
    /// moves the list to a new place first (`Arc::make_mut` does, for lists
    /// that are marked as for lists that are shared).
    pub fn is(&self, mark: &Mark) -> bool {
        std::ptr::addr_eq(Arc::as_ptr(&self.0), mark.0.as_ptr())
    }
}

impl<T> Deref for Items<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

/// Writing copies the list first if a snapshot still shares it.
impl<T: Clone> DerefMut for Items<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<Vec<T>> for Items<T> {
    fn from(v: Vec<T>) -> Self {
        Items(Arc::new(v))
    }
}

impl<T> FromIterator<T> for Items<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Items(Arc::new(iter.into_iter().collect()))
    }
}

impl<'a, T> IntoIterator for &'a Items<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Items<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::deserialize(d).map(Items::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_the_list_until_one_side_writes() {
        let mut a: Items<String> = vec!["one".to_string()].into();
        let b = a.clone();
        assert!(std::ptr::eq(a.as_ptr(), b.as_ptr()));
        a.push("two".into());
        assert_eq!(b.len(), 1, "the snapshot is untouched");
        assert_eq!(a.len(), 2);
        assert!(!std::ptr::eq(a.as_ptr(), b.as_ptr()));
    }

    #[test]
    fn in_ron_it_is_a_plain_list() {
        let a: Items<u8> = vec![1, 2].into();
        let text = ron::to_string(&a).unwrap();
        assert_eq!(text, "[1,2]");
        assert_eq!(ron::from_str::<Items<u8>>(&text).unwrap(), a);
    }

    #[test]
    fn a_mark_knows_its_list_until_it_changes_and_costs_no_copy() {
        let mut a: Items<String> = vec!["one".to_string(), "two".to_string()].into();
        let mark = a.mark();
        assert!(a.is(&mark));
        assert!(a.clone().is(&mark), "a copy shares the very list");
        let equal: Items<String> = vec!["one".to_string(), "two".to_string()].into();
        assert!(!equal.is(&mark), "equal is not the same");
        // Marked but not shared: the change moves the list, not its items.
        let items_at = a.as_ptr();
        a[0] = "uno".to_string();
        assert!(!a.is(&mark));
        assert_eq!(a.as_ptr(), items_at, "the items were copied");
        // Shared: the change copies, and the copy is not the marked list.
        let mark = a.mark();
        let kept = a.clone();
        a[1] = "dos".to_string();
        assert!(kept.is(&mark) && !a.is(&mark));
        // A marked list dropped: its place is not given to the next one.
        drop(kept);
        let fresh: Items<String> = vec!["x".to_string()].into();
        assert!(!fresh.is(&mark));
    }
}
