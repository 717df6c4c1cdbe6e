// Go guest built with the standard Go toolchain (GOOS=wasip1 GOARCH=wasm -buildmode=c-shared),
// made a component with the WASI reactor adapter. World event-extension, through the SDK
// package (Extensions.Sdk/go).
//
// Behaviour (tests assert it; keep tests/guests/README.md in step):
//   - prints "go handler: <event-type> <id>" to stdout and logs info "go logged <event-type>";
//   - counts its calls in key-value "events" (decimal text);
//   - payload contains "forbidden"  -> ok(veto("go says no"));
//   - event-type is "order.rewrite" -> ok(replace({"rewrittenBy":"go","count":<calls so far>}));
//   - payload contains "fail"       -> err(failure { code: "go-fail", message: "go failed on <event-type>" });
//   - otherwise                     -> ok(proceed).
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
	fmt.Printf("go handler: %s %s\n", event.EventType, event.ID)
	extensibility.Info("go logged " + event.EventType)

	count := 1
	if stored, ok := extensibility.Get("events"); ok {
		if n, err := strconv.Atoi(string(stored)); err == nil {
			count = n + 1
		}
	}
	if err := extensibility.Set("events", []byte(strconv.Itoa(count))); err != nil {
		return extensibility.Decision{}, err
	}

	switch {
	case strings.Contains(event.Payload, "forbidden"):
		return extensibility.Veto("go says no"), nil
	case event.EventType == "order.rewrite":
		return extensibility.Replace(fmt.Sprintf(`{"rewrittenBy":"go","count":%d}`, count)), nil
	case strings.Contains(event.Payload, "fail"):
		return extensibility.Decision{}, extensibility.Fail("go-fail", "go failed on "+event.EventType)
	default:
		return extensibility.Proceed(), nil
	}
}

func main() {}
