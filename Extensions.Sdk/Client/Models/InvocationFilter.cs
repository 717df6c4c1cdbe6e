namespace ExtensibilityHost.Sdk.Client;

/// <summary>Filters and paging of the invocation log.</summary>
public sealed record InvocationFilter
{
    /// <summary>Only this component's invocations.</summary>
    public string? Component { get; init; }

    /// <summary>Only this outcome (wire name).</summary>
    public string? Outcome { get; init; }

    /// <summary>Only the invocations that handled this event.</summary>
    public string? EventId { get; init; }

    /// <summary>Started at or after (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Records to skip (a page's <see cref="InvocationPage.NextOffset"/>).</summary>
    public int? Offset { get; init; }

    /// <summary>Records per page, 1–200 (default 50).</summary>
    public int? Limit { get; init; }
}
