// Package extensionpoint exports saas:extensibility/extension-point@1.0.0 (world point-extension),
// or @1.1.0 with the build tag saas_v1_1.
// Register the implementation in an init function of package main:
//
//	func init() { extensionpoint.Serve(invoke) }
package extensionpoint

import "extensibilityhost.dev/guest/extensibility"

var implementation func(point, input string) (string, error)

// Serve registers the component's extension point: it receives the point's name and JSON
// input and returns JSON output. A returned *extensibility.Failure keeps its code; any other
// error becomes code "error".
func Serve(f func(point, input string) (string, error)) { implementation = f }

func respond(point, input string) uint32 {
	if implementation == nil {
		return extensibility.ReturnOutput("", extensibility.Fail("no-implementation", "extensionpoint.Serve was not called in an init function"))
	}
	return extensibility.ReturnOutput(implementation(point, input))
}
