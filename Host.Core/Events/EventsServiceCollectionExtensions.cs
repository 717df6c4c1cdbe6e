using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers domain events: the mediator, event publishing, subscriptions, the outbox and its dispatcher.</summary>
internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventOptions>()
            .Bind(configuration.GetSection(EventOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventOptions>, EventOptionsValidator>());

        // The mediator is generated when Host.Core compiles, from the notifications and handlers it
        // can see then (Host.Core's own). Scoped because handlers use the scoped HostDbContext; the
        // generated types are internal so an application running its own Mediator generator does
        // not get a second public Mediator class.
        var publisher = services.FirstOrDefault(d => d.ServiceType == typeof(IPublisher));
        if (publisher is null)
        {
            services.AddMediator((MediatorOptions options) =>
            {
                options.ServiceLifetime = ServiceLifetime.Scoped;
                options.GenerateTypesAsInternal = true;
                options.NotificationPublisherType = typeof(EveryHandlerNotificationPublisher);
            });
        }
        else if (publisher.ImplementationType?.Assembly != typeof(DomainEvent).Assembly)
        {
            // Mediator registers IPublisher with TryAdd, so the first mediator wins: if it is the
            // application's, domain events would silently never reach tenants.
            throw new InvalidOperationException(
                "An IPublisher is already registered (the application's own Mediator?). Call AddExtensibilityHost before the "
                + "application's AddMediator, so IPublisher delivers domain events to tenants; see docs/events.md.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IValidator<DomainEvent>, DomainEventValidator>();
        services.TryAddSingleton<IValidator<UpsertSubscription>, UpsertSubscriptionValidator>();
        services.TryAddScoped<IEventPublisher, EventPublisher>();
        services.TryAddSingleton<SyncHandlerChain>();
        services.TryAddSingleton<SubscriptionRoutes>();
        services.TryAddScoped<OutboxWriter>();
        services.TryAddSingleton<OutboxCommitQueue>();
        services.TryAddScoped<SubscriptionService>();
        services.TryAddSingleton<DeliveryTransitions>();
        services.TryAddScoped(sp => new DeliveryService(sp.GetRequiredService<HostDbContext>(), sp.GetRequiredService<DeliveryTransitions>()));

        services.TryAddSingleton<OutboxDispatcher>();
        // After DatabaseMigrator (registered earlier): the outbox table must exist.
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<EventOptions>>().Value.RunDispatcher
            ? sp.GetRequiredService<OutboxDispatcher>()
            : NoDispatcher.Instance);
        return services;
    }

    /// <summary>Stands in for the dispatcher on a node configured not to run it.</summary>
    private sealed class NoDispatcher : IHostedService
    {
        public static readonly NoDispatcher Instance = new();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
