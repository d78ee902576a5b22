using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// <c>audit verify [--witness &lt;file&gt;] [--public-key &lt;pem&gt;]</c>: an inspector's offline check of the audit history in the
/// configured database, with the audit keys, against a witness's copy of the signed checkpoints and, given the public key, with
/// that key rather than the console's own. Prints each break (sequence, what is wrong); the exit code is 0 only for an intact chain.
/// </summary>
public sealed class AuditVerifyCommand(AuditChainVerifier verifier, IStringLocalizer<SharedResource> l)
{
    public async Task<int> RunAsync(string? witness, string? publicKeyFile, TextWriter output, CancellationToken cancellationToken = default)
    {
        foreach (var file in new[] { witness, publicKeyFile }.OfType<string>().Where(f => !File.Exists(f)))
        {
            await output.WriteLineAsync(l["Audit.Verify.FileMissing", file]);
            return 2;
        }
        using var publicKey = publicKeyFile is null ? null : new EcdsaSigner(EcdsaSigner.ReadPem(publicKeyFile));
        ChainVerification result;
        try
        {
            result = await verifier.VerifyAsync(cancellationToken: cancellationToken, evidence: new ChainEvidence(witness, publicKey));
        }
        catch (FileNotFoundException missing)
        {
            await output.WriteLineAsync(l["Audit.Verify.FileMissing", missing.FileName ?? missing.Message]);
            return 2;
        }
        foreach (var b in result.Breaks) await output.WriteLineAsync($"{b.Sequence}\t{b.Kind}\t{l[$"Audit.ChainBroken.{b.Kind}", b.Sequence]}");
        await output.WriteLineAsync(result.Intact
            ? l["Audit.ChainIntactWithCheckpoints", result.EventsChecked, result.CheckpointsChecked]
            : l["Audit.ChainBrokenSummary", result.BreakCount, result.EventsChecked, result.CheckpointsChecked]);
        return result.Intact ? 0 : 1;
    }

}
