using System.Globalization;
using System.Text;

namespace Open311.Core.Places;

/// <summary>
/// Canonical street keys, so "N. Main St." in an e-mail meets "NORTH MAIN STREET" in the address points: lower case,
/// no diacritics, no punctuation, USPS-style suffixes and directions, and ordinals as numbers ("Third" → "3").
/// "St" is read as "saint" when it opens the name (first, or after a leading direction) and a name word follows it;
/// anywhere else it is "street". So "St. Paul St" → "saint paul st", "Main St" → "main st", "E St NW" → "e st nw".
/// </summary>
public static class StreetName
{
    private static readonly Dictionary<string, string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["street"] = "st",
        ["str"] = "st",
        ["st"] = "st",
        ["avenue"] = "ave",
        ["ave"] = "ave",
        ["av"] = "ave",
        ["road"] = "rd",
        ["rd"] = "rd",
        ["boulevard"] = "blvd",
        ["blvd"] = "blvd",
        ["drive"] = "dr",
        ["dr"] = "dr",
        ["lane"] = "ln",
        ["ln"] = "ln",
        ["court"] = "ct",
        ["ct"] = "ct",
        ["place"] = "pl",
        ["pl"] = "pl",
        ["terrace"] = "ter",
        ["ter"] = "ter",
        ["highway"] = "hwy",
        ["hwy"] = "hwy",
        ["parkway"] = "pkwy",
        ["pkwy"] = "pkwy",
        ["circle"] = "cir",
        ["cir"] = "cir",
        ["square"] = "sq",
        ["sq"] = "sq",
        ["way"] = "way",
        ["trail"] = "trl",
        ["trl"] = "trl",
    };

    // The written-out suffixes; the rest of the table are abbreviations.
    private static readonly HashSet<string> SpelledSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "street", "avenue", "road", "boulevard", "drive", "lane", "court", "place", "terrace", "highway", "parkway",
        "circle", "square", "way", "trail",
    };

    private static readonly Dictionary<string, string> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["north"] = "n",
        ["n"] = "n",
        ["south"] = "s",
        ["s"] = "s",
        ["east"] = "e",
        ["e"] = "e",
        ["west"] = "w",
        ["w"] = "w",
        ["northeast"] = "ne",
        ["ne"] = "ne",
        ["northwest"] = "nw",
        ["nw"] = "nw",
        ["southeast"] = "se",
        ["se"] = "se",
        ["southwest"] = "sw",
        ["sw"] = "sw",
    };

    private static readonly Dictionary<string, string> OrdinalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = "1",
        ["second"] = "2",
        ["third"] = "3",
        ["fourth"] = "4",
        ["fifth"] = "5",
        ["sixth"] = "6",
        ["seventh"] = "7",
        ["eighth"] = "8",
        ["ninth"] = "9",
        ["tenth"] = "10",
        ["eleventh"] = "11",
        ["twelfth"] = "12",
        ["thirteenth"] = "13",
        ["fourteenth"] = "14",
        ["fifteenth"] = "15",
        ["sixteenth"] = "16",
        ["seventeenth"] = "17",
        ["eighteenth"] = "18",
        ["nineteenth"] = "19",
        ["twentieth"] = "20",
    };

    private static readonly bool[] KeepOrDrop = [true, false];

    /// <summary>The canonical key of a street name, or "" when it has no letters or digits.</summary>
    public static string Normalize(string street)
    {
        if (string.IsNullOrWhiteSpace(street))
        {
            return "";
        }

        var words = Fold(street).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            key[i] = Canonical(words, i);
        }

        return string.Join(' ', key);
    }

    /// <summary>
    /// The key itself, then the key without its suffix word, without its leading and trailing directions, and without
    /// both ("n main st" → "n main st", "n main", "main st", "main"), so a phrase that leaves them out still meets the
    /// street. Several streets may share a variant: the gazetteer decides what is ambiguous.
    /// </summary>
    public static IReadOnlyList<string> Variants(string normalizedKey)
    {
        var words = (normalizedKey ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        // The core is words[first..=last]; it always keeps at least one word ("n st" is a street named N).
        var first = 0;
        var last = words.Length - 1;
        var trailing = last > first && Directions.ContainsKey(words[last]);
        if (trailing)
        {
            last--;
        }

        var suffix = last > first && Suffixes.ContainsKey(words[last]);
        if (suffix)
        {
            last--;
        }

        var leading = last > first && Directions.ContainsKey(words[first]);
        if (leading)
        {
            first++;
        }

        var variants = new List<string>();
        foreach (var keepDirections in KeepOrDrop)
        {
            foreach (var keepSuffix in KeepOrDrop)
            {
                var parts = new List<string>();
                if (leading && keepDirections)
                {
                    parts.Add(words[0]);
                }

                parts.AddRange(words[first..(last + 1)]);
                if (suffix && keepSuffix)
                {
                    parts.Add(words[last + 1]);
                }

                if (trailing && keepDirections)
                {
                    parts.Add(words[^1]);
                }

                var variant = string.Join(' ', parts);
                if (!variants.Contains(variant))
                {
                    variants.Add(variant);
                }
            }
        }

        return variants;
    }

    internal static bool IsSuffix(string word) => Suffixes.ContainsKey(word);

    internal static bool IsSpelledSuffix(string word) => SpelledSuffixes.Contains(word);

    internal static bool IsDirection(string word) => Directions.ContainsKey(word);

    internal static bool IsOrdinal(string word) => OrdinalNumber(word) is not null;

    private static string Canonical(string[] words, int i)
    {
        var word = words[i];
        if (word == "st")
        {
            return OpensName(words, i) ? "saint" : "st";
        }

        if (Suffixes.TryGetValue(word, out var suffix))
        {
            return suffix;
        }

        if (Directions.TryGetValue(word, out var direction))
        {
            return direction;
        }

        return OrdinalNumber(word) ?? word;
    }

    // "St" opens the name when it is first, or follows a leading direction, and a name word comes after it.
    private static bool OpensName(string[] words, int i) =>
        (i == 0 || (i == 1 && Directions.ContainsKey(words[0])))
        && i + 1 < words.Length
        && !Suffixes.ContainsKey(words[i + 1])
        && !Directions.ContainsKey(words[i + 1]);

    private static string? OrdinalNumber(string word)
    {
        if (OrdinalWords.TryGetValue(word, out var number))
        {
            return number;
        }

        if (word.Length < 3 || !char.IsAsciiDigit(word[0]))
        {
            return null;
        }

        var ending = word[^2..];
        var digits = word[..^2];
        var isOrdinalEnding = ending.Equals("st", StringComparison.OrdinalIgnoreCase)
            || ending.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || ending.Equals("rd", StringComparison.OrdinalIgnoreCase)
            || ending.Equals("th", StringComparison.OrdinalIgnoreCase);
        return isOrdinalEnding && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    // Lower case without diacritics; apostrophes vanish ("o'neil" → "oneil") and other punctuation becomes a space.
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in Decompose(text))
        {
            if (IsApostrophe(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var latin = LatinLetter(c);
            if (latin is not null)
            {
                builder.Append(latin);
            }
            else if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    // NFD splits accents off where globalization data is loaded; under InvariantGlobalization it returns the text
    // unchanged, which is why LatinLetter folds the precomposed letters itself.
    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 (a lone surrogate) is folded as it stands.
            return text;
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    // Latin-1 and Latin Extended-A letters (and Romanian comma-below s and t) in lower-case ASCII.
    private static string? LatinLetter(char c) => c switch
    {
        >= '\u00C0' and <= '\u00C5' or >= '\u00E0' and <= '\u00E5' => "a",
        '\u00C6' or '\u00E6' => "ae",
        '\u00C7' or '\u00E7' => "c",
        >= '\u00C8' and <= '\u00CB' or >= '\u00E8' and <= '\u00EB' => "e",
        >= '\u00CC' and <= '\u00CF' or >= '\u00EC' and <= '\u00EF' => "i",
        '\u00D0' or '\u00F0' => "d",
        '\u00D1' or '\u00F1' => "n",
        >= '\u00D2' and <= '\u00D6' or '\u00D8' or >= '\u00F2' and <= '\u00F6' or '\u00F8' => "o",
        >= '\u00D9' and <= '\u00DC' or >= '\u00F9' and <= '\u00FC' => "u",
        '\u00DD' or '\u00FD' or '\u00FF' => "y",
        '\u00DE' or '\u00FE' => "th",
        '\u00DF' => "ss",
        >= '\u0100' and <= '\u0105' => "a",
        >= '\u0106' and <= '\u010D' => "c",
        >= '\u010E' and <= '\u0111' => "d",
        >= '\u0112' and <= '\u011B' => "e",
        >= '\u011C' and <= '\u0123' => "g",
        >= '\u0124' and <= '\u0127' => "h",
        >= '\u0128' and <= '\u0131' => "i",
        '\u0132' or '\u0133' => "ij",
        '\u0134' or '\u0135' => "j",
        >= '\u0136' and <= '\u0138' => "k",
        >= '\u0139' and <= '\u0142' => "l",
        >= '\u0143' and <= '\u014B' => "n",
        >= '\u014C' and <= '\u0151' => "o",
        '\u0152' or '\u0153' => "oe",
        >= '\u0154' and <= '\u0159' => "r",
        >= '\u015A' and <= '\u0161' => "s",
        >= '\u0162' and <= '\u0167' => "t",
        >= '\u0168' and <= '\u0173' => "u",
        '\u0174' or '\u0175' => "w",
        >= '\u0176' and <= '\u0178' => "y",
        >= '\u0179' and <= '\u017E' => "z",
        '\u017F' or '\u0218' or '\u0219' => "s",
        '\u021A' or '\u021B' => "t",
        _ => null,
    };
}
