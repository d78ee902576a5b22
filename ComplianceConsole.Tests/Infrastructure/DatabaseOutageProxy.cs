using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// A TCP relay on loopback between one test app and the shared PostgreSQL test server, which does to that app alone what a
/// server restart or failover does (the server itself, shared by every test, is never touched): <see cref="GoDown"/> resets every
/// open connection and refuses new ones, <see cref="ComeBack"/> lets them through again.
/// </summary>
public sealed class DatabaseOutageProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _server;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _down;
    private int _refused;

    /// <summary>Relays to the server of <paramref name="serverConnectionString"/>.</summary>
    public DatabaseOutageProxy(string serverConnectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        _server = new DnsEndPoint(server.Host!, server.Port);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The same connection string, through this proxy.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.ToString();

    /// <summary>Connections refused while down, so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void GoDown()
    {
        _down = true;
        foreach (var socket in _open.Keys) Reset(socket);
    }

    public void ComeBack() => _down = false;

    /// <summary>Waits until the app has been refused <paramref name="count"/> more connections than now: it has felt the outage.</summary>
    public async Task WaitForRefusalsAsync(int count)
    {
        var until = Refused + count;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (Refused < until)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The app did not try to reach the database.");
            await Task.Delay(20);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            if (_down)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_server, _stopping.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception)
        {
            // Reset by GoDown or by either end: both ends go, as with a server that went away.
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReceiveAsync(buffer, _stopping.Token)) > 0) await to.SendAsync(buffer.AsMemory(0, read), _stopping.Token);
    }

    /// <summary>Closes with a reset, as a server process that died does, not an orderly close.</summary>
    private void Reset(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception)
        {
            // Already closed.
        }
        socket.Dispose();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var socket in _open.Keys) Reset(socket);
        _stopping.Dispose();
    }
}
