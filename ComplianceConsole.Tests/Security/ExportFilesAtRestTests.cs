using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Exports.Storage;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>An export never rests in plaintext, not even half-written, and what a crash leaves behind is gone at the next start.</summary>
public sealed class ExportFilesAtRestTests
{
    private const string Name = "欧阳娜娜", Identifier = "11010519491231002X";

    [Fact]
    public async Task An_export_being_written_rests_only_in_its_sealed_file_which_is_not_a_readable_workbook_and_holds_no_name_or_identifier()
    {
        using var app = new TestApp();
        var storage = app.Services.GetRequiredService<ExportStorage>();
        var cancellationToken = TestContext.Current.CancellationToken;
        var inspected = new List<(string Name, byte[] Bytes)>();
        await using (var file = storage.Create(1))
        {
            var sealedFile = storage.Seal(file);
            await ExportWorkbookWriter.WriteAsync(Content(), Rows(100_000), sealedFile, new ExportSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
                _ =>
                {
                    inspected.AddRange(Directory.GetFiles(storage.Folder).Select(path => (Path.GetFileName(path), ReadWhileOpen(path))));
                    return Task.CompletedTask;
                }, cancellationToken);
            await sealedFile.CompleteAsync(cancellationToken);
        }

        Assert.Contains(inspected, f => f.Bytes.Length > 4); // chunks were sealed while the rows were still being written
        Assert.All(inspected, f =>
        {
            Assert.Equal("1.xlsx.sealed", f.Name);
            Assert.False(f.Bytes.AsSpan().StartsWith("PK\u0003\u0004"u8), "the file is a plain zip (workbook)");
            Assert.Equal(-1, f.Bytes.AsSpan().IndexOf("xl/worksheets/"u8)); // entry names are stored as they are in a plain zip
            Assert.Equal(-1, f.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Name)));
            Assert.Equal(-1, f.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Identifier)));
        });
        await using var workbook = storage.OpenWorkbook(1)!;
        var start = new byte[2];
        await workbook.ReadExactlyAsync(start, cancellationToken);
        Assert.Equal("PK"u8.ToArray(), start); // the finished workbook itself reads
    }

    private static byte[] ReadWhileOpen(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        return bytes;
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
        [new("Id", ExportCellType.Code, 22), new("Name", ExportCellType.Text, 20)], ["证件号码 / Id", "姓名 / Name"], 100_000, 1_048_575);

    /// <summary>Rows that differ, so the workbook outgrows the first sealed chunk well before its last row.</summary>
    private static async IAsyncEnumerable<object?[]> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 1_000 == 0) await Task.Yield();
            yield return [$"{Identifier}{i}", $"{Name}{i}"];
        }
    }
}
