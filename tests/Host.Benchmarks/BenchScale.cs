namespace ExtensibilityHost.Benchmarks;

/// <summary>How much <c>all</c> measures: the full run (a few minutes on 2 cores) or <c>--quick</c> (about a minute, noisier).</summary>
internal sealed record BenchScale
{
    public static BenchScale Full { get; } = new()
    {
        Name = "full",
        LatencyCalls = 200_000,
        Events = 5_000,
        OutboxCap = TimeSpan.FromMinutes(2),
        HttpRound = TimeSpan.FromSeconds(5),
        HttpRounds = 4,
        Invocations = 1_000_000,
        InvocationSample = 100_000,
        ColdStartVersions = 200,
        GuestCalls = 200,
    };

    public static BenchScale Quick { get; } = new()
    {
        Name = "quick",
        LatencyCalls = 40_000,
        Events = 500,
        OutboxCap = TimeSpan.FromSeconds(30),
        HttpRound = TimeSpan.FromSeconds(1),
        HttpRounds = 2,
        Invocations = 100_000,
        InvocationSample = 10_000,
        ColdStartVersions = 100,
        GuestCalls = 50,
    };

    public required string Name { get; init; }

    /// <summary>Fresh-sandbox calls per latency variant.</summary>
    public required int LatencyCalls { get; init; }

    /// <summary>Events per event figure.</summary>
    public required int Events { get; init; }

    /// <summary>How long the end-to-end outbox figure may wait for its deliveries.</summary>
    public required TimeSpan OutboxCap { get; init; }

    /// <summary>The length of one HTTP round (and of each endpoint's warm-up).</summary>
    public required TimeSpan HttpRound { get; init; }

    /// <summary>Interleaved HTTP rounds per endpoint.</summary>
    public required int HttpRounds { get; init; }

    /// <summary>Fresh-sandbox invocations of the RSS trend.</summary>
    public required int Invocations { get; init; }

    /// <summary>Invocations between two RSS samples.</summary>
    public required int InvocationSample { get; init; }

    /// <summary>Versions uploaded, approved and called for the first time, per node.</summary>
    public required int ColdStartVersions { get; init; }

    /// <summary>First calls sampled per guest language.</summary>
    public required int GuestCalls { get; init; }
}
