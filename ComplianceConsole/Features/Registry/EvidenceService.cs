using ComplianceConsole.Common;
using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Registry;

/// <summary>
/// Evidence files of consents and assessments: checked against the configured size and kinds (by their bytes, not only
/// their name), encrypted into the data folder under a name of our own (owner-only, never executable), with the
/// SHA-256 of the file as uploaded recorded; every download is permission-checked and audited.
/// </summary>
public sealed class EvidenceService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, EncryptedFiles files,
    DataFolder dataFolder, IOptions<RegistryOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.EvidenceMaxBytes;

    public string AcceptedExtensions => string.Join(",", options.Value.EvidenceExtensions);

    /// <summary>The evidence folder under the data folder (the retention purge removes files of purged consents from it).</summary>
    public const string FolderName = "evidence";

    private string Folder => dataFolder.File(FolderName);

    public async Task<IReadOnlyList<EvidenceRow>> ListAsync(EvidenceOwner owner, long ownerId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EvidenceFiles.AsNoTracking().Where(f => f.Owner == owner && f.OwnerId == ownerId).OrderBy(f => f.Id)
            .Select(f => new EvidenceRow(f.Id, f.FileName, f.ContentType, f.SizeBytes, f.Sha256, f.UploadedAtUtc, f.UploadedByName))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<EvidenceRow>> UploadAsync(EvidenceOwner owner, long ownerId, Stream content, string fileName, long declaredSize,
        CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        var name = Path.GetFileName(fileName).Trim();
        if (name.Length is 0 or > RegistryRules.MaxFileNameLength) return Result.Refused("Registry.Evidence.BadName", RegistryRules.MaxFileNameLength);
        if (SafeText.HasForbiddenCharacters(name)) return Result.Refused("Validation.ForbiddenCharacters");
        var extension = Path.GetExtension(name);
        if (!options.Value.EvidenceExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            return Result.Refused("Registry.Evidence.WrongKind", AcceptedExtensions);
        if (declaredSize > MaxBytes) return Result.Refused("Registry.Evidence.TooLarge", MaxBytes / (1024 * 1024));

        using var buffer = new MemoryStream();
        var read = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(read, cancellationToken)) > 0)
        {
            if (buffer.Length + n > MaxBytes) return Result.Refused("Registry.Evidence.TooLarge", MaxBytes / (1024 * 1024));
            buffer.Write(read, 0, n);
        }
        var bytes = buffer.ToArray();
        if (EvidenceFileTypes.ContentTypeOf(extension, bytes) is not { } contentType) return Result.Refused("Registry.Evidence.NotWhatItSays", extension);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ownerExists = owner switch
        {
            EvidenceOwner.Consent => await db.BiometricConsents.AnyAsync(c => c.Id == ownerId, cancellationToken),
            _ => await db.Assessments.AnyAsync(a => a.Id == ownerId, cancellationToken),
        };
        if (!ownerExists) return Result.Refused("Registry.Evidence.NoOwner");

        var stored = new EvidenceFile
        {
            Owner = owner, OwnerId = ownerId, FileName = name, ContentType = contentType, SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), StoredName = $"{Guid.NewGuid():N}.bin",
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedByName = actor.ShownName,
        };
        var path = Path.Combine(Folder, stored.StoredName);
        await files.WriteAsync(path, bytes, cancellationToken);
        try
        {
            db.EvidenceFiles.Add(stored);
            await RegistryWrites.SaveNewWithAuditAsync(db, audit, actor, AuditActions.EvidenceUploaded, "EvidenceFile", () => stored.Id,
                () => new { owner, ownerId, stored.FileName, stored.SizeBytes, stored.Sha256 }, cancellationToken);
        }
        catch
        {
            File.Delete(path); // the row was not written: no file without its record
            throw;
        }
        return Result<EvidenceRow>.Ok(new EvidenceRow(stored.Id, stored.FileName, stored.ContentType, stored.SizeBytes, stored.Sha256, stored.UploadedAtUtc, stored.UploadedByName));
    }

    /// <summary>One evidence file, decrypted, for someone who may read the registry; the download is audited.</summary>
    public async Task<EvidenceDownload?> OpenAsync(long id, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        var path = file is null ? null : Path.Combine(Folder, file.StoredName);
        if (file is null || !File.Exists(path)) return null;
        var content = await files.ReadAsync(path, cancellationToken);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.EvidenceDownloaded, "EvidenceFile", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { file.FileName, file.Sha256 }, cancellationToken);
        return new EvidenceDownload(content, file.ContentType, file.FileName);
    }
}
