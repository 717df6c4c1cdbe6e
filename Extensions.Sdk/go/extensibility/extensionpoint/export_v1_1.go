//go:build saas_v1_1

package extensionpoint

import "extensibilityhost.dev/guest/extensibility"

//go:wasmexport saas:extensibility/extension-point@1.1.0#invoke
func invoke(pointPtr, pointLength, inputPtr, inputLength uint32) uint32 {
	return respond(extensibility.TakeString(pointPtr, pointLength), extensibility.TakeString(inputPtr, inputLength))
}

//go:wasmexport cabi_post_saas:extensibility/extension-point@1.1.0#invoke
func postInvoke(uint32) { extensibility.PostReturn() }
