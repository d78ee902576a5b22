namespace ComplianceConsole.Features.Exports.Signing;

/// <summary>What start-up says when the export signing key file cannot be used: which file, and what to restore (Chinese, then English).</summary>
internal static class ExportSigningKeyMessages
{
    private const string RestoreZh = "请从备份恢复该文件，然后再启动。";
    private const string Restore = "Restore it from your backup and start again.";

    public static string Missing(string path) =>
        $"启动已停止：导出签名密钥文件 {path} 不存在。{RestoreZh}\nStart-up stopped: the export signing key file {path} is missing. {Restore}";

    public static string MissingWithExports(string path) =>
        $"启动已停止：导出签名密钥文件 {path} 不存在，但导出记录中有用它签名的导出。{RestoreZh}新密钥会使以前导出的文件被重新保存后无法再被认作本系统签名，因此不会创建。\n"
        + $"Start-up stopped: the export signing key file {path} is missing, but the export history holds exports signed with it. {Restore} "
        + "With a new key, earlier exports re-saved in a spreadsheet program could no longer be recognised as this console's, so none is created.";

    public static string Unreadable(string path) =>
        $"启动已停止：导出签名密钥文件 {path} 无法读取（已损坏、无权读取或不是 ECDSA P-256 私钥）。{RestoreZh}\n"
        + $"Start-up stopped: the export signing key file {path} cannot be read (damaged, not readable by this account, or not an ECDSA P-256 private key). {Restore}";

    public static string Foreign(string path) =>
        $"启动已停止：导出签名密钥文件 {path} 不是签署最近一次导出的密钥。{RestoreZh}\n"
        + $"Start-up stopped: the export signing key file {path} is not the key that signed the newest export in the history. {Restore}";
}
