namespace ComplianceConsole.Tests.HashBanks;

/// <summary>The reference's sample images, copied beside the tests (PdqSamples/README.md says from where).</summary>
internal static class PdqSamples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "HashBanks", "PdqSamples", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
