namespace ComplianceConsole.Features.Review;

/// <summary>How a complainant's contact shows masked: a mobile number like other mobiles, an e-mail by its first letter and domain.</summary>
public static class ComplainantContact
{
    public static string Mask(string contact)
    {
        var value = contact.Trim();
        if (value.IndexOf('@') > 0) return Identifiers.Masking.Email(value);
        var digits = new string(value.Where(char.IsDigit).ToArray());
        return digits.Length >= 11 ? Identifiers.Masking.Mobile(digits[^11..]) : Identifiers.Masking.Token(value);
    }
}
