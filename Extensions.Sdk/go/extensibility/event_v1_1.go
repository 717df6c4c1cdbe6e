//go:build saas_v1_1

package extensibility

// Event is a domain event raised by the SaaS application (saas:extensibility/types.event, @1.1.0).
type Event struct {
	// ID is unique per event and the same on every delivery attempt, so handlers can de-duplicate.
	ID string
	// EventType is the application's name for the kind of event, e.g. "order.placed".
	EventType string
	// TenantID is the tenant the event belongs to: always the tenant that owns the component.
	TenantID string
	// OccurredAt is when the event happened, in milliseconds since the Unix epoch (UTC).
	OccurredAt uint64
	// Payload is the event body as JSON text: as the application published it, or as an earlier
	// synchronous handler replaced it (asynchronous handlers see the final payload).
	Payload string
	// Metadata says where the event comes from (new in 1.1).
	Metadata EventMetadata
}

// EventMetadata says where an event comes from (saas:extensibility/types.event-metadata, new in 1.1).
type EventMetadata struct {
	// CorrelationID groups the events of one operation: set by the publisher, else the id of the
	// first event of the chain; an event raised in reaction to another keeps it.
	CorrelationID string
	// Depth is 0 for an event the application raised on its own, one more for each event raised
	// in reaction to another; the host refuses events deeper than 8.
	Depth uint32
}
