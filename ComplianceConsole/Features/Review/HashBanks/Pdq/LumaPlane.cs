using SkiaSharp;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>An image's luminance, row-major, one float a pixel, as the reference's hasher takes it.</summary>
internal sealed record LumaPlane(float[] Values, int Rows, int Cols)
{
    // The reference's command-line hasher, whose outputs the ports are checked against, squeezes any image wider or taller
    // than this to exactly this square before hashing, by CImg's nearest-neighbour resize (pdqHash256FromFile in
    // pdq/cpp/io/pdqio.cpp): the tent filter is costly on large images.
    private const int DownsampleDimension = 512;

    // Rec. 601 luma, the reference's coefficients (pdq/cpp/hashing/pdqhashing.cpp).
    private const float FromRed = 0.299f;
    private const float FromGreen = 0.587f;
    private const float FromBlue = 0.114f;

    /// <summary>
    /// Decodes an image SkiaSharp reads (JPEG, PNG, WebP, GIF, BMP...). Like the reference, it takes the pixels as stored:
    /// no EXIF rotation, no colour-profile conversion, and alpha is dropped rather than blended.
    /// </summary>
    public static LumaPlane Decode(Stream image)
    {
        using var data = SKData.Create(image) ?? throw new InvalidDataException("The image is empty.");
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("The file is not an image format that can be decoded.");
        var grey = codec.Info.ColorType == SKColorType.Gray8;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[info.BytesSize];
        var result = codec.GetPixels(info, pixels);
        if (result != SKCodecResult.Success) throw new InvalidDataException($"The image could not be decoded ({result}).");
        return FromPixels(pixels, info.Height, info.Width, grey ? 1 : 4);
    }

    private static LumaPlane FromPixels(byte[] pixels, int height, int width, int bytesPerPixel)
    {
        var squeeze = height > DownsampleDimension || width > DownsampleDimension;
        var rows = squeeze ? DownsampleDimension : height;
        var cols = squeeze ? DownsampleDimension : width;
        var luma = new float[rows * cols];
        for (var i = 0; i < rows; i++)
        {
            var sourceRow = NearestSource(i, height, rows);
            for (var j = 0; j < cols; j++)
            {
                var p = (sourceRow * width + NearestSource(j, width, cols)) * bytesPerPixel;
                // A grey image's byte is its luma as it is (fillFloatLumaFromGrey), not 0.299 g + 0.587 g + 0.114 g.
                luma[i * cols + j] = bytesPerPixel == 1 ? pixels[p] : FromRed * pixels[p] + FromGreen * pixels[p + 1] + FromBlue * pixels[p + 2];
            }
        }
        return new LumaPlane(luma, rows, cols);
    }

    // CImg's nearest-neighbour resize starts output pixel n at input floor(n * old / new), computed in double.
    private static int NearestSource(int index, int oldSize, int newSize) =>
        oldSize == newSize ? index : (int)((double)index * oldSize / newSize);
}
