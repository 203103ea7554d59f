//! Connect timeouts of the hops inside the service, where the caller is not a client population
//! (whose own `connect_timeout_ms` is a scenario setting).
//!
//! A dead host, a dead database or a partition does not answer a connection attempt: the caller
//! waits until its connect timeout, holding whatever it holds meanwhile (a balancer its
//! request, an app process its worker).

/// A load balancer's connect timeout to a target, in seconds: an AWS Application Load
/// Balancer returns 504 when "the load balancer failed to establish a connection to the target
/// before the connection timeout expired (10 seconds)" (Elastic Load Balancing, Application
/// Load Balancers, "Troubleshoot your Application Load Balancers", HTTP 504).
pub const LB_CONNECT_TIMEOUT_S: f64 = 10.0;

/// An app's connect timeout to its database, in seconds: the PostgreSQL JDBC driver's
/// `connectTimeout` defaults to 10 seconds (pgJDBC, "Connecting to the Database",
/// connection parameters).
pub const DB_CONNECT_TIMEOUT_S: f64 = 10.0;
