namespace ComplianceConsole.Features.Review.HashBanks;

public static class HashBanksServiceCollectionExtensions
{
    public static IServiceCollection AddHashBanks(this IServiceCollection services)
    {
        services.AddSingleton<HashBankLibrary>();
        services.AddSingleton<PdqHasher>();
        services.AddScoped<HashBankService>();
        return services;
    }
}
