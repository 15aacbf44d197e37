using System.Globalization;

namespace Open311.Chaos;

/// <summary>The run's shape, from the command line: <c>--writers 32 --readers 4 --webhooks 2 --seconds 30 --fault sigkill --down 5</c>.</summary>
/// <c>--server path/to/Open311.Server.dll</c> runs another build (an older commit, to compare).
public sealed record ChaosOptions(int Writers, int Readers, int Webhooks, int Seconds, string Fault, int Down, string? Server)
{
    public static ChaosOptions Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var fault = Arg("fault", "sigterm");
        if (fault is not ("none" or "sigterm" or "sigkill"))
        {
            throw new ArgumentException("--fault is none, sigterm or sigkill");
        }

        return new ChaosOptions(
            int.Parse(Arg("writers", "8"), CultureInfo.InvariantCulture),
            int.Parse(Arg("readers", "4"), CultureInfo.InvariantCulture),
            int.Parse(Arg("webhooks", "2"), CultureInfo.InvariantCulture),
            int.Parse(Arg("seconds", "30"), CultureInfo.InvariantCulture),
            fault,
            int.Parse(Arg("down", "5"), CultureInfo.InvariantCulture),
            Arg("server", string.Empty) is { Length: > 0 } server ? Path.GetFullPath(server) : null);
    }

    public override string ToString() =>
        $"{Writers} writers, {Readers} readers, {Webhooks} webhook senders, {Seconds} s, storage fault: {Fault}{(Fault == "none" ? string.Empty : $" for {Down} s")}";
}
