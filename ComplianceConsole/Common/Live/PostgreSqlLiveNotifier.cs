using System.Text.Json;
using System.Threading.Channels;
using ComplianceConsole.Data;
using Npgsql;

namespace ComplianceConsole.Common.Live;

/// <summary>
/// The notifier of instances that share a PostgreSQL database: a message reaches this process's subscribers at once, as
/// with <see cref="InProcessLiveNotifier"/>, and is sent with NOTIFY to every other instance, whose long-lived LISTEN
/// connection hands it to theirs. The payload is the message's type and its JSON (ids and states only, far under
/// PostgreSQL's 8,000 bytes); an instance reads a type only if someone in it subscribed to it.
/// A message published while the database cannot be reached reaches this instance only; the listener connects again,
/// and pages catch up with the next message (or their own reload).
/// </summary>
internal sealed class PostgreSqlLiveNotifier(InProcessLiveNotifier local, DatabaseSettings database, ILogger<PostgreSqlLiveNotifier> logger)
    : BackgroundService, ILiveNotifier
{
    private const string ChannelName = "compliance_console_live";
    private const int MaxPayloadBytes = 7_900;

    // A transaction's notifications are queued together on the server, whose queue holds 8 GB: a thousand of 8 KB at most is far below.
    private const int MaxMessagesASend = 1_000;
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);

    // Messages this instance sent come back to its own LISTEN: they are known by this id and not delivered twice.
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish<TMessage>(TMessage message) where TMessage : notnull
    {
        local.Publish(message);
        var payload = $"{_origin}|{typeof(TMessage).FullName}|{JsonSerializer.Serialize(message)}";
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            logger.LogWarning("A {Message} is too large to send to the other instances.", typeof(TMessage).Name);
            return;
        }
        _outbox.Writer.TryWrite(payload);
    }

    public IDisposable Subscribe<TMessage>(Action<TMessage> handler) where TMessage : notnull => local.Subscribe(handler);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));

    /// <summary>
    /// One sender, so the other instances hear this one's messages in the order they were published. What waits is sent together, in
    /// order, by one statement: a content batch publishes a message for each case it touched, and a round trip each kept the
    /// database busy with hundreds of them a batch.
    /// </summary>
    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            var payloads = new List<string>();
            while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                payloads.Clear();
                while (payloads.Count < MaxMessagesASend && _outbox.Reader.TryRead(out var payload)) payloads.Add(payload);
                try
                {
                    await using var connection = new NpgsqlConnection(database.ConnectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var notify = new NpgsqlCommand(
                        "SELECT pg_notify(@channel, payload) FROM unnest(@payloads) WITH ORDINALITY AS sent(payload, n) ORDER BY n", connection);
                    notify.Parameters.AddWithValue("channel", ChannelName);
                    notify.Parameters.AddWithValue("payloads", payloads.ToArray());
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever failed, the sender goes on: a background service that throws would stop the whole app.
                    logger.LogWarning(e, "{Count} live updates could not be sent to the other instances.", payloads.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A dedicated connection that LISTENs for as long as the app runs, connecting again after any failure.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        var listening = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 }.ToString();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                delay = TimeSpan.FromSeconds(1);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for live updates from the other instances failed; connecting again in {Delay}.", delay);
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] == _origin) return;
        if (local.SubscribedType(parts[1]) is not { } type) return;
        try
        {
            if (JsonSerializer.Deserialize(parts[2], type) is { } message) local.Deliver(type, message);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "A live update from another instance could not be read as {Message}.", type.Name);
        }
    }
}
