// {{name}}: an extension point (world saas:extensibility/point-extension@1.0.0), built with the
// standard Go toolchain. fmt.Println and panics go to the invocation log; so does extensibility.Info.
package main

import (
	"encoding/json"
	"fmt"

	"extensibilityhost.dev/guest/extensibility"
	"extensibilityhost.dev/guest/extensibility/extensionpoint"
)

func init() { extensionpoint.Serve(invoke) }

func invoke(point, input string) (string, error) {
	if !json.Valid([]byte(input)) {
		return "", extensibility.Fail("bad-input", "expected JSON input")
	}

	// Settings the operator's admins manage per component.
	greeting, ok := extensibility.Config("greeting")
	if !ok {
		greeting = "hello"
	}
	fmt.Println("{{name}} serving " + point)
	extensibility.Info("{{name}} answered " + point)
	output, err := json.Marshal(map[string]any{"point": point, "greeting": greeting, "input": json.RawMessage(input)})
	if err != nil {
		return "", err
	}
	return string(output), nil
}

func main() {}
