using ComplianceConsole;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
if (await AppCommands.TryRunAsync(app, args)) return;

app.UseConsole();
try
{
    app.Run();
}
catch (ComplianceConsole.Features.Audit.AuditKeyUnavailableException refused)
{
    // The reason is for the operator, not a stack trace (it is in the log as well).
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 1;
}

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
