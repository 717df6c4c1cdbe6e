namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>The cases of the WIT <c>http-error</c> variant.</summary>
internal enum FetchErrorKind
{
    /// <summary><c>forbidden</c>: not allowed for this component (or this call); nothing was sent.</summary>
    Forbidden,

    /// <summary><c>invalid-request</c>: malformed or over a cap; nothing was sent.</summary>
    InvalidRequest,

    /// <summary><c>timeout</c>: the deadline ran out before the response was read.</summary>
    Timeout,

    /// <summary><c>failed</c>: resolution, connection or TLS failed, or the response was over a cap.</summary>
    Failed,
}
