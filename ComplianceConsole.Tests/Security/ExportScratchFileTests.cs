using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Security;

/// <summary>An export never rests in plaintext, not even half-written, and what a crash leaves behind is gone at the next start.</summary>
public sealed class ExportScratchFileTests
{
    private const string Name = "欧阳娜娜", Identifier = "11010519491231002X";

    [Fact]
    public async Task The_scratch_file_of_an_export_being_written_is_not_a_readable_workbook_and_holds_no_name_or_identifier()
    {
        var scratchPath = Path.Combine(Directory.CreateTempSubdirectory("cc-scratch-").FullName, "1.writing.tmp");
        var inspected = new List<byte[]>();
        using var output = new MemoryStream();
        await ExportWorkbookWriter.WriteAsync(Content(), Rows(25_000), output, scratchPath, new ExportSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
            _ =>
            {
                using var scratch = new FileStream(scratchPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var bytes = new byte[scratch.Length];
                scratch.ReadExactly(bytes);
                inspected.Add(bytes);
                return Task.CompletedTask;
            }, TestContext.Current.CancellationToken);

        Assert.NotEmpty(inspected);
        Assert.All(inspected, bytes =>
        {
            Assert.True(bytes.Length > 4, "the scratch file had nothing written yet");
            Assert.False(bytes.AsSpan().StartsWith("PK\u0003\u0004"u8), "the scratch file is a plain zip (workbook)");
            Assert.Equal(-1, bytes.AsSpan().IndexOf("xl/worksheets/"u8)); // entry names are stored as they are in a plain zip
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Name)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Identifier)));
        });
        Assert.StartsWith("PK", Encoding.ASCII.GetString(output.ToArray(), 0, 2)); // the finished workbook itself reads
        Assert.False(File.Exists(scratchPath));
    }

    [Fact]
    public void Scratch_and_half_sealed_files_a_crash_left_in_the_exports_folder_are_gone_after_start_up()
    {
        string dataFolder;
        using (var first = new TestApp { KeepDataFolder = true })
        {
            _ = first.Services;
            dataFolder = first.DataFolderPath;
        }
        var exports = Directory.CreateDirectory(Path.Combine(dataFolder, "exports")).FullName;
        File.WriteAllText(Path.Combine(exports, "41.writing.tmp"), $"{Name} {Identifier}");
        File.WriteAllText(Path.Combine(exports, "41.xlsx.sealed"), "half a sealed file");

        using var restarted = new TestApp(dataFolderPath: dataFolder);
        _ = restarted.Services;
        Assert.Empty(Directory.GetFiles(exports));
    }

    private static ExportWorkbookContent Content() => new(
        "测试 / Test", "manager@example.cn", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        [
            new("数据行数 / Data rows", ExportWorkbookWriter.RowCountPlaceholder), new("数据摘要 / Data digest", ExportWorkbookWriter.DigestPlaceholder),
            new("数字签名 / Signature", ExportWorkbookWriter.SignaturePlaceholder),
        ],
        [new("Id", ExportCellType.Code, 22), new("Name", ExportCellType.Text, 20)], ["证件号码 / Id", "姓名 / Name"], 25_000, 1_048_575);

    private static async IAsyncEnumerable<object?[]> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 1_000 == 0) await Task.Yield();
            yield return [Identifier, Name];
        }
    }
}
