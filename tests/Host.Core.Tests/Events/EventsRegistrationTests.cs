using Mediator;
using Microsoft.Extensions.Configuration;

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
    public void AddExtensibilityHost_ValidatedOnBuild_EveryEventServiceResolvesToItsImplementationOncePerScope()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Empty);
        services.AddExtensibilityHost(Empty);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // The mediator generated in Host.Core: any other IPublisher would never deliver domain events to tenants.
        var publisher = ResolveScoped<IPublisher>(provider);
        Assert.Equal(typeof(Core.Events.DomainEvent).Assembly, publisher.GetType().Assembly);
        Assert.IsType<Core.Events.EventPublisher>(ResolveScoped<Core.Events.IEventPublisher>(provider));
        ResolveScoped<Core.Events.SubscriptionService>(provider);
        ResolveScoped<Core.Events.DeliveryService>(provider);
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

    /// <summary>
    /// Resolves <typeparamref name="T"/> and asserts it is scoped: one instance within a scope, another
    /// in the next (the event services share the request's scoped <c>HostDbContext</c>).
    /// </summary>
    private static T ResolveScoped<T>(ServiceProvider provider)
        where T : class
    {
        using var scope = provider.CreateScope();
        using var other = provider.CreateScope();

        var resolved = scope.ServiceProvider.GetRequiredService<T>();

        Assert.Same(resolved, scope.ServiceProvider.GetRequiredService<T>());
        Assert.NotSame(resolved, other.ServiceProvider.GetRequiredService<T>());
        return resolved;
    }
}
