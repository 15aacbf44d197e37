using System.Text.Json;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Routing;
using Open311.Core.Services;

namespace Open311.Core.Tests.Intake;

/// <summary>Which service a report goes to: the source's map first, the report's own words, everyday words, then triage — never a silent guess.</summary>
public sealed class ClassificationDecides
{
    private static readonly Service Pothole = new("pothole", "Pothole", null, ServiceType.Realtime, ["road", "hole"], "Streets", []);
    private static readonly Service Lights = new("streetlight", "Street light out", null, ServiceType.Realtime, ["streetlight", "lamp"], "Streets", []);
    private static readonly Service Feedback = new("general_feedback", "General feedback", null, ServiceType.Blackbox, [], "Other", []);
    private static readonly Service CountyRoads = new("road_damage", "County road damage", null, ServiceType.Realtime, ["pothole"], "Roads", []);

    private static readonly RoutingIndex Index = RoutingIndex.Build(
    [
        Make("town", "city", "[[[0,0],[4,0],[4,4],[0,4],[0,0]]]", Pothole, Lights, Feedback),
        Make("county", "county", "[[[0,0],[10,0],[10,10],[0,10],[0,0]]]", CountyRoads),
    ]);

    private static readonly SourceSettings Source = new("crisis", new Dictionary<string, string> { ["tag:12"] = "pothole", ["form:3"] = "streetlight" }, "general_feedback", 1000);

    [Fact]
    public void TheSourcesMapWinsOverTheWordsOfTheText()
    {
        var decision = Classification.Decide(Index, Report(["tag:12"], "The street lamp is dark"), Source);

        Assert.Equal(("town", "pothole"), (decision.Jurisdiction!.Id, decision.Service!.Code));
        Assert.StartsWith("mapped 'tag:12' to 'pothole'", decision.Reason);
    }

    [Fact]
    public void EverydayWordsFindTheServiceWhenNothingIsMapped()
    {
        var decision = Classification.Decide(Index, Report([], "The street lamp on Elm is dark"), Source);

        Assert.Equal("streetlight", decision.Service!.Code);
        Assert.Contains("the text mentions 'streetlight'", decision.Reason);
    }

    [Fact]
    public void WhatNothingMatchesGoesToTriageWithTheReasonWritten()
    {
        var decision = Classification.Decide(Index, Report(["tag:99"], "An odd smell"), Source);

        Assert.Equal("general_feedback", decision.Service!.Code);
        Assert.Contains("No service matched 'tag:99'", decision.Reason);
        Assert.Contains("triage service general_feedback of town", decision.Reason);
    }

    [Fact]
    public void WithoutTriageNothingIsGuessed()
    {
        var decision = Classification.Decide(Index, Report([], "An odd smell"), Source with { TriageServiceCode = null });

        Assert.False(decision.Routed);
        Assert.Contains("no triage service", decision.Reason);
    }

    [Fact]
    public void ASourceThatNamesItsJurisdictionIsRoutedOnlyThere()
    {
        var report = Report([], "Pothole on the county road") with { JurisdictionId = "county" };

        var decision = Classification.Decide(Index, report, Source);

        Assert.Equal(("county", "road_damage"), (decision.Jurisdiction!.Id, decision.Service!.Code));
    }

    [Fact]
    public void OutsideEveryBoundaryTheReasonSaysSo()
    {
        var decision = Classification.Decide(Index, Report(["tag:12"], "Pothole") with { Lat = 50, Long = 50 }, Source);

        Assert.False(decision.Routed);
        Assert.Contains("No jurisdiction covers 50,50", decision.Reason);
    }

    private static InboundReport Report(string[] hints, string text) => new()
    {
        SourceId = "crisis",
        ExternalId = "1",
        Text = text,
        Lat = 1,
        Long = 1,
        CategoryHints = hints,
    };

    private static Jurisdiction Make(string id, string tier, string rings, params Service[] services)
    {
        var errors = new List<string>();
        var geometry = BoundaryReader.Read(JsonDocument.Parse($$"""{"type":"Polygon","coordinates":{{rings}}}""").RootElement, errors);
        Assert.Empty(errors);
        return new Jurisdiction(id, id, tier, TimeZoneInfo.Utc, null, null, new Boundary(geometry!), services, DateTimeOffset.UnixEpoch);
    }
}
