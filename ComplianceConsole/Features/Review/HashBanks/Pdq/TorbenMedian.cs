namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// The median by Torben Mogensen's method, which the reference uses for the DCT threshold (pdq/cpp/hashing/torben.cpp). Kept
/// as is rather than a sort because for an even count it picks the same one of the two middle values the reference picks.
/// </summary>
internal static class TorbenMedian
{
    public static float Of(ReadOnlySpan<float> values)
    {
        var n = values.Length;
        float min = values[0], max = values[0];
        foreach (var v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }

        int less, greater, equal;
        float guess, maxBelowGuess, minAboveGuess;
        while (true)
        {
            guess = (min + max) / 2;
            (less, greater, equal) = (0, 0, 0);
            (maxBelowGuess, minAboveGuess) = (min, max);
            foreach (var v in values)
            {
                if (v < guess)
                {
                    less++;
                    if (v > maxBelowGuess) maxBelowGuess = v;
                }
                else if (v > guess)
                {
                    greater++;
                    if (v < minAboveGuess) minAboveGuess = v;
                }
                else equal++;
            }
            if (less <= (n + 1) / 2 && greater <= (n + 1) / 2) break;
            if (less > greater) max = maxBelowGuess;
            else min = minAboveGuess;
        }

        if (less >= (n + 1) / 2) return maxBelowGuess;
        return less + equal >= (n + 1) / 2 ? guess : minAboveGuess;
    }
}
