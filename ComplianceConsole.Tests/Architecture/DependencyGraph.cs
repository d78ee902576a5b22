using NetArchTest.Rules;

namespace ComplianceConsole.Tests.Architecture;

/// <summary>Which top-level parts of the app (each feature, and the plumbing folders) refer to which, read from the compiled types.</summary>
public static class DependencyGraph
{
    private const string Root = "ComplianceConsole";

    /// <summary>The features (<c>Features/&lt;Name&gt;</c>) and the plumbing (<c>Data</c>, <c>Security</c>, <c>Common</c>, ...), by namespace.</summary>
    public static IReadOnlyList<string> Parts { get; } = typeof(Program).Assembly.GetTypes()
        .Where(t => t.Name != "_Imports") // Razor's compiled imports files carry a folder's namespace and nothing else
        .Select(t => PartOf(t.Namespace)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    private static readonly Types CompiledTypes = Types.InAssembly(typeof(Program).Assembly);

    /// <summary>Every edge "from refers to to", as "From -> To", between different parts: one scan of the types for each part referred to.</summary>
    public static IReadOnlySet<string> Edges { get; } = Parts
        .SelectMany(to => CompiledTypes.That().HaveDependencyOnAny(Namespace(to)).GetTypes()
            // HaveDependencyOn matches by prefix: Features.Review must not count Features.ReviewX, nor Data count Data.Migrations as another part.
            .Where(t => t.Name != "_Imports")
            .Select(t => PartOf(t.Namespace)).OfType<string>().Where(from => from != to)
            .Select(from => $"{from} -> {to}"))
        .ToHashSet(StringComparer.Ordinal);

    private static string Namespace(string part) => $"{Root}.{part}";

    /// <summary>"Features.Review" for anything under ComplianceConsole.Features.Review, "Data.Migrations" for migrations, "Data" for the rest of Data.</summary>
    public static string? PartOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        var parts = ns[(Root.Length + 1)..].Split('.');
        if (parts[0] == "Features" && parts.Length > 1) return $"Features.{parts[1]}";
        if (parts[0] == "Data" && parts.Length > 1 && parts[1] == "Migrations") return "Data.Migrations";
        return parts[0];
    }
}
