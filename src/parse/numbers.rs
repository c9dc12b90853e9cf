//! Agenda numbers ("3", "3.2") and which number may come next.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Num(pub Vec<u32>);

impl Num {
    /// "3.2." / "3.2" / "12" -> Num. At most 4 parts; see below for their digits.
    pub fn parse(s: &str) -> Option<Num> {
        let s = s.strip_suffix('.').unwrap_or(s);
        let mut parts = Vec::new();
        for (k, p) in s.split('.').enumerate() {
            // A sub-item's part has three digits at most; an item's own number may run to
            // six (a long agenda, or numbers running on across a year's meetings). Whether a
            // four-digit number is an item or a year is the walk's to decide, by sequence.
            let most = if k == 0 { 6 } else { 3 };
            if p.is_empty() || p.len() > most || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            parts.push(p.parse().ok()?);
        }
        (parts.len() <= 4).then_some(Num(parts))
    }

    pub fn level(&self) -> usize {
        self.0.len()
    }

    pub fn is_parent_of(&self, other: &Num) -> bool {
        other.0.len() > self.0.len() && other.0.starts_with(&self.0)
    }

    /// The numbers that may follow this one in an agenda: its first child, its next
    /// sibling, or the next sibling of any ancestor.
    fn successors(&self) -> Vec<Num> {
        let mut out = vec![Num([self.0.clone(), vec![1]].concat())];
        for k in (1..=self.0.len()).rev() {
            let mut n = self.0[..k].to_vec();
            n[k - 1] += 1;
            out.push(Num(n));
        }
        out
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// `n` is exactly what comes next after `last` (the first item when `last` is `None`).
pub fn follows(last: Option<&Num>, n: &Num) -> bool {
    match last {
        None => n.0 == [1] || n.0 == [1, 1] || n.0 == [0],
        Some(l) => l.successors().contains(n),
    }
}

/// `n` could come next if a few numbers were skipped (a gap a reviewer should see,
/// e.g. 3.2 followed by 3.4), but never goes backwards.
pub fn follows_with_gap(last: Option<&Num>, n: &Num) -> bool {
    let Some(l) = last else { return n.level() <= 2 && n.0[0] <= 3 };
    if n <= l {
        return false;
    }
    l.successors()
        .iter()
        .any(|s| s.level() == n.level() && s.0[..s.level() - 1] == n.0[..n.level() - 1] && n.0[n.level() - 1] - s.0[s.level() - 1] <= 3)
}

/// OCR drops the dot of "2.1." in a number column ("21."): find the dotted reading that
/// fits the sequence.
pub fn repair_dropped_dot(last: Option<&Num>, digits: &str) -> Option<Num> {
    if digits.contains('.') || digits.len() < 2 {
        return None;
    }
    (1..digits.len()).map(|i| format!("{}.{}", &digits[..i], &digits[i..])).filter_map(|s| Num::parse(&s)).find(|n| follows(last, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Num {
        Num::parse(s).unwrap()
    }

    #[test]
    fn sequence() {
        assert!(follows(None, &n("1.")));
        assert!(follows(Some(&n("1")), &n("1.1")));
        assert!(follows(Some(&n("1.2")), &n("2")));
        assert!(follows(Some(&n("3.1")), &n("3.2")));
        assert!(!follows(Some(&n("3.5")), &n("1")));
        assert!(!follows(Some(&n("3.2")), &n("3.4")));
        assert!(follows_with_gap(Some(&n("3.2")), &n("3.4")));
        assert!(!follows_with_gap(Some(&n("3.5")), &n("3")));
    }

    #[test]
    fn dropped_dot() {
        assert_eq!(repair_dropped_dot(Some(&n("2")), "21"), Some(n("2.1")));
        assert_eq!(repair_dropped_dot(Some(&n("20")), "21"), None);
    }
}
