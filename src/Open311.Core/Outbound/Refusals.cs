namespace Open311.Core.Outbound;

/// <summary>Finds the guard's refusal inside whatever wrapped it (HttpClient, the Open311 client).</summary>
public static class Refusals
{
    public static OutboundRefusedException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
