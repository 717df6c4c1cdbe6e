namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// The connect callback's refusal: the end point is not the request's allowed origin, or the
/// allowed name resolves only to addresses the host does not connect to by name. Its message is
/// the host's, fit for the guest.
/// </summary>
internal sealed class OutboundConnectionRefusedException(string message) : IOException(message);
