using ExtensibilityHost.Sdk.Wit.Runtime;
using V1_1 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.OutboundHttp;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>What <c>fetch</c> returns: a response, or why there is none (<see cref="Error"/> and its <see cref="Message"/>).</summary>
internal sealed record FetchResult
{
    /// <summary>The response's status, when there is a response.</summary>
    public int Status { get; private init; }

    /// <summary>The response's headers as <c>name: value</c> lines.</summary>
    public string Headers { get; private init; } = "";

    /// <summary>The response's body as text.</summary>
    public string Body { get; private init; } = "";

    /// <summary>Why there is no response, or <see langword="null"/> when there is one.</summary>
    public FetchErrorKind? Error { get; private init; }

    /// <summary>The error's text (none for a timeout): written by the host, never a server's or an exception's words.</summary>
    public string? Message { get; private init; }

    public static FetchResult Response(int status, string headers, string body) => new() { Status = status, Headers = headers, Body = body };

    public static FetchResult Forbidden(string message) => new() { Error = FetchErrorKind.Forbidden, Message = message };

    public static FetchResult InvalidRequest(string message) => new() { Error = FetchErrorKind.InvalidRequest, Message = message };

    public static FetchResult Failed(string message) => new() { Error = FetchErrorKind.Failed, Message = message };

    public static FetchResult Timeout { get; } = new() { Error = FetchErrorKind.Timeout };

    /// <summary>The WIT value: <c>result&lt;response, http-error&gt;</c>.</summary>
    public Result<V1_1.Response, V1_1.HttpError> ToWit() => Error switch
    {
        null => Result<V1_1.Response, V1_1.HttpError>.Ok(new V1_1.Response { Status = (ushort)Status, Headers = Headers, Body = Body }),
        FetchErrorKind.Timeout => Result<V1_1.Response, V1_1.HttpError>.Err(new V1_1.HttpError.Timeout()),
        FetchErrorKind.Forbidden => Result<V1_1.Response, V1_1.HttpError>.Err(new V1_1.HttpError.Forbidden(Message ?? "")),
        FetchErrorKind.InvalidRequest => Result<V1_1.Response, V1_1.HttpError>.Err(new V1_1.HttpError.InvalidRequest(Message ?? "")),
        _ => Result<V1_1.Response, V1_1.HttpError>.Err(new V1_1.HttpError.Failed(Message ?? "")),
    };
}
