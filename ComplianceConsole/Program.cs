using ComplianceConsole;
using ComplianceConsole.Security.Files;

OwnerOnlyUmask.Apply();
var builder = WebApplication.CreateBuilder(ApplicationFolder.Options(args));
builder.AddApplicationServices();

var app = builder.Build();
try
{
    if (await AppCommands.RunAsync(app, args) is { } exitCode)
    {
        Environment.ExitCode = exitCode;
        return;
    }
    app.UseConsole();
    app.Run();
}
// A test host sees the refusal itself; the process prints it without a stack trace and exits non-zero.
catch (StartupRefusedException refused) when (ApplicationFolder.IsOwnProcess)
{
    app.Logger.LogCritical("Not starting: {Reason}", refused.Message);
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 1;
}

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
