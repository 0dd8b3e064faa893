namespace Glidepath.Domain.Categories;

/// <summary>The categoriser's thresholds (docs/categoriser.md).</summary>
public static class CategoriserPolicy
{
    /// <summary>A household's model is trained, and used on import, only once it has this many labelled rows …</summary>
    public const int MinimumLabels = 50;

    /// <summary>… in at least this many categories.</summary>
    public const int MinimumCategories = 2;

    /// <summary>At or above this probability the model sets the category on import (source <see cref="CategorySource.Model"/>); below it, it only suggests.</summary>
    public const double AutoSetConfidence = 0.80;

    /// <summary>The background job retrains a household's model once this many categories have been set by hand since its last training.</summary>
    public const int RetrainAfterCorrections = 20;

    /// <summary>Every this-many-th labelled row (in transaction-id order) is held out to measure the model; the stored model is then trained on all of them.</summary>
    public const int HoldOutEvery = 5;

    /// <summary>The sources whose categories the model learns from: the household's own decisions, never the model's, nor the shipped dictionary's.</summary>
    public static IReadOnlyList<CategorySource> LearnsFrom { get; } = [CategorySource.Manual, CategorySource.Rule, CategorySource.Statement];
}

/// <summary>
/// A household's learned categoriser (docs/categoriser.md): the serialised model with its version, when it was trained, on
/// how many labels and how well it did on its held-out rows, and how many categories were set by hand since.
/// One row per household; <see cref="Model"/> is null until the first training.
/// </summary>
public sealed class CategoriserModelRecord
{
    public Guid HouseholdId { get; set; }

    /// <summary>ML.NET's zip of the trained pipeline; null before the first training.</summary>
    public byte[]? Model { get; set; }

    /// <summary>1 for the first training, +1 for each one after: the cache's key.</summary>
    public int Version { get; set; }

    /// <summary>The features-and-trainer version the model was saved with (a model of another one is retrained, not read).</summary>
    public int FormatVersion { get; set; }

    public DateTimeOffset? TrainedAt { get; set; }

    /// <summary>The labelled rows it was trained on, and in how many categories.</summary>
    public int LabelCount { get; set; }

    public int CategoryCount { get; set; }

    /// <summary>Held-out rows scored (every <see cref="CategoriserPolicy.HoldOutEvery"/>-th), their accuracy and macro-F1.</summary>
    public int HeldOutRows { get; set; }

    public double? Accuracy { get; set; }

    public double? MacroF1 { get; set; }

    /// <summary>Categories set by hand since the last training; at <see cref="CategoriserPolicy.RetrainAfterCorrections"/> the job retrains.</summary>
    public int CorrectionsSinceTraining { get; set; }
}

/// <summary>The model's suggestion for an uncategorised transaction it was not sure enough of (below <see cref="CategoriserPolicy.AutoSetConfidence"/>).</summary>
public sealed class CategorySuggestion
{
    public Guid TransactionId { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid CategoryId { get; set; }

    /// <summary>The model's probability of <see cref="CategoryId"/>, 0–1.</summary>
    public double Confidence { get; set; }

    /// <summary>The <see cref="CategoriserModelRecord.Version"/> that suggested it.</summary>
    public int ModelVersion { get; set; }
}
