namespace ExtensibilityHost.Core.Invocations;

/// <summary>Either a <see cref="PreparedExtension"/> or the reason tenant code cannot run (a result with a status other than ran).</summary>
internal readonly record struct ExtensionPreparation(PreparedExtension? Ready, ExtensionRunResult? Refused);
