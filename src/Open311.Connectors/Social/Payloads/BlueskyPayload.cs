using System.Text.Json;
using static Open311.Connectors.Social.SocialJson;

namespace Open311.Connectors.Social;

/// <summary>
/// The Bluesky answers a source meets: a record (<c>getRecord</c>, or <c>listRecords</c>' <c>records[]</c>), a post
/// view, a feed (<c>getTimeline</c>, <c>getAuthorFeed</c>: <c>feed[]</c> of <c>#feedViewPost</c>), a search page
/// (<c>searchPosts</c>: <c>posts[]</c> and <c>cursor</c>) and a thread (<c>getPostThread</c>: the post, its
/// <c>parent</c> chain and its <c>replies</c> tree, each post read on its own; a not-found or blocked post is skipped).
/// </summary>
internal static class BlueskyPayload
{
    private const string ThreadViewPost = "app.bsky.feed.defs#threadViewPost";

    /// <summary>A reader that knows every handle the payload names, so mentions show as handles.</summary>
    public static BlueskyPosts Reader(JsonElement root) => new(Handles(root));

    public static SocialRead? Read(JsonElement root, BlueskyPosts posts)
    {
        var cursor = Str(root, "cursor");
        if (Member(root, "thread") is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } thread)
        {
            return new SocialRead([.. Thread(thread, posts)], "bluesky", cursor);
        }

        if (IsThread(root))
        {
            return new SocialRead([.. Thread(root, posts)], "bluesky");
        }

        (string List, Func<JsonElement, SocialPost> Read)[] lists =
        [
            ("feed", posts.FromFeedItem),
            ("posts", view => posts.FromView(view)),
            ("records", posts.FromRecord),
        ];
        foreach (var (list, read) in lists)
        {
            if (IsArray(root, list))
            {
                return new SocialRead([.. Items(root, list).Select(item => SocialPayloads.Safely(item, "bluesky", read))], "bluesky", cursor);
            }
        }

        return null;
    }

    private static bool IsThread(JsonElement e) =>
        Obj(e, "post") is not null && (Str(e, "$type") == ThreadViewPost || Member(e, "parent") is not null || IsArray(e, "replies"));

    /// <summary>Ancestors first (the thread's top), then the post, then its replies depth first.</summary>
    private static IEnumerable<SocialPost> Thread(JsonElement thread, BlueskyPosts posts)
    {
        if (thread.ValueKind == JsonValueKind.Array)
        {
            // getPostThreadV2: a flat list of {uri, depth, value: {$type: …#threadItemPost, post}}.
            return thread.EnumerateArray().Select(item => Obj(Obj(item, "value"), "post")).OfType<JsonElement>()
                .Select(view => SocialPayloads.Safely(view, "bluesky", v => posts.FromView(v))).ToList();
        }

        var views = new List<JsonElement>();
        for (var parent = Obj(thread, "parent"); Obj(parent, "post") is { } view; parent = Obj(parent, "parent"))
        {
            views.Add(view);
        }

        views.Reverse();
        var replies = new Stack<JsonElement>();
        replies.Push(thread);
        while (replies.TryPop(out var node))
        {
            if (Obj(node, "post") is { } view)
            {
                views.Add(view);
            }

            foreach (var reply in Objects(node, "replies").Reverse())
            {
                replies.Push(reply);
            }
        }

        return views.Select(view => SocialPayloads.Safely(view, "bluesky", v => posts.FromView(v))).ToList();
    }

    /// <summary>Every <c>{did, handle}</c> pair in the payload (authors of views, repost reasons, embedded records).</summary>
    private static Dictionary<string, string> Handles(JsonElement root)
    {
        var handles = new Dictionary<string, string>(StringComparer.Ordinal);
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        while (stack.TryPop(out var element))
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                if (AtUri.Did(Str(element, "did")) is { } did && AtUri.Handle(Str(element, "handle")) is { } handle)
                {
                    handles.TryAdd(did, handle);
                }

                foreach (var member in element.EnumerateObject())
                {
                    stack.Push(member.Value);
                }
            }
        }

        return handles;
    }
}
