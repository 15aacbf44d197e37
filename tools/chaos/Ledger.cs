using System.Collections.Concurrent;

namespace Open311.Chaos;

/// <summary>What the clients sent and what the server acknowledged, to check against storage afterwards.</summary>
public sealed class Ledger
{
    /// <summary>Report marker → the id the server acknowledged for it.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();

    /// <summary>Ushahidi post ids the webhook acknowledged with 202.</summary>
    public ConcurrentDictionary<int, bool> Delivered { get; } = new();

    public ConcurrentDictionary<int, int> Statuses { get; } = new();

    public int Sent;
    public int Posts;
    public int NetworkErrors;
    public long FirstAckAfterRestartTicks;

    public void Count(int status) => Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);

    public int ServerErrors => Statuses.Where(s => s.Key >= 500 && s.Key != 503).Sum(s => s.Value);

    public int Unavailable => Statuses.GetValueOrDefault(503);
}
