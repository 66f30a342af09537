//! Whether a commitment's owner is one person: a group owns nothing.

/// Words that say "more than one person" wherever they stand in an owner:
/// departments, functions, teams and other units.
const UNIT_WORDS: &[&str] = &[
    "team",
    "teams",
    "department",
    "departments",
    "dept",
    "division",
    "unit",
    "office",
    "committee",
    "board",
    "group",
    "function",
    "centre",
    "center",
    "desk",
    "service",
    "services",
    "support",
    "management",
    "leadership",
    "staff",
    "crew",
    "squad",
    "council",
    "taskforce",
    "organisation",
    "organization",
    "company",
    "branch",
    "hq",
    "workforce",
];

/// Functions that are often written alone as an owner.
const FUNCTIONS: &[&str] = &[
    "hr",
    "it",
    "ops",
    "operations",
    "sales",
    "marketing",
    "finance",
    "legal",
    "procurement",
    "engineering",
    "product",
    "compliance",
    "accounts",
    "exec",
    "execs",
    "executives",
    "customer care",
    "customer success",
    "helpdesk",
    "help desk",
    "front line",
    "frontline",
];

/// Pronouns and words that spread a commitment over everyone, or nobody.
const COLLECTIVE: &[&str] = &[
    "we",
    "us",
    "all",
    "all of us",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "anybody",
    "they",
    "them",
    "ourselves",
    "each of us",
    "both of us",
    "tbd",
    "whoever",
    "people",
    "folks",
    "all hands",
];

/// Plurals of roles: "team leads", "the managers".
const ROLE_PLURALS: &[&str] = &[
    "managers",
    "leads",
    "leaders",
    "heads",
    "directors",
    "members",
    "agents",
    "engineers",
    "supervisors",
    "owners",
    "reps",
    "officers",
    "analysts",
    "developers",
    "partners",
    "coaches",
    "employees",
    "colleagues",
    "stakeholders",
    "sponsors",
    "volunteers",
    "people",
];

/// Why an owner names a group, a function or nobody rather than one person;
/// `None` for one named person. The words finish "\"OWNER\" ...".
pub fn owner_group_reason(owner: &str) -> Option<&'static str> {
    let lower = owner.trim().to_lowercase();
    if lower.is_empty() {
        return Some("names nobody");
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if lower.contains('&')
        || lower.contains(',')
        || lower.contains('/')
        || words
            .iter()
            .any(|w| *w == "and" || *w == "or" || *w == "plus")
    {
        return Some("names more than one person: one person owns it, others can help");
    }
    let stripped = ["the ", "our ", "all ", "my ", "their ", "your "]
        .iter()
        .fold(lower.as_str(), |s, p| s.strip_prefix(p).unwrap_or(s));
    if COLLECTIVE.contains(&lower.as_str()) || COLLECTIVE.contains(&stripped) {
        return Some("speaks of everyone (or nobody): name the one person who answers for it");
    }
    let last = owner.split_whitespace().last().unwrap_or("");
    let last_lower = last.to_lowercase();
    if ROLE_PLURALS.contains(&last_lower.as_str()) {
        return Some("is a plural: name one of them");
    }
    if words.iter().any(|w| UNIT_WORDS.contains(w)) || FUNCTIONS.contains(&stripped) {
        return Some("names a department, function or team, and a group owns nothing");
    }
    let determiner = stripped.len() < lower.len();
    let plural_ending = last_lower.len() > 3
        && last_lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| last_lower.ends_with(e));
    // A name ("Evans") is written with a capital; a plural noun often is not.
    let lowercase = last.chars().next().is_some_and(char::is_lowercase);
    if plural_ending && (determiner || lowercase) {
        return Some("is a plural: name one of them");
    }
    None
}

/// True when an owner names a group, a function or nobody rather than one person.
pub fn owner_is_group(owner: &str) -> bool {
    owner_group_reason(owner).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_not_owners() {
        for g in [
            "team",
            "The Team",
            "everyone",
            "management",
            "we",
            "Sales team",
            "Ana and Ben",
            "",
            "  ",
            "Ops",
        ] {
            assert!(owner_is_group(g), "{g:?} should be a group");
        }
        for p in [
            "Ana Ruiz",
            "Ben",
            "Dr. Teamster",
            "Wei",
            "Chris Evans",
            "James",
            "Agnes O'Brien",
            "Itzel",
        ] {
            assert!(!owner_is_group(p), "{p:?} is a person");
        }
    }

    #[test]
    fn departments_functions_pronouns_and_plurals_are_groups_with_a_reason() {
        for (owner, why) in [
            ("IT department", "department, function or team"),
            ("Customer service", "department, function or team"),
            ("the call centre", "department, function or team"),
            ("HR", "department, function or team"),
            ("all of us", "everyone"),
            ("We", "everyone"),
            ("the managers", "plural"),
            ("team leads", "plural"),
            ("Sales Managers", "plural"),
            ("Ana or Ben", "more than one"),
        ] {
            let r = owner_group_reason(owner);
            assert!(
                r.is_some_and(|r| r.contains(why)),
                "{owner:?}: {r:?} should say {why:?}"
            );
        }
    }
}
