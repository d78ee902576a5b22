namespace ComplianceConsole.Identifiers;

public enum NationalOnlineIdentityTokenError { Empty, TooLong, InvalidCharacter }

/// <summary>
/// The opaque credential returned by the national online identity authentication public service
/// (国家网络身份认证公共服务). Its content is not ours to interpret; it is bounded and printable.
/// </summary>
public static class NationalOnlineIdentityToken
{
    public const int MaxLength = 512;

    public static NationalOnlineIdentityTokenError? Validate(string token)
    {
        if (token.Length == 0) return NationalOnlineIdentityTokenError.Empty;
        if (token.Length > MaxLength) return NationalOnlineIdentityTokenError.TooLong;
        return token.All(c => c is > ' ' and < '\u007f') ? null : NationalOnlineIdentityTokenError.InvalidCharacter;
    }
}
