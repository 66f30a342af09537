//! Who the customers are, for one product or service: the end-users who
//! live with it, the brokers who stand between them and us (they buy,
//! sell or pass it on), and the fixers who deal with it when it breaks;
//! what each ranks highest, and which of our functions serves them. A
//! change aimed at "the customer" usually serves the broker.

use serde::{Deserialize, Serialize};

use super::faction::joined;
use super::*;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    /// The product or service they are customers of.
    pub product: String,
    pub role: CustomerRole,
    /// Who they are: a group, a segment, a person.
    pub who: String,
    /// What they rank highest about it, most important first.
    #[serde(default)]
    pub ranks_highest: Vec<String>,
    /// Which of our functions serves them.
    #[serde(default)]
    pub served_by: String,
}

/// How a customer stands to the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CustomerRole {
    /// Uses it and lives with it.
    EndUser,
    /// Stands between the end-user and us: buys, sells, prescribes, passes on.
    Broker,
    /// Deals with it when it goes wrong.
    Fixer,
}

impl CustomerRole {
    pub const ALL: [CustomerRole; 3] = [
        CustomerRole::EndUser,
        CustomerRole::Broker,
        CustomerRole::Fixer,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CustomerRole::EndUser => "end-user",
            CustomerRole::Broker => "broker",
            CustomerRole::Fixer => "fixer",
        }
    }

    /// Plural, for a column of the map.
    pub fn heading(self) -> &'static str {
        match self {
            CustomerRole::EndUser => "End-users",
            CustomerRole::Broker => "Brokers",
            CustomerRole::Fixer => "Fixers",
        }
    }
}

impl Kind for Customer {
    const KIND: ItemKind = ItemKind::Customer;
    const LABEL: &'static str = "customer";
    const HEADING: &'static str = "Who the customers are";
    const COUNTED: (&'static str, &'static str) = ("customer named", "customers named");
    const COLUMNS: &'static [&'static str] =
        &["Product", "Role", "Who", "Ranks highest", "Served by"];
    const TIMED: bool = false;

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            required(text(
                "product",
                "Product or service",
                "the thing we make and are blamed for",
                false,
            )),
            choice("role", "Role", &CustomerRole::ALL, CustomerRole::label, 0),
            required(text(
                "who",
                "Who",
                "uses it, passes it on, or fixes it",
                false,
            )),
            text(
                "ranks",
                "What they rank highest",
                "one per line, most important first",
                true,
            ),
            text("served_by", "Which of our functions serves them", "", false),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("product", &self.product);
        f.set_choice("role", pos(&CustomerRole::ALL, &self.role));
        f.set_text("who", &self.who);
        f.set_text("ranks", &self.ranks_highest.join("\n"));
        f.set_text("served_by", &self.served_by);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Customer {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            product: form.text("product"),
            role: pick(&CustomerRole::ALL, form.choice("role")),
            who: form.text("who"),
            ranks_highest: form.list("ranks"),
            served_by: form.text("served_by"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (
            format!("{} · {}", self.role.label(), trunc(&self.product, 24)),
            &self.who,
        )
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("product".into(), trunc(&self.product, 200)),
            (self.role.label().into(), trunc(&self.who, 200)),
            ("ranks highest".into(), joined(&self.ranks_highest)),
            ("served by".into(), trunc(&self.served_by, 200)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.product),
            Cell::Word(self.role.label()),
            Cell::Text(&self.who),
            Cell::List(&self.ranks_highest),
            Cell::OrNone(&self.served_by, "nobody named"),
        ]
    }

    fn words(&self) -> Vec<&str> {
        let mut out = vec![self.product.as_str(), &self.who, &self.served_by];
        out.extend(self.ranks_highest.iter().map(String::as_str));
        out
    }
}
