namespace ComplianceConsole.Features.Registry;

/// <summary>What a consent lets the platform user edit of the depicted person (Art. 14).</summary>
public enum BiometricEdit { Face = 1, Voice = 2, FaceAndVoice = 3 }

/// <summary>How the depicted person gave their separate consent.</summary>
public enum ConsentMethod { WrittenSignature = 1, ElectronicSignature = 2, InAppConfirmation = 3, RecordedStatement = 4 }

/// <summary>What an assessment looks at: a tool that edits faces or voices (Art. 15), a model, or a new function (Art. 20).</summary>
public enum AssessmentSubject { Tool = 1, Model = 2, Function = 3 }

public enum AssessmentKind { Self = 1, ThirdParty = 2, RegulatorFiling = 3 }

public enum AssessmentStatus { Planned = 1, InProgress = 2, Passed = 3, Failed = 4 }

/// <summary>The provider's role in an algorithm filing: as the deep synthesis service provider or its technical supporter.</summary>
public enum FilingRole { ServiceProvider = 1, TechnicalSupporter = 2 }

public enum FilingStatus { Active = 1, Changed = 2, Cancelled = 3 }

/// <summary>What an evidence file belongs to.</summary>
public enum EvidenceOwner { Consent = 1, Assessment = 2 }
