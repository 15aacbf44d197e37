namespace Open311.Core.Forwarding;

/// <summary>Where a report for a remote city stands in the outbox (the intake record's <c>delivery.state</c>).</summary>
public static class DeliveryState
{
    /// <summary>Waiting for a worker (first try, or a retry whose time has come).</summary>
    public const string Queued = "queued";

    /// <summary>A worker holds it until <see cref="Delivery.LeaseUntil"/>; past that, another may take it.</summary>
    public const string Sending = "sending";

    /// <summary>The city took it: its id (or, for a blackbox service, none) is on the record.</summary>
    public const string Delivered = "delivered";

    /// <summary>The city answered with a token (a batch service); the id is asked for later.</summary>
    public const string WaitingForToken = "waiting_for_token";

    /// <summary>The last try failed for a reason that may pass; another follows at <see cref="Delivery.NextAttemptAt"/>.</summary>
    public const string Failed = "failed";

    /// <summary>Undeliverable (refused by the city, or still failing after every try): waits for a person (manage/outbox).</summary>
    public const string Dead = "dead";
}
