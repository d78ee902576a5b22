using ComplianceConsole.Data;
using Microsoft.AspNetCore.Builder;

namespace ComplianceConsole.Tests.Security;

/// <summary>The app's commands: help writes nothing, a mistake is refused, and a command says where it writes before it does.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cc-cli-").FullName;
    private readonly StringWriter _output = new();

    [Fact]
    public async Task Seed_help_prints_the_options_and_writes_no_database()
    {
        Assert.Equal(0, await RunAsync("seed", "--help"));
        Assert.Contains("--users", _output.ToString());
        Assert.Empty(Directory.GetFiles(_dataFolder));
    }

    [Theory]
    [InlineData("seed-review", "--items")]
    [InlineData("benchmark", "--records")]
    [InlineData("rotate-pii-key", "refused while an instance serves")]
    [InlineData("rotate-audit-key", "refused while an instance serves")]
    [InlineData("audit verify", "--witness")]
    [InlineData("copy-to-postgres", "--target")]
    public async Task Every_command_s_help_says_what_it_takes_and_writes_nothing(string command, string expected)
    {
        Assert.Equal(0, await RunAsync([.. command.Split(' '), "--help"]));
        Assert.Contains(expected, _output.ToString());
        Assert.Empty(Directory.GetFiles(_dataFolder));
    }

    [Fact]
    public async Task Audit_verify_checks_the_history_where_the_console_keeps_it_and_exits_zero_when_intact()
    {
        Assert.Equal(0, await RunAsync("seed", "--users", "1"));
        Assert.Equal(0, await RunAsync("audit", "verify"));
        Assert.Contains("哈希链完整", _output.ToString());
        Assert.Equal(2, await RunAsync("audit", "verify", "--witness", Path.Combine(_dataFolder, "no-such-witness.log")));
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_a_message_and_a_non_zero_exit_code_and_nothing_is_written()
    {
        Assert.NotEqual(0, await RunAsync("seed", "--userz", "5"));
        Assert.Contains("--userz", _output.ToString());
        Assert.Empty(Directory.GetFiles(_dataFolder));
    }

    [Fact]
    public async Task A_mistyped_value_is_refused_with_a_non_zero_exit_code()
    {
        Assert.NotEqual(0, await RunAsync("seed-review", "--items", "many"));
        Assert.Contains("many", _output.ToString());
        Assert.Empty(Directory.GetFiles(_dataFolder));
    }

    [Fact]
    public async Task A_command_names_the_database_and_data_folder_it_writes_to_before_writing()
    {
        Assert.Equal(0, await RunAsync("seed", "--users", "1"));
        var printed = _output.ToString();
        Assert.Contains($"Data folder: {_dataFolder}", printed);
        Assert.Contains(Path.Combine(_dataFolder, "compliance-console.db"), printed);
        Assert.True(printed.IndexOf("Data folder:", StringComparison.Ordinal) < printed.IndexOf("Seeded 1 platform users", StringComparison.Ordinal), printed);
    }

    [Fact]
    public async Task No_command_or_only_the_host_s_own_options_means_the_app_serves()
    {
        Assert.Null(await RunAsync());
        Assert.Null(await RunAsync("--urls", "http://127.0.0.1:5999"));
    }

    private async Task<int?> RunAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder([.. args, $"--{DataFolder.ConfigurationKey}={_dataFolder}", $"--{DatabaseSettings.ProviderKey}=Sqlite",
            "--ConnectionStrings:Default=", "--Logging:LogLevel:Default=Warning"]);
        builder.AddApplicationServices();
        await using var app = builder.Build();
        return await AppCommands.RunAsync(app, args, _output, _output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
