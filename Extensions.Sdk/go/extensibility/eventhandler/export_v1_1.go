//go:build saas_v1_1

package eventhandler

import "extensibilityhost.dev/guest/extensibility"

// The event record arrives flattened, field by field: 12 core parameters with metadata's string
// and u32, still within the canonical ABI's 16 (beyond them it would come by pointer).
//
//go:wasmexport saas:extensibility/event-handler@1.1.0#handle
func handle(idPtr, idLength, typePtr, typeLength, tenantPtr, tenantLength uint32, occurredAt int64, payloadPtr, payloadLength uint32,
	correlationIDPtr, correlationIDLength, depth uint32) uint32 {
	return respond(extensibility.Event{
		ID:         extensibility.TakeString(idPtr, idLength),
		EventType:  extensibility.TakeString(typePtr, typeLength),
		TenantID:   extensibility.TakeString(tenantPtr, tenantLength),
		OccurredAt: uint64(occurredAt),
		Payload:    extensibility.TakeString(payloadPtr, payloadLength),
		Metadata: extensibility.EventMetadata{
			CorrelationID: extensibility.TakeString(correlationIDPtr, correlationIDLength),
			Depth:         depth,
		},
	})
}

//go:wasmexport cabi_post_saas:extensibility/event-handler@1.1.0#handle
func postHandle(uint32) { extensibility.PostReturn() }
