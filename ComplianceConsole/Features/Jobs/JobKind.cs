using System.Text.Json;

namespace ComplianceConsole.Features.Jobs;

/// <summary>The work a job of one kind does with its input, on the job host, as the person who asked for it.</summary>
public interface IJobHandler<in TInput>
{
    Task<JobResult> RunAsync(TInput input, JobContext job, CancellationToken cancellationToken);
}

/// <summary>
/// A kind of job: its name (stored on each <see cref="JobRecord"/> and shown localised as <c>JobKind.{Name}</c>),
/// the permission it needs when it is queued and again when it starts, and whether an interrupted run may be run again.
/// </summary>
public abstract class JobKind(string name, string permission, bool canRerun, IReadOnlyList<string>? lineHeaderKeys)
{
    public string Name { get; } = name;
    public string Permission { get; } = permission;
    public bool CanRerun { get; } = canRerun;

    /// <summary>Column headings (localisation keys) of the lines a job of this kind shows in its result, e.g. an import's bad rows.</summary>
    public IReadOnlyList<string> LineHeaderKeys { get; } = lineHeaderKeys ?? [];

    internal abstract Task<JobResult> RunAsync(IServiceProvider services, string inputJson, JobContext job, CancellationToken cancellationToken);
}

/// <summary>A job kind whose input is a <typeparamref name="TInput"/> and whose work is done by <typeparamref name="THandler"/>.</summary>
public sealed class JobKind<TInput, THandler>(string name, string permission, bool canRerun = true, IReadOnlyList<string>? lineHeaderKeys = null)
    : JobKind(name, permission, canRerun, lineHeaderKeys)
    where THandler : IJobHandler<TInput>
{
    internal static string Serialize(TInput input) => JsonSerializer.Serialize(input);

    internal override Task<JobResult> RunAsync(IServiceProvider services, string inputJson, JobContext job, CancellationToken cancellationToken) =>
        services.GetRequiredService<THandler>().RunAsync(JsonSerializer.Deserialize<TInput>(inputJson)!, job, cancellationToken);
}
