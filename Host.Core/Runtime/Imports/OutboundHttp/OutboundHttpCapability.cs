using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ExtensibilityHost.Sdk.Wit.Runtime;
using V1_1 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.OutboundHttp;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// <c>saas:extensibility/outbound-http@1.1.0</c>, through the generated bindings: <c>fetch</c> to the
/// origins an admin allowed for the running tenant's component, within the call's deadline.
/// </summary>
/// <remarks>
/// Every check is made before anything is sent: the request's caps, method, URL and headers
/// (<c>invalid-request</c>), then the origin against the component's allow-list (<c>forbidden</c>);
/// the connection itself can reach only that origin (<see cref="OutboundHttpSender"/>). The request
/// gets what is left of the call's deadline (at most <see cref="OutboundHttpOptions.MaxRequestTimeout"/>),
/// so waiting on a server counts like computing. Every argument is a string (headers as lines), so a
/// guest cannot make the host lift one value per element of a list. A shadow run
/// (<see cref="InvocationContext.IsShadow"/>) sends nothing: a replayed request is a side effect
/// elsewhere (a POST, a quota), so it is <c>forbidden</c>.
/// </remarks>
internal sealed partial class OutboundHttpCapability(
    IOutboundOriginSource origins, IOptions<OutboundHttpOptions> options, ILogger<OutboundHttpCapability> logger)
    : IHostCapability, V1_1.IOutboundHttp, IDisposable
{
    private readonly OutboundHttpOptions _options = options.Value;
    private readonly OutboundHttpSender _sender = new(options.Value);

    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        V1_1.OutboundHttpImport.Link(linker, () => this, HostFunction.Guard);
    }

    /// <summary><c>fetch</c> of the running call.</summary>
    public Result<V1_1.Response, V1_1.HttpError> Fetch(V1_1.Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Fetch(InvocationScope.Current, request).ToWit();
    }

    public void Dispose() => _sender.Dispose();

    private FetchResult Fetch(InvocationScope scope, V1_1.Request request)
    {
        var context = scope.Context;
        var method = request.Method;
        if (!_options.Enabled)
        {
            return FetchResult.Forbidden("outbound HTTP is turned off on this host");
        }

        if (context.IsShadow)
        {
            return FetchResult.Forbidden("shadow runs make no outbound requests");
        }

        var checkedRequest = OutboundRequestReader.Read(
            method, request.Url, request.Headers, request.Body, _options, out var invalid);
        if (checkedRequest is null)
        {
            LogInvalid(context.TenantId, context.ComponentName);
            return invalid!;
        }

        var origin = checkedRequest.Origin;
        if (!origins.Allows(context.TenantId, context.ComponentName, origin))
        {
            LogRefused(context.TenantId, context.ComponentName, method, origin, FetchErrorKind.Forbidden);
            return FetchResult.Forbidden($"{origin} is not on this component's allow-list");
        }

        var timeLeft = scope.TimeLeft;
        var budget = timeLeft == Timeout.InfiniteTimeSpan || timeLeft > _options.MaxRequestTimeout ? _options.MaxRequestTimeout : timeLeft;
        if (budget < _options.MinimumTimeLeft || budget <= TimeSpan.Zero)
        {
            LogRefused(context.TenantId, context.ComponentName, method, origin, FetchErrorKind.Timeout);
            return FetchResult.Timeout;
        }

        var started = Stopwatch.GetTimestamp();
        var result = _sender.Send(checkedRequest, budget);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Error is { } error)
        {
            LogFailed(context.TenantId, context.ComponentName, method, origin, error, elapsedMs);
        }
        else
        {
            LogSent(context.TenantId, context.ComponentName, method, origin, result.Status, elapsedMs);
        }

        return result;
    }
}
