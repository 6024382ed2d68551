using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Incremental;

[JsonSerializable(typeof(RoadmapModel))]
[JsonSerializable(typeof(PhaseTarget))]
[JsonSerializable(typeof(DeliverableTarget))]
[JsonSerializable(typeof(AllPriorPhases))]
[JsonSerializable(typeof(Unresolved))]
internal sealed partial class RoadmapModelJson : JsonSerializerContext;

/// <summary>
/// What one page gives the roadmap: its phases, risks and KPIs, read from that page alone by the roadmap's own readers,
/// written as JSON without line and column numbers. Two versions of a page with the same contribution give the same
/// roadmap, and so the same timeline, badges and panels, wherever an edit above moved their lines.
/// </summary>
/// <remarks>
/// The JSON has every property of the model's records, so a property added to them later is compared too; a kind of
/// dependency target it does not know makes <see cref="Of"/> throw, and the refresh falls back to the full build.
/// </remarks>
internal static class RoadmapContribution
{
    private static readonly JsonTypeInfo<RoadmapModel> Model = (JsonTypeInfo<RoadmapModel>)new JsonSerializerOptions
    {
        TypeInfoResolver = RoadmapModelJson.Default.WithAddedModifier(WithoutPositions),
    }.GetTypeInfo(typeof(RoadmapModel));

    /// <summary>The contribution of a page as the Content pipeline left it; a page the last build did not keep (null) gave nothing.</summary>
    public static string Of(Document? page) =>
        JsonSerializer.Serialize(page is null ? RoadmapModel.Empty : RoadmapReader.Read([page], new DiagnosticBag()), Model);

    private static void WithoutPositions(JsonTypeInfo type)
    {
        if (type.Type == typeof(DependencyTarget))
        {
            type.PolymorphismOptions = new JsonPolymorphismOptions
            {
                DerivedTypes =
                {
                    new JsonDerivedType(typeof(PhaseTarget), "phase"),
                    new JsonDerivedType(typeof(DeliverableTarget), "deliverable"),
                    new JsonDerivedType(typeof(AllPriorPhases), "all-prior"),
                    new JsonDerivedType(typeof(Unresolved), "unresolved"),
                },
            };
        }
        foreach (var property in type.Properties.Where(p => p.Name is "Line" or "Column"))
        {
            property.ShouldSerialize = static (_, _) => false;
        }
    }
}
