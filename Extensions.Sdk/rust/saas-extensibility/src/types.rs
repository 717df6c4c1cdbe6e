/// A domain event raised by the SaaS application (`saas:extensibility/types.event`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unique id of this event; the same on every delivery attempt, so handlers can de-duplicate.
    pub id: String,
    /// The application's name for the kind of event, e.g. `order.placed`.
    pub event_type: String,
    /// The tenant the event belongs to: always the tenant that owns the running component.
    pub tenant_id: String,
    /// When the event happened, in milliseconds since the Unix epoch (UTC).
    pub occurred_at: u64,
    /// The event body as JSON text: as the application published it, or as an earlier
    /// synchronous handler replaced it (asynchronous handlers see the final payload).
    pub payload: String,
    /// Where the event comes from (`@1.1.0` only).
    #[cfg(feature = "v1_1")]
    pub metadata: EventMetadata,
}

/// Where an event comes from (`saas:extensibility/types.event-metadata`, `@1.1.0` only).
#[cfg(feature = "v1_1")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMetadata {
    /// Groups the events of one operation: set by the publisher, else the id of the first event
    /// of the chain; an event raised in reaction to another keeps it.
    pub correlation_id: String,
    /// 0 for an event the application raised on its own, one more for each event raised in
    /// reaction to another; the host refuses events deeper than 8.
    pub depth: u32,
}

/// What a synchronous handler decides about the operation that raised the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Let the operation go on unchanged.
    Proceed,
    /// Stop the operation; the publisher receives this reason.
    Veto(String),
    /// Go on with this JSON payload instead; later handlers and the publisher see it.
    Replace(String),
}

/// A failure reported by the extension itself (as opposed to a trap or a timeout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// A short machine-readable code chosen by the extension, e.g. `invalid-payload`.
    pub code: String,
    /// A human-readable explanation, shown in the invocation log.
    pub message: String,
}

impl Failure {
    /// A failure with the given code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.into(), message: message.into() }
    }
}
