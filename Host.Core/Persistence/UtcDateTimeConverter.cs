using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// Every <see cref="DateTime"/> the host stores is UTC; SQLite hands it back without a kind. This
/// converter marks what is read as UTC, once, so no caller has to (and JSON carries the <c>Z</c>).
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value,
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
