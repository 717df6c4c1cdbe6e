namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>Filters and a page of the invocation log.</summary>
public sealed record InvocationQuery
{
    /// <summary>Most records a page may hold.</summary>
    public const int MaxLimit = 200;

    /// <summary>Only this component's invocations.</summary>
    public string? Component { get; init; }

    /// <summary>Only this outcome (wire name, e.g. <c>timeout</c>).</summary>
    public string? Outcome { get; init; }

    /// <summary>Only the invocations that handled this event.</summary>
    public string? EventId { get; init; }

    /// <summary>Only this version.</summary>
    public Guid? VersionId { get; init; }

    /// <summary>Started at or after (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Started before (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Records to skip (the previous page's <see cref="InvocationPage.NextOffset"/>).</summary>
    public int Offset { get; init; }

    /// <summary>Records per page, 1–<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;
}
