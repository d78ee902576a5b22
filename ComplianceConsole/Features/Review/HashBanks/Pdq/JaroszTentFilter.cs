namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// Blur and decimate of a luma plane as the reference does it (pdq/cpp/downscaling/downscaling.cpp): two X,Y passes of a 1-D
/// box filter make a tent filter (Jarosz, 'Fast Image Convolutions', 2001), then one sample per output cell. The arithmetic is
/// single precision in the reference's order, so the bits come out as its bits.
/// </summary>
internal static class JaroszTentFilter
{
    private const int XyPasses = 2;

    /// <summary>Blurs <paramref name="luma"/> in place (<paramref name="scratch"/> the same size) and samples it to size x size.</summary>
    public static float[] Downsample(float[] luma, float[] scratch, int rows, int cols, int size)
    {
        var windowAlongRows = WindowSize(cols, size);
        var windowAlongCols = WindowSize(rows, size);
        for (var pass = 0; pass < XyPasses; pass++)
        {
            for (var i = 0; i < rows; i++) Box1D(luma, scratch, i * cols, cols, 1, windowAlongRows);
            for (var j = 0; j < cols; j++) Box1D(scratch, luma, j, rows, cols, windowAlongCols);
        }
        return Decimate(luma, rows, cols, size);
    }

    // Half the per-output-pixel span per pass, since two passes compound (computeJaroszFilterWindowSize).
    private static int WindowSize(int oldDimension, int newDimension) => (oldDimension + 2 * newDimension - 1) / (2 * newDimension);

    // box1DFloat: a running sum over a window centred on the output, narrower at both ends.
    private static void Box1D(float[] input, float[] output, int start, int length, int stride, int fullWindow)
    {
        var halfWindow = (fullWindow + 2) / 2;
        var read = start;
        var trail = start;
        var write = start;
        var sum = 0f;
        var window = 0;
        for (var n = 0; n < halfWindow - 1; n++, read += stride)
        {
            sum += input[read];
            window++;
        }
        for (var n = 0; n < fullWindow - halfWindow + 1; n++, read += stride, write += stride)
        {
            sum += input[read];
            window++;
            output[write] = sum / window;
        }
        for (var n = 0; n < length - fullWindow; n++, read += stride, trail += stride, write += stride)
        {
            sum += input[read];
            sum -= input[trail];
            output[write] = sum / window;
        }
        for (var n = 0; n < halfWindow - 1; n++, trail += stride, write += stride)
        {
            sum -= input[trail];
            window--;
            output[write] = sum / window;
        }
    }

    private static float[] Decimate(float[] input, int rows, int cols, int size)
    {
        var output = new float[size * size];
        for (var i = 0; i < size; i++)
        {
            var inI = (int)((i + 0.5) * rows / size);
            for (var j = 0; j < size; j++)
                output[i * size + j] = input[inI * cols + (int)((j + 0.5) * cols / size)];
        }
        return output;
    }
}
