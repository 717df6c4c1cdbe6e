using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>
/// The key-value import of <c>ext test</c>: one component's entries in a JSON file, so state carries
/// over from one test run to the next and can be seeded or inspected by hand. Text values are JSON
/// strings, other bytes <c>{"base64": "…"}</c>. Loaded when created, written by <see cref="Save"/>.
/// The entry limit is the host's (<see cref="KeyValueOptions"/>).
/// </summary>
internal sealed class FileKeyValueStore : IKeyValueStore
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _path;
    private readonly KeyValueOptions _options;
    private readonly Dictionary<string, byte[]> _entries = new(StringComparer.Ordinal);
    private bool _changed;

    public FileKeyValueStore(string path, KeyValueOptions options)
    {
        _path = Path.GetFullPath(path);
        _options = options;
        if (!File.Exists(_path))
        {
            return;
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(_path)) as JsonObject
                ?? throw new JsonException("the file is not a JSON object");
            foreach (var (key, value) in root)
            {
                _entries[key] = value switch
                {
                    JsonValue text when text.TryGetValue<string>(out var s) => Encoding.UTF8.GetBytes(s),
                    JsonObject { Count: 1 } binary when binary["base64"] is JsonValue b && b.TryGetValue<string>(out var base64) => Convert.FromBase64String(base64),
                    _ => throw new JsonException($"the value of '{key}' is neither a string nor {{\"base64\": \"…\"}}"),
                };
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new CliException($"{path} is not a key-value file ({exception.Message}). It is a JSON object of keys to strings or {{\"base64\": \"…\"}}; delete it to start empty.");
        }
    }

    /// <summary>The file.</summary>
    public string FilePath => _path;

    /// <summary>How many keys the store holds.</summary>
    public int Count => _entries.Count;

    public byte[]? Get(KeyValueScope scope, string key) => _entries.GetValueOrDefault(key);

    public string? Set(KeyValueScope scope, string key, byte[] value)
    {
        if (!_entries.ContainsKey(key) && _entries.Count >= _options.MaxEntriesPerComponent)
        {
            return $"entry limit reached: a component may hold at most {_options.MaxEntriesPerComponent} keys";
        }

        _entries[key] = value;
        _changed = true;
        return null;
    }

    public void Delete(KeyValueScope scope, string key) => _changed |= _entries.Remove(key);

    /// <summary>Writes the entries back when a call changed them.</summary>
    public void Save()
    {
        if (!_changed)
        {
            return;
        }

        var root = new JsonObject();
        foreach (var (key, value) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            root[key] = TryText(value, out var text) ? JsonValue.Create(text) : new JsonObject { ["base64"] = Convert.ToBase64String(value) };
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, root.ToJsonString(CliJson.Indented) + "\n");
        _changed = false;
    }

    private static bool TryText(byte[] value, out string text)
    {
        try
        {
            text = s_strictUtf8.GetString(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
