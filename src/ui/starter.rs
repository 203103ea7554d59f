//! A stand-in for the single-server preset until the catalog's presets land.

use crate::model::*;

pub fn single_server() -> Scenario {
    let mut s = Scenario::empty("Single server");
    s.regions.push(Region {
        code: "ap-northeast-2".into(),
        rect: Rect { x: 0.0, y: 0.0, w: 900.0, h: 420.0 },
        zones: vec![Zone { name: "a".into() }, Zone { name: "b".into() }],
    });
    let place = Placement::new("ap-northeast-2", "a");
    s.components.push(Component {
        id: "users".into(),
        place: place.clone(),
        x: 100.0,
        y: 200.0,
        kind: Kind::Clients(Clients::default()),
    });
    s.components.push(Component {
        id: "app-1".into(),
        place: place.clone(),
        x: 300.0,
        y: 200.0,
        kind: Kind::AppServer(AppServer::default()),
    });
    s.components.push(Component {
        id: "db-1".into(),
        place,
        x: 300.0,
        y: 320.0,
        kind: Kind::Database(Database { host: Some("app-1".into()), ..Database::default() }),
    });
    s.links.push(Link { from: "users".into(), to: "app-1".into(), rtt_ms: None });
    s.links.push(Link { from: "app-1".into(), to: "db-1".into(), rtt_ms: None });
    s
}
