namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>An import or export seen by <see cref="KeyValueSetLowering"/>.</summary>
/// <param name="Form">The name's form byte (0x00 or 0x01).</param>
/// <param name="Name">The name.</param>
/// <param name="Sort">0x01 func, 0x03 type, 0x04 component or 0x05 instance.</param>
/// <param name="Index">Its index in its sort (imports only).</param>
internal sealed record ShapeItem(byte Form, string Name, byte Sort, uint Index);
