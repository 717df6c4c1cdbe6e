using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ExtensibilityHost.Core.Invocations.Log;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Invocations.Protection;

/// <summary>
/// Runs guest calls on the host's execution slots — a fixed set of dedicated threads, by default
/// one per processor core (at least two) — and hands the slots out fairly between tenants: one tenant holds at
/// most <see cref="InvocationOptions.EffectiveExecutionSlotsPerTenant"/> of them (by default half),
/// and a freed slot goes to the waiting tenant running the fewest calls, in turn.
/// </summary>
/// <remarks>
/// <para>
/// Why dedicated threads: a guest call is a synchronous native call that holds its thread until it
/// returns or reaches its deadline. On the thread pool, a tenant's endless loops (each holding a
/// pool thread for its whole timeout) left the pool short of threads for the request pipeline, and
/// health probes and other tenants' requests waited hundreds of milliseconds for the pool to grow.
/// Here guest code never runs on the pool, and no more guest calls run at once than there are slots.
/// </para>
/// <para>
/// Why a per-tenant share: a call cannot be pre-empted before its deadline, so a tenant that held
/// every slot with 100 ms loops would make every other tenant's call wait up to 100 ms for one.
/// With at most half the slots per tenant, one misbehaving tenant burns at most half the cores and
/// the other half stays free for everyone else and for the host itself.
/// </para>
/// <para>
/// Cancellation only removes a call that has not started; a started call ends at its deadline.
/// The caller's execution context (activity, logging scopes) flows to the guest thread as it does
/// through <see cref="Task.Run(Action)"/>.
/// </para>
/// </remarks>
internal sealed class GuestCallScheduler : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TenantCalls> _tenants = new(StringComparer.Ordinal);
    private readonly List<TenantCalls> _turns = [];
    private readonly int _slots;
    private readonly int _slotsPerTenant;
    private readonly InvocationMetrics _metrics;
    private Thread[]? _threads;
    private bool _disposed;

    public GuestCallScheduler(IOptions<InvocationOptions> options, InvocationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slots = options.Value.EffectiveExecutionSlots;
        _slotsPerTenant = options.Value.EffectiveExecutionSlotsPerTenant;
        _metrics = metrics;
    }

    /// <summary>How many guest calls may run at once.</summary>
    public int Slots => _slots;

    /// <summary>How many of them one tenant may hold.</summary>
    public int SlotsPerTenant => _slotsPerTenant;

    /// <summary>Runs <paramref name="call"/> for <paramref name="tenantId"/> on an execution slot, when one is its turn.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the call started.</exception>
    /// <exception cref="ObjectDisposedException">The scheduler was disposed before the call started.</exception>
    public Task<T> RunAsync<T>(string tenantId, Func<T> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(call);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        // Registered before the call is queued, so no slot can start it before its cancellation is in place.
        var guestCall = new GuestCall<T>(call);
        guestCall.CancelWith(cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _threads ??= StartThreads();
            if (!_tenants.TryGetValue(tenantId, out var tenant))
            {
                tenant = new TenantCalls(tenantId);
                _tenants.Add(tenantId, tenant);
            }

            if (tenant.Waiting.Count == 0)
            {
                _turns.Add(tenant);
            }

            tenant.Waiting.Enqueue(guestCall);
            Monitor.Pulse(_gate);
        }

        return guestCall.Task;
    }

    public void Dispose()
    {
        List<GuestCall> abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = [.. _turns.SelectMany(t => t.Waiting)];
            _turns.Clear();
            _tenants.Clear();
            Monitor.PulseAll(_gate);
        }

        // Running calls end at their deadline on their background threads; nothing waits for them.
        foreach (var call in abandoned)
        {
            call.Abandon(new ObjectDisposedException(nameof(GuestCallScheduler)));
        }
    }

    private Thread[] StartThreads()
    {
        var threads = new Thread[_slots];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(RunSlot)
            {
                IsBackground = true,
                Name = $"wasm-guest-{i}",
            };
            threads[i].Start();
        }

        return threads;
    }

    /// <summary>One execution slot: takes the next call whose turn it is, runs it, gives the tenant's share back.</summary>
    private void RunSlot()
    {
        while (true)
        {
            GuestCall? call;
            TenantCalls? tenant;
            lock (_gate)
            {
                if (!TryTakeNext(out call, out tenant))
                {
                    return;
                }
            }

            _metrics.RecordSlotWait(call.Waited);
            call.Execute();
            lock (_gate)
            {
                tenant.Running--;
                if (tenant.Running == 0 && tenant.Waiting.Count == 0)
                {
                    _tenants.Remove(tenant.TenantId);
                }
            }
        }
    }

    /// <summary>
    /// Under the lock: the next call to start — from the waiting tenant, under its share, that runs
    /// the fewest calls, the earliest in turn — waiting until there is one; false once disposed.
    /// </summary>
    private bool TryTakeNext([NotNullWhen(true)] out GuestCall? call, [NotNullWhen(true)] out TenantCalls? tenant)
    {
        while (!_disposed)
        {
            var next = -1;
            for (var i = 0; i < _turns.Count; i++)
            {
                var running = _turns[i].Running;
                if (running < _slotsPerTenant && (next < 0 || running < _turns[next].Running))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                Monitor.Wait(_gate);
                continue;
            }

            tenant = _turns[next];
            _turns.RemoveAt(next);
            while (tenant.Waiting.TryDequeue(out call))
            {
                if (call.TryStart())
                {
                    tenant.Running++;
                    if (tenant.Waiting.Count > 0)
                    {
                        _turns.Add(tenant);
                    }

                    return true;
                }
            }

            // Every call it had waiting was cancelled.
            if (tenant.Running == 0)
            {
                _tenants.Remove(tenant.TenantId);
            }
        }

        call = null;
        tenant = null;
        return false;
    }

    /// <summary>A tenant's calls waiting for a slot, in order, and how many of its calls are running.</summary>
    private sealed class TenantCalls(string tenantId)
    {
        public string TenantId { get; } = tenantId;

        public Queue<GuestCall> Waiting { get; } = new();

        public int Running { get; set; }
    }

    /// <summary>A call waiting for, or running on, a slot. Started or cancelled exactly once.</summary>
    private abstract class GuestCall
    {
        private const int Queued = 0;
        private const int Started = 1;
        private const int Cancelled = 2;

        private readonly long _queuedAt = Stopwatch.GetTimestamp();
        private readonly ExecutionContext? _context = ExecutionContext.Capture();
        private int _state;

        /// <summary>How long the call waited for its slot (valid once started).</summary>
        public TimeSpan Waited { get; private set; }

        public bool TryStart()
        {
            if (Interlocked.CompareExchange(ref _state, Started, Queued) != Queued)
            {
                return false;
            }

            Waited = Stopwatch.GetElapsedTime(_queuedAt);
            return true;
        }

        public void Execute()
        {
            if (_context is null)
            {
                Run();
            }
            else
            {
                ExecutionContext.Run(_context, static call => ((GuestCall)call!).Run(), this);
            }
        }

        /// <summary>Fails a call that will never start.</summary>
        public void Abandon(Exception reason)
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
            {
                Fail(reason);
            }
        }

        protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

        protected abstract void Run();

        protected abstract void Fail(Exception reason);
    }

    private sealed class GuestCall<T>(Func<T> call) : GuestCall
    {
        // Continuations run on the thread pool, never inline on the guest thread (which must go
        // back to running guest calls).
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _cancellation;

        public Task<T> Task => _completion.Task;

        public void CancelWith(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.UnsafeRegister(static (state, token) =>
                {
                    var self = (GuestCall<T>)state!;
                    if (self.TryCancel())
                    {
                        self._completion.TrySetCanceled(token);
                    }
                }, this);
            }
        }

        protected override void Run()
        {
            _cancellation.Dispose();
            try
            {
                _completion.TrySetResult(call());
            }
            catch (Exception exception)
            {
                // Whatever the call throws belongs to its caller, who awaits it; the slot goes on.
                _completion.TrySetException(exception);
            }
        }

        protected override void Fail(Exception reason)
        {
            _cancellation.Dispose();
            _completion.TrySetException(reason);
        }
    }
}
