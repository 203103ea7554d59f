//! Which links make sense, as a rule with a name rather than a sentence, so the editor can
//! refuse a link and the UI can say why in either language (`crate::i18n::describe_reason`).

use std::fmt;

use super::{DbRole, Kind};

/// Why a link between two kinds of component is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkRule {
    StandbyNotTarget,
    ClientsOnlyStart,
    DatabaseOnlyAnswers,
    ChainLbThroughDns,
    AppOnlyToDatabases,
    ClientsNeedApp,
    DnsAnswersLbOrApp,
    LbOnlyToApps,
}

impl LinkRule {
    pub const ALL: [LinkRule; 8] = [
        LinkRule::StandbyNotTarget,
        LinkRule::ClientsOnlyStart,
        LinkRule::DatabaseOnlyAnswers,
        LinkRule::ChainLbThroughDns,
        LinkRule::AppOnlyToDatabases,
        LinkRule::ClientsNeedApp,
        LinkRule::DnsAnswersLbOrApp,
        LinkRule::LbOnlyToApps,
    ];

    /// The English wording, as `model::validate` reports it.
    pub fn text(self) -> &'static str {
        use LinkRule::*;
        match self {
            StandbyNotTarget => "connect the app to the primary: its standby takes over by itself",
            ClientsOnlyStart => "nothing sends requests to clients: they only start them",
            DatabaseOnlyAnswers => "a database only answers queries; it does not send requests",
            ChainLbThroughDns => "chain load balancers through DNS instead",
            AppOnlyToDatabases => "an app server sends requests only to databases",
            ClientsNeedApp => "clients reach a database only through an app server",
            DnsAnswersLbOrApp => "DNS answers with load balancers or app servers",
            LbOnlyToApps => "a load balancer forwards only to app servers",
        }
    }
}

impl fmt::Display for LinkRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// Whether a link from a component of kind `from` to one of kind `to` makes sense, and why not.
/// Requests flow clients -> DNS -> load balancer -> app server -> database, so no link list
/// that passes this rule can form a loop.
pub fn link_rule(from: &Kind, to: &Kind) -> Result<(), LinkRule> {
    use Kind::*;
    use LinkRule::*;
    match (from, to) {
        (Clients(_), Dns(_) | LoadBalancer(_) | AppServer(_)) => Ok(()),
        (Dns(_), LoadBalancer(_) | AppServer(_)) => Ok(()),
        (LoadBalancer(_), AppServer(_)) => Ok(()),
        (AppServer(_), Database(d)) if d.role == DbRole::Standby => Err(StandbyNotTarget),
        (AppServer(_), Database(_)) => Ok(()),
        (_, Clients(_)) => Err(ClientsOnlyStart),
        (Database(_), _) => Err(DatabaseOnlyAnswers),
        (LoadBalancer(_), LoadBalancer(_)) => Err(ChainLbThroughDns),
        (AppServer(_), _) => Err(AppOnlyToDatabases),
        (Clients(_), Database(_)) => Err(ClientsNeedApp),
        (Dns(_), _) => Err(DnsAnswersLbOrApp),
        (LoadBalancer(_), _) => Err(LbOnlyToApps),
    }
}
