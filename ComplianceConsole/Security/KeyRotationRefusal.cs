using System.Globalization;
using ComplianceConsole.Data;
using ComplianceConsole.Localization;

namespace ComplianceConsole.Security;

/// <summary>
/// What a key rotation (<c>rotate-pii-key</c>, <c>rotate-audit-key</c>) says when instances still serve on the database: a serving
/// instance keeps the old keys in memory, so after a rotation it would go on writing under them (personal data the others cannot
/// read, audit events that no longer verify) until restarted.
/// </summary>
internal static class KeyRotationRefusal
{
    public static string InstancesRunning(string command, string keysZh, string keysEn, IReadOnlyList<RunningInstance> instances, DateTime nowUtc)
    {
        var seconds = (int)RunningInstances.Expiry.TotalSeconds;
        string Ago(RunningInstance i) => Math.Max(0, (int)(nowUtc - i.LastSeenAtUtc).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return string.Join('\n',
        [
            $"未轮换{keysZh}：以下实例正在使用此数据库（{seconds} 秒内有心跳）：",
            .. instances.Select(i => $"  - {i.MachineName}，进程 {i.ProcessId}，最后心跳 {ChinaTime.Format(i.LastSeenAtUtc)}（UTC+8，{Ago(i)} 秒前）"),
            $"请停止所有实例后再次运行 {command}。仍在运行的实例在内存中保留旧密钥，轮换后会继续用旧密钥写入。"
                + $"被强行终止（kill -9、断电）的实例留下的记录在最后心跳 {seconds} 秒后失效。未做任何更改。",
            $"The {keysEn} were not rotated: these instances are using this database (seen within the last {seconds} seconds):",
            .. instances.Select(i => $"  - {i.MachineName}, process {i.ProcessId}, last seen {ChinaTime.Format(i.LastSeenAtUtc)} UTC+8 ({Ago(i)} s ago)"),
            $"Stop every instance and run {command} again. A running instance keeps the old keys in memory and would go on writing with them after a rotation. "
                + $"An instance killed outright (kill -9, a power cut) leaves a row that stops counting {seconds} seconds after it was last seen. Nothing was changed.",
        ]);
    }
}
