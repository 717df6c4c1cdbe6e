using System.Text.RegularExpressions;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Event types: two or more dot-separated segments, each a lowercase letter followed by lowercase
/// letters, digits or <c>-</c> (<c>order.placed</c>, <c>invoice.payment-failed</c>, <c>crm.contact.v2.merged</c>),
/// at most 200 characters. Safe as a URL path segment without escaping, and reads as noun-then-verb.
/// </summary>
public static partial class EventTypeName
{
    /// <summary>The longest event type.</summary>
    public const int MaxLength = 200;

    /// <summary>Why a value is not an event type, for validation messages.</summary>
    public const string Rule = "an event type is two or more dot-separated lowercase segments, each starting with a letter and then letters, digits or '-' (e.g. 'order.placed'), at most 200 characters";

    /// <summary>Whether <paramref name="value"/> is a valid event type.</summary>
    public static bool IsValid(string? value) => value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    // \z, not $: $ would also accept a trailing newline.
    [GeneratedRegex(@"\A[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
