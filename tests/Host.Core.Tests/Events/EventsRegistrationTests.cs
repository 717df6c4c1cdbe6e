using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>How <c>AddExtensibilityHost</c> registers the generated mediator next to an application's.</summary>
public sealed class EventsRegistrationTests
{
    private static readonly IConfiguration Empty = new ConfigurationBuilder().Build();

    private sealed class ApplicationPublisher : IPublisher
    {
        public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification => ValueTask.CompletedTask;

        public ValueTask Publish(object notification, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    [Fact]
    public void AddExtensibilityHost_AfterTheApplicationRegisteredAnotherPublisher_ThrowsRatherThanLoseEvents()
    {
        var services = new ServiceCollection();
        services.AddScoped<IPublisher, ApplicationPublisher>();

        var exception = Assert.Throws<InvalidOperationException>(() => services.AddExtensibilityHost(Empty));

        Assert.Contains("Call AddExtensibilityHost before the application's AddMediator", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddExtensibilityHost_ValidatedOnBuild_EveryEventServiceResolves()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Empty);
        services.AddExtensibilityHost(Empty);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IPublisher>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Events.IEventPublisher>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Events.SubscriptionService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Events.DeliveryService>());
    }

    [Fact]
    public void AddExtensibilityHost_CalledTwice_RegistersTheMediatorOnce()
    {
        var services = new ServiceCollection();

        services.AddExtensibilityHost(Empty);
        services.AddExtensibilityHost(Empty);

        Assert.Single(services, d => d.ServiceType == typeof(IPublisher));
        Assert.Single(services, d => d.ServiceType == typeof(INotificationHandler<Core.Events.DomainEvent>));
    }
}
