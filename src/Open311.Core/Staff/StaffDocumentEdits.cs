using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Core.Staff;

/// <summary>
/// What a town's staff may change in their town's document: its services, texts and boundary — not what decides
/// routing between towns. Tier and remote endpoint stay as stored, and a boundary that overlaps another town of the
/// same tier needs the admin key (else a town could draw itself over a neighbour and take its reports).
/// </summary>
public static class StaffDocumentEdits
{
    /// <summary>Overlap tolerated between neighbours (shared edges, digitising slop), as a share of the smaller area.</summary>
    public const double ToleratedOverlap = 0.01;

    public static void Check(JurisdictionDocument incoming, JurisdictionDocument? stored, string id, JurisdictionSnapshot snapshot)
    {
        if (stored is null)
        {
            throw Open311Exception.Forbidden($"Only the admin key creates towns; '{InputText.Quote(id)}' does not exist.");
        }

        incoming.Tier = stored.Tier;
        incoming.Remote = stored.Remote;
        if (incoming.Boundary is not { } boundary || (stored.Boundary is { } before && before.GetRawText() == boundary.GetRawText()))
        {
            return;
        }

        var geometry = BoundaryReader.Read(boundary, []);
        var tier = snapshot.All.GetValueOrDefault(id)?.Tier;
        if (geometry is null || tier is null)
        {
            return;
        }

        foreach (var other in snapshot.Hosted.Values.Where(j => j.Tier == tier && !string.Equals(j.Id, id, StringComparison.OrdinalIgnoreCase) && j.Boundary is not null))
        {
            var theirs = other.Boundary!.Geometry;
            if (!geometry.EnvelopeInternal.Intersects(theirs.EnvelopeInternal))
            {
                continue;
            }

            var shared = geometry.Intersection(theirs).Area;
            if (shared > ToleratedOverlap * Math.Min(geometry.Area, theirs.Area))
            {
                throw Open311Exception.Forbidden($"The new boundary overlaps {other.Id} ({shared / theirs.Area:P0} of it): only the admin key can move the line between two towns.");
            }
        }
    }
}
