// Package eventhandler exports saas:extensibility/event-handler@1.0.0 (world event-extension), or
// @1.1.0 with the build tag saas_v1_1.
// Register the handler in an init function of package main:
//
//	func init() { eventhandler.Handle(handle) }
package eventhandler

import "extensibilityhost.dev/guest/extensibility"

var handler func(extensibility.Event) (extensibility.Decision, error)

// Handle registers the component's event handler. A returned *extensibility.Failure keeps its
// code; any other error becomes code "error".
func Handle(h func(event extensibility.Event) (extensibility.Decision, error)) { handler = h }

func respond(event extensibility.Event) uint32 {
	if handler == nil {
		return extensibility.ReturnDecision(extensibility.Decision{}, extensibility.Fail("no-handler", "eventhandler.Handle was not called in an init function"))
	}
	return extensibility.ReturnDecision(handler(event))
}
