using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>What ingestion and the read job need to know about items' files: the provider's labeling code and the hosts media may be fetched from.</summary>
internal sealed record ItemFileRules(string LabelingCode, IReadOnlySet<string> AllowedHosts)
{
    public static async Task<ItemFileRules> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var labelingCode = await db.ProviderSettings.AsNoTracking().Select(s => s.LabelingCode).SingleOrDefaultAsync(cancellationToken) ?? "";
        var hosts = await db.AllowedMediaHosts.AsNoTracking().Select(h => h.Host).ToListAsync(cancellationToken);
        return new(labelingCode, hosts.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The provider's labeling code when the item is its own output, which is when the platform declares the provider produced
    /// it: only then must the file's ContentProducer be that code.
    /// </summary>
    public string? OwnLabelingCode(ContentItem declared) =>
        LabelingCode.Length > 0 && declared.ContentProducer == LabelingCode ? LabelingCode : null;

    public IReadOnlyList<ImplicitLabelFinding> Findings(ContentFileAnalysis file, ContentItem declared) =>
        ImplicitLabelCheck.Findings(file.Reading, declared, OwnLabelingCode(declared));

    /// <summary>An image, audio or video whose media address is on an allowed host.</summary>
    public bool MayFetch(ContentItem item) =>
        item.MediaType is MediaType.Image or MediaType.Audio or MediaType.Video && item.MediaUrl is { } url && Media.AllowedMediaHostRules.HostOf(url) is { } host
        && AllowedHosts.Contains(host);
}
