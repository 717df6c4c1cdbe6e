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
	// Payload is the event body as JSON text, exactly as the application published it.
	Payload string
}

// DecisionKind says what a synchronous handler decided.
type DecisionKind uint8

const (
	// KindProceed lets the operation go on unchanged.
	KindProceed DecisionKind = iota
	// KindVeto stops the operation; the publisher receives the reason.
	KindVeto
	// KindReplace goes on with another JSON payload.
	KindReplace
)

// Decision is what a synchronous handler decides about the operation that raised the event.
type Decision struct {
	Kind DecisionKind
	// Text is the veto reason or the replacement payload.
	Text string
}

// Proceed lets the operation go on unchanged.
func Proceed() Decision { return Decision{Kind: KindProceed} }

// Veto stops the operation; the publisher receives reason.
func Veto(reason string) Decision { return Decision{Kind: KindVeto, Text: reason} }

// Replace goes on with payload (JSON) instead; later handlers and the publisher see it.
func Replace(payload string) Decision { return Decision{Kind: KindReplace, Text: payload} }

// Failure is a failure the extension reports itself (as opposed to a trap or a timeout).
// Return it as the error of a handler to choose the code; any other error becomes code "error".
type Failure struct {
	// Code is short and machine-readable, e.g. "invalid-payload".
	Code string
	// Message is shown in the invocation log.
	Message string
}

// Error implements error.
func (f *Failure) Error() string { return f.Code + ": " + f.Message }

// Fail returns a *Failure with the given code and message.
func Fail(code, message string) *Failure { return &Failure{Code: code, Message: message} }
