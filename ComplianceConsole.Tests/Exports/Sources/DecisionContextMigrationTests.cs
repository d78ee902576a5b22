using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>
/// Decisions made before the DecisionContext migration get their context from its own SQL: November's decisions (escalations among them),
/// taken back to the schema before it and migrated again, read in the registers as they did when the services recorded them.
/// </summary>
public sealed class DecisionContextMigrationTests(LaterChangesApp app) : IClassFixture<LaterChangesApp>
{
    private async Task<List<object?[]>> RowsAsync(ExportKind kind)
    {
        using var scope = app.App.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IExportSource>().Single(s => s.Kind == kind);
        var rows = new List<object?[]>();
        await foreach (var cells in source.ReadAsync(NovemberRegistersApp.Request(kind), TestContext.Current.CancellationToken)) rows.Add(cells);
        return rows;
    }

    [Fact]
    public async Task The_migration_backfills_what_the_decisions_were_made_on_as_the_review_services_record_it()
    {
        var kinds = new[] { ExportKind.ContentHandlingRecords, ExportKind.ComplaintsRegister, ExportKind.SanctionsRegister, ExportKind.RumourRefutations };
        var recorded = new Dictionary<ExportKind, List<object?[]>>();
        foreach (var kind in kinds) recorded[kind] = await RowsAsync(kind);
        Assert.Contains(recorded[ExportKind.ContentHandlingRecords], r => r.Contains("content-f"));

        await using (var db = await app.ContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var decisionContext = migrations.FindIndex(m => m.EndsWith("_DecisionContext", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[decisionContext - 1]);
            await migrator.MigrateAsync(migrations[decisionContext]);
        }

        foreach (var kind in kinds) Assert.Equal(recorded[kind], await RowsAsync(kind));
    }
}
