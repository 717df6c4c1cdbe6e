using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ExtensibilityHost.Core.Events;

/// <summary>Checks event payloads (the application's and tenants' replacements): one JSON value, within the size cap.</summary>
internal static class JsonPayload
{
    /// <summary>Null when <paramref name="payload"/> is one JSON value of at most <paramref name="maxBytes"/> UTF-8 bytes; otherwise why not.</summary>
    public static string? Problem(string payload, int maxBytes)
    {
        var byteCount = Encoding.UTF8.GetByteCount(payload);
        if (byteCount > maxBytes)
        {
            return $"the payload is {byteCount} bytes, more than the {maxBytes} allowed";
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(byteCount, 1));
        try
        {
            var length = Encoding.UTF8.GetBytes(payload, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
            try
            {
                while (reader.Read())
                {
                }
            }
            catch (JsonException e)
            {
                return "the payload is not JSON: " + e.Message;
            }

            return reader.BytesConsumed == 0 ? "the payload is empty; send JSON such as {}" : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
