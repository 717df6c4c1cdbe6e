using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core;

/// <summary>Returned by <c>AddExtensibilityHost</c> so further features chain onto it.</summary>
/// <param name="Services">The service collection being configured.</param>
public sealed record ExtensibilityHostBuilder(IServiceCollection Services);
