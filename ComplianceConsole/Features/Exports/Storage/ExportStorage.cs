using ComplianceConsole.Data;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Exports.Storage;

/// <summary>Where export files rest: <c>exports/</c> in the data folder, readable by the app's own account only, encrypted.</summary>
public sealed class ExportStorage(DataFolder dataFolder, PiiProtector protector)
{
    public string Folder => dataFolder.File("exports");

    public string FileOf(long exportId) => Path.Combine(Folder, $"{exportId}.xlsx.sealed");

    public FileStream Create(long exportId)
    {
        EncryptedFiles.CreateOwnerOnlyFolder(Folder);
        return EncryptedFiles.CreateOwnerOnly(FileOf(exportId), FileMode.Create);
    }

    public EncryptedExportWriter Seal(Stream file) => new(file, protector);

    public Stream? OpenWorkbook(long exportId) =>
        File.Exists(FileOf(exportId)) ? new EncryptedExportReader(File.OpenRead(FileOf(exportId)), protector) : null;

    public void Delete(long exportId)
    {
        if (File.Exists(FileOf(exportId))) File.Delete(FileOf(exportId));
    }
}
