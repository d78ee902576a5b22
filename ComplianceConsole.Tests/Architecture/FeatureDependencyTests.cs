namespace ComplianceConsole.Tests.Architecture;

/// <summary>
/// One dependency rule for the whole app. A feature may use the plumbing (Common, Data, Security, Localization, Identifiers,
/// Components) and the shared features' contracts (Audit, Jobs, Exports, Retention, Webhooks, Dashboard: places others plug
/// into; PlatformUsers: the platform's accounts that verification, review, the registry and retention all refer to); any other
/// edge, and every edge from the plumbing or the shared places back into a feature, must be written on the allow-list
/// (<c>allowed-dependencies.txt</c>, beside this file), which only shrinks: an entry no longer needed fails too.
/// </summary>
public sealed class FeatureDependencyTests
{
    private static readonly string[] Plumbing = ["Common", "Data", "Security", "Localization", "Identifiers", "Components"];
    private static readonly string[] SharedPlaces =
        ["Features.Audit", "Features.Jobs", "Features.Exports", "Features.Retention", "Features.Webhooks", "Features.Dashboard", "Features.PlatformUsers"];

    private static bool AllowedByRule(string edge)
    {
        var (from, to) = (edge.Split(" -> ")[0], edge.Split(" -> ")[1]);
        if (from == "Data.Migrations") return to == "Data"; // a migration carries its own SQL, frozen as it was
        if (Plumbing.Contains(from)) return Plumbing.Contains(to);
        if (Plumbing.Contains(to)) return true;
        // Shared places also build on each other's contracts: an export is a job, the webhooks' health is a dashboard section.
        return SharedPlaces.Contains(to);
    }

    private static IReadOnlyList<string> AllowList()
    {
        var path = Path.Combine(SourceFolder(), "allowed-dependencies.txt");
        return File.ReadAllLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;

    [Fact]
    public void Every_dependency_between_parts_follows_the_rule_or_is_on_the_allow_list()
    {
        var allowed = AllowList().ToHashSet(StringComparer.Ordinal);
        var breaking = DependencyGraph.Edges.Where(e => !AllowedByRule(e) && !allowed.Contains(e)).Order(StringComparer.Ordinal).ToList();
        Assert.True(breaking.Count == 0, "Dependencies outside the rule and not on the allow-list:\n" + string.Join("\n", breaking));
    }

    [Fact]
    public void The_allow_list_holds_only_edges_that_still_exist_so_it_only_shrinks()
    {
        var stale = AllowList().Where(e => !DependencyGraph.Edges.Contains(e) || AllowedByRule(e)).ToList();
        Assert.True(stale.Count == 0, "Remove these lines from allowed-dependencies.txt (no longer needed):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_graph_sees_the_features_and_a_dependency_known_to_exist()
    {
        Assert.Contains("Features.Review", DependencyGraph.Parts);
        Assert.Contains("Features.Review -> Features.Audit", DependencyGraph.Edges);
    }
}
