using ComplianceConsole;
using ComplianceConsole.Security.Files;

OwnerOnlyUmask.Apply();
var builder = WebApplication.CreateBuilder(ApplicationFolder.Options(args));
try
{
    builder.AddApplicationServices();
}
// The data folder is opened here, before there is a logger: a file in it the app cannot make owner-only.
catch (StartupRefusedException refused) when (ApplicationFolder.IsOwnProcess)
{
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 1;
    return;
}

var app = builder.Build();
try
{
    if (await AppCommands.RunAsync(app, args) is { } exitCode)
    {
        Environment.ExitCode = exitCode;
        return;
    }
    app.UseConsole();
    // Not app.Run(), which disposes the host when start-up fails: a test host that has not yet looked at it would then find
    // it disposed instead of the reason it did not start.
    await app.StartAsync();
    await app.WaitForShutdownAsync();
    await app.DisposeAsync();
}
// A test host sees the refusal itself; the process prints it without a stack trace and exits non-zero.
catch (StartupRefusedException refused) when (ApplicationFolder.IsOwnProcess)
{
    app.Logger.LogCritical("Not starting: {Reason}", refused.Message);
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 1;
    await app.DisposeAsync();
}

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
