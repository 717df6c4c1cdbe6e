namespace ExtensibilityHost.Sdk.Client;

/// <summary>
/// The typed client of the ExtensibilityHost HTTP API v1, grouped by area. Register it with
/// <c>services.AddExtensibilityHostClient(...)</c>, or construct it over an <see cref="HttpClient"/>
/// whose base address is the host and whose <c>Authorization</c> header carries an API key.
/// Every method takes a cancellation token; a problem the host answers with is thrown as an
/// <see cref="ExtensibilityHostException"/> subclass.
/// </summary>
public sealed class ExtensibilityHostClient
{
    private readonly ApiTransport _transport;

    /// <summary>Creates the client over <paramref name="http"/>.</summary>
    public ExtensibilityHostClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _transport = new ApiTransport(http);
        Events = new EventsClient(_transport);
        ExtensionPoints = new ExtensionPointsClient(_transport);
        Exports = new ExportsClient(_transport);
        Subscriptions = new SubscriptionsClient(_transport);
        Components = new ComponentsClient(_transport);
        Invocations = new InvocationsClient(_transport);
        Deliveries = new DeliveriesClient(_transport);
        Reviews = new ReviewsClient(_transport);
    }

    /// <summary>Publishing domain events.</summary>
    public EventsClient Events { get; }

    /// <summary>Calling extension points.</summary>
    public ExtensionPointsClient ExtensionPoints { get; }

    /// <summary>Typed calls of a component's exports.</summary>
    public ExportsClient Exports { get; }

    /// <summary>A tenant's event subscriptions.</summary>
    public SubscriptionsClient Subscriptions { get; }

    /// <summary>Components and their versions; uploads.</summary>
    public ComponentsClient Components { get; }

    /// <summary>The invocation log.</summary>
    public InvocationsClient Invocations { get; }

    /// <summary>Async deliveries and dead letters.</summary>
    public DeliveriesClient Deliveries { get; }

    /// <summary>Review decisions (admin keys).</summary>
    public ReviewsClient Reviews { get; }

    /// <summary>Who the client's API key is.</summary>
    public Task<CallerInfo> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        _transport.GetAsync<CallerInfo>("/api/v1/me", cancellationToken);
}
