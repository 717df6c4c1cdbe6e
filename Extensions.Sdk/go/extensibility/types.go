package extensibility

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
