using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Exports;

/// <summary>
/// An inspector opens an export and saves it again with no edit, in LibreOffice or with openpyxl: the programs rewrite every
/// part (shared strings, renumbered styles, date serials to 15 significant digits), and the console still recognises the
/// export, its data unaltered and its signed cover intact.
/// </summary>
public sealed class ExportResaveTests(ResaveApp app) : IClassFixture<ResaveApp>
{
    private static readonly ExportKind[] KindsWithTimes = [ExportKind.VerificationLedger, ExportKind.ContentHandlingRecords, ExportKind.StaffAuditLog];

    [Fact]
    public async Task Exports_resaved_by_LibreOffice_are_recognised_as_resaved()
    {
        ExternalTools.Require(ExternalTools.Soffice, "libreoffice-calc-nogui");
        var exports = await ExportAllAsync();
        var folder = Directory.CreateTempSubdirectory("cc-lo-").FullName;
        try
        {
            var output = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;
            ExternalTools.ResaveWithLibreOffice(exports.Select(e => Write(folder, e.Kind, e.Bytes)).ToList(), output);
            foreach (var export in exports) await AssertResavedAsync(export, await File.ReadAllBytesAsync(Path.Combine(output, $"{export.Kind}.xlsx")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Exports_resaved_by_openpyxl_are_recognised_as_resaved()
    {
        ExternalTools.RequirePythonModule("openpyxl", "python3-openpyxl");
        var exports = await ExportAllAsync();
        var folder = Directory.CreateTempSubdirectory("cc-openpyxl-").FullName;
        try
        {
            foreach (var export in exports)
            {
                var file = Write(folder, export.Kind, export.Bytes);
                var saved = ExternalTools.Run(ExternalTools.Python,
                    ["-c", "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", file, file + ".resaved.xlsx"], folder);
                Assert.True(saved.ExitCode == 0, saved.Output);
                await AssertResavedAsync(export, await File.ReadAllBytesAsync(file + ".resaved.xlsx"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<List<(ExportKind Kind, byte[] Bytes, long Id)>> ExportAllAsync()
    {
        var exports = new List<(ExportKind, byte[], long)>();
        foreach (var kind in KindsWithTimes)
        {
            var (bytes, id) = await app.ExportAsync(kind);
            exports.Add((kind, bytes, id));
        }
        return exports;
    }

    private async Task AssertResavedAsync((ExportKind Kind, byte[] Bytes, long Id) export, byte[] resaved)
    {
        Assert.NotEqual(export.Bytes, resaved);
        var result = await ExportApp.VerifyAsync(app.App, resaved);
        Assert.True(result.Verdict == ExportVerdict.Resaved,
            $"{export.Kind}: {result.Verdict} {result.SignatureProblem} [{string.Join("; ", result.DifferingCoverFields ?? [])}] {result.CoverDigest} {result.DataDigest}");
        Assert.Equal(export.Id, result.Export?.Id);
        // Each of these kinds has a date-time column: with a row there is a date serial for the re-save to round.
        Assert.True(ExportWorkbookReader.Read(new MemoryStream(resaved)).Rows > 0, $"{export.Kind} has no rows.");
    }

    private static string Write(string folder, ExportKind kind, byte[] bytes)
    {
        var path = Path.Combine(folder, $"{kind}.xlsx");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
