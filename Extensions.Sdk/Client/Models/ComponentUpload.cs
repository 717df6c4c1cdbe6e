namespace ExtensibilityHost.Sdk.Client;

/// <summary>What an upload made: the version, and whether it is new (false: these bytes were uploaded to the component before).</summary>
public sealed record ComponentUpload(VersionInfo Version, bool Created);
