namespace ComplianceConsole.Security.Pii;

/// <summary>What start-up says when the personal-data key file cannot be used: which file, and what to restore (Chinese, then English).</summary>
internal static class PiiKeyFileMessages
{
    private const string RestoreZh = "请从与数据库同时备份的数据文件夹中恢复该文件（密钥文件与数据库是一对），然后再启动。";
    private const string Restore = "Restore it from the backup of the data folder taken with the database (the key file and the database belong together) and start again.";

    public static string Missing(string path) =>
        $"启动已停止：个人信息密钥文件 {path} 不存在。{RestoreZh}\nStart-up stopped: the personal-data key file {path} is missing. {Restore}";

    public static string MissingWithData(string path) =>
        $"启动已停止：个人信息密钥文件 {path} 不存在，但数据库中有用它加密的个人信息。{RestoreZh}新密钥会使已存的全部记录无法读取，因此不会创建。\n"
        + $"Start-up stopped: the personal-data key file {path} is missing, but the database holds personal data encrypted with it. {Restore} "
        + "A new key would make every stored record unreadable, so none is created.";

    public static string Unreadable(string path) =>
        $"启动已停止：个人信息密钥文件 {path} 无法读取（不是本控制台写入的密钥文件，或本服务的账号无权读取）。{RestoreZh}\n"
        + $"Start-up stopped: the personal-data key file {path} cannot be read (it is not a key file this console wrote, or the service's account may not read it). {Restore}";

    public static string WrongKey(string path, byte keyId) =>
        $"启动已停止：个人信息密钥文件 {path} 无法解密数据库中用密钥 {keyId} 加密的数据：它不是此数据库的密钥文件。{RestoreZh}\n"
        + $"Start-up stopped: the personal-data key file {path} cannot decrypt the stored data encrypted with key {keyId}: it is not the key file of this database. {Restore}";
}
