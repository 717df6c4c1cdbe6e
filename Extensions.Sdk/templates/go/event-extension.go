// {{name}}: an event handler (world saas:extensibility/event-extension@1.0.0), built with the
// standard Go toolchain. fmt.Println and panics go to the invocation log; so does extensibility.Info.
package main

import (
	"fmt"
	"strconv"
	"strings"

	"extensibilityhost.dev/guest/extensibility"
	"extensibilityhost.dev/guest/extensibility/eventhandler"
)

func init() { eventhandler.Handle(handle) }

func handle(event extensibility.Event) (extensibility.Decision, error) {
	fmt.Printf("{{name}} received %s %s\n", event.EventType, event.ID)

	// A synchronous subscription may stop the operation that raised the event.
	if strings.Contains(event.Payload, `"blocked":true`) {
		return extensibility.Veto("blocked by {{name}}"), nil
	}

	// State that survives between calls lives in the host's key-value store.
	seen := 1
	if stored, ok := extensibility.Get("seen"); ok {
		if n, err := strconv.Atoi(string(stored)); err == nil {
			seen = n + 1
		}
	}
	if err := extensibility.Set("seen", []byte(strconv.Itoa(seen))); err != nil {
		return extensibility.Decision{}, err
	}
	extensibility.Info(fmt.Sprintf("{{name}} has seen %d event(s)", seen))
	return extensibility.Proceed(), nil
}

func main() {}
