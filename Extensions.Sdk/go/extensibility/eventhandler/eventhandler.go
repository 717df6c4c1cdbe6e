// Package eventhandler exports saas:extensibility/event-handler@1.0.0 (world event-extension).
// Register the handler in an init function of package main:
//
//	func init() { eventhandler.Handle(handle) }
package eventhandler

import "extensibilityhost.dev/guest/extensibility"

var handler func(extensibility.Event) (extensibility.Decision, error)

// Handle registers the component's event handler. A returned *extensibility.Failure keeps its
// code; any other error becomes code "error".
func Handle(h func(event extensibility.Event) (extensibility.Decision, error)) { handler = h }

//go:wasmexport saas:extensibility/event-handler@1.0.0#handle
func handle(idPtr, idLength, typePtr, typeLength, tenantPtr, tenantLength uint32, occurredAt int64, payloadPtr, payloadLength uint32) uint32 {
	event := extensibility.Event{
		ID:         extensibility.TakeString(idPtr, idLength),
		EventType:  extensibility.TakeString(typePtr, typeLength),
		TenantID:   extensibility.TakeString(tenantPtr, tenantLength),
		OccurredAt: uint64(occurredAt),
		Payload:    extensibility.TakeString(payloadPtr, payloadLength),
	}
	if handler == nil {
		return extensibility.ReturnDecision(extensibility.Decision{}, extensibility.Fail("no-handler", "eventhandler.Handle was not called in an init function"))
	}
	return extensibility.ReturnDecision(handler(event))
}

//go:wasmexport cabi_post_saas:extensibility/event-handler@1.0.0#handle
func postHandle(uint32) { extensibility.PostReturn() }
