using ComplianceConsole;
using ComplianceConsole.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
app.UseApplicationPipeline();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapApplicationEndpoints();
app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
