using ExtensibilityHost.Core.Persistence.Configurations;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>Keeps the key cap within what the database column of <see cref="DatabaseKeyValueStore"/> holds.</summary>
internal sealed class KeyValueOptionsValidator : IValidateOptions<KeyValueOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyValueOptions options) =>
        options.MaxKeyBytes > Lengths.KeyValueKey
            ? ValidateOptionsResult.Fail(
                $"{KeyValueOptions.SectionName}:MaxKeyBytes must be at most {Lengths.KeyValueKey}, the length of the persisted key column.")
            : ValidateOptionsResult.Success;
}
