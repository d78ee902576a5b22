namespace ComplianceConsole.Features.Review;

public enum MediaType { Text = 1, Image = 2, Audio = 3, Video = 4, VirtualScene = 5 }

/// <summary>The kinds of deep synthesis service Art. 17 names.</summary>
public enum SynthesisCategory
{
    /// <summary>Dialogue, writing and other text generation or editing that imitates a natural person.</summary>
    PersonImitationText = 1,
    /// <summary>Voice synthesis, voice imitation, or editing that markedly changes a person's voice.</summary>
    VoiceSynthesis = 2,
    /// <summary>Face generation, swap or manipulation, posture manipulation in images and video.</summary>
    FaceManipulation = 3,
    /// <summary>Immersive, lifelike scenes.</summary>
    ImmersiveScene = 4,
    Other = 5,
}

/// <summary>The state of an explicit or implicit label (Labeling Measures, GB 45438-2025).</summary>
public enum LabelStatus { Present = 1, Missing = 2, Tampered = 3 }

/// <summary>The <c>Label</c> value of the implicit label's <c>AIGC</c> object.</summary>
public enum AigcLabel { AiGenerated = 1, PossiblyAiGenerated = 2, SuspectedAiGenerated = 3 }
