namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// The 16x16 low-frequency block (coefficients 1..16, skipping DC) of the 2-D DCT of a 64x64 plane, as B = D A Dt with D the
/// 16x64 DCT matrix, summed in single precision in the reference's order (dct64To16 in pdq/cpp/hashing/pdqhashing.cpp).
/// </summary>
internal static class PdqDct
{
    private const int Size = 64;
    private const int Block = 16;

    private static readonly float[] Matrix = BuildMatrix();

    public static float[] LowFrequencies(float[] plane64)
    {
        var partial = new float[Block * Size]; // D A
        for (var i = 0; i < Block; i++)
            for (var j = 0; j < Size; j++)
            {
                var sum = 0f;
                for (var k = 0; k < Size; k++) sum += Matrix[i * Size + k] * plane64[k * Size + j];
                partial[i * Size + j] = sum;
            }

        var block = new float[Block * Block]; // (D A) Dt
        for (var i = 0; i < Block; i++)
            for (var j = 0; j < Block; j++)
            {
                var sum = 0f;
                for (var k = 0; k < Size; k++) sum += partial[i * Size + k] * Matrix[j * Size + k];
                block[i * Block + j] = sum;
            }
        return block;
    }

    // The reference keeps the scale factor as a float and multiplies it by the double cosine before rounding each entry.
    private static float[] BuildMatrix()
    {
        var scale = (float)Math.Sqrt(2.0 / Size);
        var matrix = new float[Block * Size];
        for (var i = 0; i < Block; i++)
            for (var j = 0; j < Size; j++)
                matrix[i * Size + j] = (float)(scale * Math.Cos(Math.PI / 2.0 / Size * (i + 1) * (2 * j + 1)));
        return matrix;
    }
}
