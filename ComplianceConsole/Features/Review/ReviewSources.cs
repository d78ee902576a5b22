namespace ComplianceConsole.Features.Review;

/// <summary>What each flag source weighs in a case's priority, and its bit in <see cref="ReviewCase.SourceMask"/>.</summary>
public static class ReviewSources
{
    public static int Bit(FlagSource source) => 1 << ((int)source - 1);

    public static IEnumerable<FlagSource> In(int mask) => Enum.GetValues<FlagSource>().Where(s => (mask & Bit(s)) != 0);

    /// <summary>A regulator's notice outranks a complainant, who outranks the machine checks.</summary>
    public static int Weight(FlagSource source) => source switch
    {
        FlagSource.RegulatorNotice => 40,
        FlagSource.UserComplaint or FlagSource.Appeal => 20,
        FlagSource.Staff => 15,
        FlagSource.FeatureLibrary => 10,
        FlagSource.LabelCheck => 5,
        _ => 0,
    };

    /// <summary>More flags and stronger sources first; capped so it fits <see cref="ReviewQueueOrder"/>.</summary>
    public static int Priority(IEnumerable<FlagSource> flags) => Math.Min(ReviewQueueOrder.MaxPriority, flags.Sum(Weight));
}
