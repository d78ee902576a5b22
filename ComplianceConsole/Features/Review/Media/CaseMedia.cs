using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.Media;

/// <summary>
/// A case's media as reviewers see it: fetched by the console the first time someone un-blurs it (so nobody's browser, and no
/// fetch at all, touches the platform's address before then), kept encrypted with the personal-data key under the data
/// folder's <see cref="FolderName"/>, and removed with the content item's media link when retention erases it.
/// </summary>
public sealed class CaseMedia(PermissionGuard guard, IDbContextFactory<AppDbContext> contextFactory, MediaFetcher fetcher, EncryptedFiles encryptedFiles,
    DataFolder dataFolder)
{
    public const string FolderName = "media";

    /// <summary>The media of the case's content item, fetched now if it is not kept yet.</summary>
    public async Task<FetchedMedia> GetAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ReviewCases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.ContentItemId, c.ContentItem!.MediaUrl }).FirstOrDefaultAsync(cancellationToken);
        if (item?.MediaUrl is not { } url) return FetchedMedia.Problem("Media.None");

        var path = PathOf(item.ContentItemId, url);
        if (File.Exists(path))
        {
            var kept = await encryptedFiles.ReadAsync(path, cancellationToken);
            return new FetchedMedia(kept, MediaSniffing.ContentTypeOf(kept), null);
        }
        var fetched = await fetcher.FetchAsync(url, cancellationToken);
        if (fetched.Content is { } content) await KeepAsync(item.ContentItemId, url, content, cancellationToken);
        return fetched;
    }

    /// <summary>Deletes the kept media of these content items (retention erasing their media links).</summary>
    public static void Delete(DataFolder dataFolder, IEnumerable<long> contentItemIds)
    {
        var folder = dataFolder.File(FolderName);
        if (!Directory.Exists(folder)) return;
        foreach (var id in contentItemIds)
        {
            foreach (var file in Directory.EnumerateFiles(folder, $"{id}-*")) File.Delete(file);
        }
    }

    // Named after the address too: when the platform changes an item's media, the old copy is not shown for the new.
    private string PathOf(long contentItemId, string url) =>
        Path.Combine(dataFolder.File(FolderName), $"{contentItemId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32]}");

    /// <summary>Keeps the media fetched from the item's address, in place of any kept before; the caller has the right to fetch it.</summary>
    internal async Task KeepAsync(long contentItemId, string url, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(contentItemId, url);
        Delete(dataFolder, [contentItemId]);
        // Two reviewers may fetch at once: each writes its own file and the last move wins, never a half-written file.
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        await encryptedFiles.WriteAsync(written, content, cancellationToken);
        File.Move(written, path, overwrite: true);
    }
}
