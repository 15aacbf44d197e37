using Open311.Core.Intake;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Connectors.Social;

/// <summary>
/// A post as the intake reads it: its text (the first line as title), hashtags and mentions as category hints, an
/// exact point when it has one, a place's bounding box only with the box's size as its accuracy (too coarse for most
/// towns, so the words are read first), photos with their alt text, and the author's handle and profile only for
/// staff. Reposts, replies and edits are marked for the pipeline, which decides what they are.
/// </summary>
public sealed class SocialReports : ISocialReports
{
    public InboundReport ToReport(string sourceId, SocialPost post, SocialSettings settings)
    {
        var (lat, lon, accuracy, placeName) = Place(post);
        var author = post.AuthorHandle is { } handle ? "@" + handle : post.AuthorId;
        // The post's own address names its author (x.com/{handle}/status/…): staff see it, the public request does not.
        var details = string.Join("\n", new[]
        {
            author is null ? null : $"Author: {author}{(post.AuthorName is { Length: > 0 } name ? $" ({name})" : string.Empty)}",
            post.AuthorUrl is null ? null : $"Profile: {post.AuthorUrl}",
            post.Url is null ? null : $"Post: {post.Url}",
        }.OfType<string>());
        var unreadable = post.Id.StartsWith(SocialPayloads.UnreadablePrefix, StringComparison.Ordinal);
        return new InboundReport
        {
            SourceId = sourceId,
            ExternalId = post.Id,
            Title = Title(post.Text),
            Text = post.Text,
            Lat = lat,
            Long = lon,
            AccuracyMeters = accuracy,
            AddressText = placeName,
            Photos = post.Photos.Select(p => new InboundPhoto { Url = p.Url, Caption = p.AltText }).ToList(),
            Contact = new Requester(null, null, null, null, null, author),
            CategoryHints = [.. post.Hashtags.Select(t => $"tag:{t}"), .. post.Hashtags, .. post.Mentions.Select(m => $"mention:{m}")],
            PrivateDetails = details.Length == 0 ? null : details,
            Problem = unreadable ? post.Problem ?? "The post could not be read." : null,
            Notes = !unreadable && post.Problem is { } problem ? [problem] : [],
            ReceivedAt = post.CreatedAt ?? default,
            EditedAt = post.EditedAt,
            RepostOf = post.RepostOf,
            ReplyTo = post.ReplyTo,
        };
    }

    /// <summary>The first line, at most 80 characters: what staff scan in a list.</summary>
    private static string? Title(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is null ? null : InputText.Truncate(line, 80);
    }

    /// <summary>
    /// An exact point as it is; else a place's box as its middle with half its diagonal as the accuracy — which the
    /// source's <c>max_accuracy_meters</c> refuses for anything town-sized, so the text is read first.
    /// </summary>
    private static (double? Lat, double? Long, double? Accuracy, string? PlaceName) Place(SocialPost post)
    {
        if (post.Lat is { } lat && post.Long is { } lon)
        {
            return (lat, lon, null, post.Place?.FullName);
        }

        if (post.Place is { } place)
        {
            var middleLat = (place.South + place.North) / 2;
            var middleLong = (place.West + place.East) / 2;
            var reach = Core.Places.GeoDistance.Meters(place.South, place.West, place.North, place.East) / 2;
            return (middleLat, middleLong, Math.Max(reach, 1), place.FullName);
        }

        return (null, null, null, null);
    }
}
