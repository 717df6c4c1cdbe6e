//go:build !saas_v1_1

package eventhandler

import "extensibilityhost.dev/guest/extensibility"

// The event record arrives flattened, field by field (9 core parameters).
//
//go:wasmexport saas:extensibility/event-handler@1.0.0#handle
func handle(idPtr, idLength, typePtr, typeLength, tenantPtr, tenantLength uint32, occurredAt int64, payloadPtr, payloadLength uint32) uint32 {
	return respond(extensibility.Event{
		ID:         extensibility.TakeString(idPtr, idLength),
		EventType:  extensibility.TakeString(typePtr, typeLength),
		TenantID:   extensibility.TakeString(tenantPtr, tenantLength),
		OccurredAt: uint64(occurredAt),
		Payload:    extensibility.TakeString(payloadPtr, payloadLength),
	})
}

//go:wasmexport cabi_post_saas:extensibility/event-handler@1.0.0#handle
func postHandle(uint32) { extensibility.PostReturn() }
