namespace ComplianceConsole.Features.Review;

/// <summary>Which keys the case page offers: only looking, free to take, deciding (an open or an escalated case), or an appeal.</summary>
public enum CaseKeysMode { Look, Take, Decide, DecideEscalated, Appeal }
