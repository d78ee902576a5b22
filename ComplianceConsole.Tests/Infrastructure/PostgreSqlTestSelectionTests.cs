using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// Keeps the PostgreSQL project's list of database-free test files (<c>DatabaseFreeTest</c> in
/// ComplianceConsole.Tests.PostgreSql.csproj) honest: a file is on it exactly when its source names no app and no database.
/// </summary>
public sealed class PostgreSqlTestSelectionTests
{
    /// <summary>What a test file that builds an app or touches a database names: TestApp or an app fixture, a DbContext, a database driver.</summary>
    private static readonly Regex TouchesDatabase = new(@"\b\w*App\b|DbContext|Sqlite|Npgsql|PostgreSql|TestDatabase", RegexOptions.CultureInvariant);

    /// <summary>Folders the PostgreSQL project leaves out for other reasons, and this file, which names what it looks for.</summary>
    private static readonly string[] NotConsidered = ["bin/", "obj/", "Browser/", "Infrastructure/PostgreSqlTestSelectionTests.cs"];

    [Fact]
    public void A_test_file_that_builds_an_app_or_touches_a_database_is_never_left_out_of_the_PostgreSQL_run()
    {
        var wrong = DatabaseFreeList().Where(file => TouchesDatabase.IsMatch(File.ReadAllText(Path.Combine(TestsFolder, file)))).ToList();
        Assert.True(wrong.Count == 0,
            $"Take these off DatabaseFreeTest in ComplianceConsole.Tests.PostgreSql.csproj (they use the app or a database): {string.Join(", ", wrong)}");
    }

    [Fact]
    public void A_test_file_that_touches_no_database_is_listed_so_PostgreSQL_does_not_run_it_again()
    {
        var listed = DatabaseFreeList().ToHashSet();
        Assert.NotEmpty(listed);
        var missing = TestFiles().Where(file => !listed.Contains(file) && !TouchesDatabase.IsMatch(File.ReadAllText(Path.Combine(TestsFolder, file)))).ToList();
        Assert.True(missing.Count == 0,
            $"Add these to DatabaseFreeTest in ComplianceConsole.Tests.PostgreSql.csproj (they touch no database): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_listed_file_exists()
    {
        Assert.All(DatabaseFreeList(), file => Assert.True(File.Exists(Path.Combine(TestsFolder, file)), file));
    }

    private static string TestsFolder => Path.Combine(RepositoryRoot, "ComplianceConsole.Tests");

    private static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ComplianceConsole.sln"))) return folder.FullName;
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds ComplianceConsole.sln.");
        }
    }

    /// <summary>The listed files, relative to ComplianceConsole.Tests, with forward slashes.</summary>
    private static IEnumerable<string> DatabaseFreeList()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot, "ComplianceConsole.Tests.PostgreSql", "ComplianceConsole.Tests.PostgreSql.csproj"));
        return project.Descendants("DatabaseFreeTest").Select(item => item.Attribute("Include")!.Value.Replace('\\', '/'))
            .Select(path => path.StartsWith("../ComplianceConsole.Tests/", StringComparison.Ordinal) ? path["../ComplianceConsole.Tests/".Length..] : path);
    }

    /// <summary>The files of ComplianceConsole.Tests that hold tests, relative to it, with forward slashes.</summary>
    private static IEnumerable<string> TestFiles() =>
        Directory.EnumerateFiles(TestsFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestsFolder, path).Replace('\\', '/'))
            .Where(file => !NotConsidered.Any(file.StartsWith))
            .Where(file => Regex.IsMatch(File.ReadAllText(Path.Combine(TestsFolder, file)), @"\[(Fact|Theory)\b"));
}
