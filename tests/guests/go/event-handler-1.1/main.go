// Go guest for saas:extensibility@1.1.0, world event-extension: the SDK package built with the
// tag saas_v1_1 (build.sh passes it), made a component with the WASI reactor adapter like
// go/event-handler, its 1.0 sibling. It uses outbound-http, logging, key-value and the event's
// metadata; the same behaviour as rust/std-event-handler-1.1.
//
// Behaviour (tests assert it; keep tests/guests/README.md in step):
//   - counts its calls in key-value "events" (decimal text), every event;
//   - event-type "order.fetch" with payload {"url": "<url>"} -> GET <url> through outbound-http:
//     ok(replace({"status":<status>,"body":<body as a JSON string>})) for any response, or
//     ok(replace({"error":"<case>: <reason>"})) ({"error":"timeout"}) when the host answers err;
//     a payload without a string "url" -> err(failure { code: "invalid-payload", … });
//   - event-type "order.meta" -> ok(replace({"correlationId":<metadata.correlation-id>,"depth":<metadata.depth>}));
//   - otherwise: logs info "go-1.1 logged <event-type>, call <count>" -> ok(proceed).
package main

import (
	"encoding/json"
	"fmt"
	"strconv"

	"extensibilityhost.dev/guest/extensibility"
	"extensibilityhost.dev/guest/extensibility/eventhandler"
)

func init() { eventhandler.Handle(handle) }

func handle(event extensibility.Event) (extensibility.Decision, error) {
	count := 1
	if stored, ok := extensibility.Get("events"); ok {
		if n, err := strconv.Atoi(string(stored)); err == nil {
			count = n + 1
		}
	}
	if err := extensibility.Set("events", []byte(strconv.Itoa(count))); err != nil {
		return extensibility.Decision{}, extensibility.Fail("kv", err.Error())
	}

	switch event.EventType {
	case "order.fetch":
		var payload map[string]json.RawMessage
		var url string
		if json.Unmarshal([]byte(event.Payload), &payload) != nil || json.Unmarshal(payload["url"], &url) != nil {
			return extensibility.Decision{}, extensibility.Fail("invalid-payload", `order.fetch needs a payload {"url": "<url>"}`)
		}
		response, err := extensibility.Fetch(extensibility.HTTPRequest{Method: "GET", URL: url})
		if err != nil {
			return extensibility.Replace(marshal(struct {
				Error string `json:"error"`
			}{err.Error()})), nil
		}
		return extensibility.Replace(marshal(struct {
			Status uint16 `json:"status"`
			Body   string `json:"body"`
		}{response.Status, response.Body})), nil
	case "order.meta":
		return extensibility.Replace(marshal(struct {
			CorrelationID string `json:"correlationId"`
			Depth         uint32 `json:"depth"`
		}{event.Metadata.CorrelationID, event.Metadata.Depth})), nil
	default:
		extensibility.Info(fmt.Sprintf("go-1.1 logged %s, call %d", event.EventType, count))
		return extensibility.Proceed(), nil
	}
}

// marshal is json.Marshal of a value that always encodes (strings and numbers).
func marshal(value any) string {
	text, err := json.Marshal(value)
	if err != nil {
		panic(err)
	}
	return string(text)
}

func main() {}
