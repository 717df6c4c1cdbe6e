//go:build !saas_v1_1

package extensibility

// Event is a domain event raised by the SaaS application (saas:extensibility/types.event).
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
}
