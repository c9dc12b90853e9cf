//! Where the page's address points: a view of the result or an item of its agenda. Built
//! natively too (no browser needed), so its tests run with the others.

/// The views of a result.
#[derive(Clone, Copy, PartialEq)]
pub enum Tab {
    Agenda,
    Attendance,
    Decisions,
    Review,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Agenda, Tab::Attendance, Tab::Decisions, Tab::Review];

    /// The view's name in the address ("#beslutninger"), and the ids of its tab and panel.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Agenda => "dagsorden",
            Tab::Attendance => "fremmoede",
            Tab::Decisions => "beslutninger",
            Tab::Review => "gennemgang",
        }
    }
}

/// What the address's fragment asks for: a view ("#fremmoede") or an item of the agenda
/// ("#punkt-3.4"). Anything else is the agenda. (The document itself is never in the
/// address.)
pub fn route(hash: &str) -> (Tab, Option<String>) {
    let hash = hash.trim_start_matches('#');
    if let Some(number) = hash.strip_prefix("punkt-").filter(|n| !n.is_empty()) {
        return (Tab::Agenda, Some(number.to_owned()));
    }
    (Tab::ALL.into_iter().find(|t| t.slug() == hash).unwrap_or(Tab::Agenda), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_names_a_view_or_an_item() {
        assert!(route("#beslutninger") == (Tab::Decisions, None));
        assert!(route("#fremmoede") == (Tab::Attendance, None));
        assert!(route("#punkt-3.4") == (Tab::Agenda, Some("3.4".to_owned())));
        assert!(route("") == (Tab::Agenda, None));
        assert!(route("#punkt-") == (Tab::Agenda, None));
        assert!(route("#noget") == (Tab::Agenda, None));
        for t in Tab::ALL {
            assert!(route(&format!("#{}", t.slug())).0 == t);
        }
    }
}
