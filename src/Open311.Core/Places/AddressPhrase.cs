using System.Text.RegularExpressions;

namespace Open311.Core.Places;

/// <summary>
/// Finds addresses written in words, for the town gazetteer to match through <see cref="StreetName"/> keys: a house
/// number on a street ("12 Main St Apt 4", "1/12 Main St", "12 Broadway,"), two crossing streets ("corner of Elm St
/// and 3rd Ave", "the lamp on Elm and 3rd", "Elm/3rd") and a street alone ("on Main Street", "along Elm Ave").
/// Precision over recall: a phrase that only might be an address is left out, since a confident wrong place is worse
/// than none. A written-out suffix ("Street") needs capitalised name words; an abbreviated one ("St") does not.
/// </summary>
public static partial class AddressPhrase
{
    private const int MaxStreetWords = 6;
    private const int MaxGap = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "of", "on", "at", "in", "into", "onto", "to", "from", "by",
        "for", "with", "without", "near", "nearby", "between", "behind", "beside", "outside", "inside", "opposite",
        "across", "along", "around", "past", "off", "up", "down", "over", "under", "out", "is", "are", "was", "were",
        "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should",
        "it", "its", "this", "that", "these", "those", "there", "here", "my", "our", "your", "his", "her", "their",
        "i", "we", "you", "he", "she", "they", "me", "us", "them", "not", "no", "very", "just", "also", "still",
        "again", "now", "then", "when", "where", "which", "who", "what", "why", "how", "please", "thanks", "thank",
        "if", "as", "than", "too",
    };

    private static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "apt", "apartment", "unit", "suite", "ste", "fl", "floor", "flat", "rm", "room",
    };

    // Words that put a street alone in play: "on Main Street", "along Elm Ave".
    private static readonly HashSet<string> StreetLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "along", "down", "onto", "off", "up",
    };

    // Words before a crossing of two bare names that make it a place: "the lamp on Elm and 3rd".
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "at", "near", "by", "of", "outside", "opposite", "from", "to", "past", "off", "in", "along", "across",
        "around", "behind", "beside",
    };

    private static readonly HashSet<string> CrossingNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "corner", "corners", "intersection", "junction",
    };

    // Capitalised words that are never a street named alone: "on Monday and 2nd".
    private static readonly HashSet<string> Calendar = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "today", "tomorrow", "yesterday", "tonight",
    };

    // Short words whose dot belongs to them ("Mt. Pleasant"), besides street suffixes and directions.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mt", "ft", "jr", "sr", "pt",
    };

    /// <summary>Every address mention in the text, in text order.</summary>
    public static IReadOnlyList<AddressMention> Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = new List<Token>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            tokens.Add(new Token(match.Index, match.Index + match.Length, match.Value));
        }

        return new Scanner(text, tokens).Scan();
    }

    private static bool IsNameWord(string word) =>
        (char.IsLetter(word[0]) || IsOrdinal(word)) && !StopWords.Contains(word) && !UnitWords.Contains(word);

    // "3rd" in any case; an ordinal word only capitalised, since "second" is more often time than a street.
    private static bool IsOrdinal(string word) =>
        StreetName.IsOrdinal(word) && (char.IsAsciiDigit(word[0]) || char.IsUpper(word[0]));

    // A capitalised word that can name a street alone: "Elm", "Broadway", "O'Neil".
    private static bool IsProper(string word) =>
        word.Length >= 2
        && char.IsUpper(word[0])
        && word.Skip(1).Any(char.IsLower)
        && word.All(c => char.IsLetter(c) || c is '\'' or '\u2019')
        && !StopWords.Contains(word)
        && !UnitWords.Contains(word)
        && !Calendar.Contains(word)
        && !StreetName.IsSuffix(word)
        && !StreetName.IsDirection(word);

    private static bool IsBare(string word) => IsOrdinal(word) || IsProper(word);

    private static bool IsCapitalised(string word) => char.IsUpper(word[0]) || char.IsAsciiDigit(word[0]);

    private static bool IsDirectionLetters(string word) => word is "N" or "S" or "E" or "W" or "NE" or "NW" or "SE" or "SW";

    private static bool IsAbbreviation(string word) =>
        (StreetName.IsSuffix(word) && !StreetName.IsSpelledSuffix(word))
        || (StreetName.IsDirection(word) && word.Length <= 2)
        || Abbreviations.Contains(word);

    // 1 to 6 digits, not starting with 0, and an optional letter: "12", "12B".
    private static bool IsHouseNumber(string word)
    {
        var digits = word.Length > 1 && char.IsAsciiLetter(word[^1]) ? word.Length - 1 : word.Length;
        if (digits is < 1 or > 6 || word[0] == '0')
        {
            return false;
        }

        for (var c = 0; c < digits; c++)
        {
            if (!char.IsAsciiDigit(word[c]))
            {
                return false;
            }
        }

        return true;
    }

    // "4", "4B", "B": a unit's own number or letter.
    private static bool IsUnitValue(string word) =>
        word.Length <= 6 && word.All(char.IsLetterOrDigit) && (word.Length == 1 || word.Any(char.IsAsciiDigit));

    // Words (letters, digits, inner apostrophes) and single punctuation marks; spaces are left between tokens.
    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['\u2019][\p{L}\p{M}\p{Nd}]+)*|[^\s\p{L}\p{M}\p{Nd}]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private readonly record struct Token(int Start, int End, string Text);

    private readonly record struct StreetSpan(int First, int Last, bool HasSuffix, bool Ordinal);

    private readonly record struct Found(AddressMention Mention, int Next);

    private sealed class Scanner
    {
        private readonly string text;
        private readonly List<Token> tokens;

        public Scanner(string text, List<Token> tokens)
        {
            this.text = text;
            this.tokens = tokens;
        }

        public List<AddressMention> Scan()
        {
            var mentions = new List<AddressMention>();
            var i = 0;
            while (i < tokens.Count)
            {
                if ((House(i) ?? Intersection(i) ?? StreetAfterLead(i)) is { } found)
                {
                    mentions.Add(found.Mention);
                    i = found.Next;
                }
                else
                {
                    i++;
                }
            }

            return mentions;
        }

        // "12 Main St", "#12 Main St", "12-14 Main St", "1/12 Main St", "12 Main St Apt 4", "12 Broadway,".
        private Found? House(int i)
        {
            var k = i;
            if (T(k) == "#")
            {
                if (k + 1 >= tokens.Count || !Adjacent(k, k + 1))
                {
                    return null;
                }

                k++;
            }

            if (!IsHouseNumber(T(k)) || !OpensPhrase(i))
            {
                return null;
            }

            string? unit = null;
            if (k == i && k + 2 < tokens.Count && T(k + 1) == "/" && Adjacent(k, k + 1) && Adjacent(k + 1, k + 2)
                && IsHouseNumber(T(k + 2)))
            {
                // "1/12 Main St": unit 1 at number 12.
                unit = T(k);
                k += 2;
            }

            var number = T(k);
            if (k + 2 < tokens.Count && (T(k + 1) is "-" or "\u2013") && Close(k, k + 1) && Close(k + 1, k + 2)
                && IsHouseNumber(T(k + 2)))
            {
                // "12-14 Main St" is read as its first number.
                k += 2;
            }

            if (k + 1 >= tokens.Count || !Spaced(k, k + 1) || (Suffixed(k + 1) ?? Plain(k + 1)) is not { } street)
            {
                return null;
            }

            var last = street.Last;
            if (unit is null && UnitAfter(street.Last) is { } unitSpan)
            {
                unit = Span(unitSpan.First, unitSpan.Last);
                last = unitSpan.Last;
            }

            var mention = new AddressMention(AddressMentionKind.House, number, Span(street.First, street.Last), null, unit, Span(i, last));
            return new Found(mention, last + 1);
        }

        // "Elm St and 3rd Ave", "corner of Elm and 3rd", "on Elm and 3rd", "Elm/3rd", "Elm St at 3rd Ave".
        private Found? Intersection(int i)
        {
            if (!IsNameWord(T(i)) || !StartsName(i) || Follows(i, "between") || (Suffixed(i) ?? Bare(i)) is not { } left)
            {
                return null;
            }

            var c = After(left.Last);
            var connector = c < tokens.Count ? Connector(c) : null;
            if (connector is null || (Suffixed(c + 1) ?? Bare(c + 1)) is not { } right)
            {
                return null;
            }

            // A suffix or an ordinal makes a bare pair of names look like streets; two ordinals rarely cross.
            var strong = (left.HasSuffix || right.HasSuffix || left.Ordinal || right.Ordinal) && !(left.Ordinal && right.Ordinal);
            var accepted = AfterCrossingNoun(i) || (left.HasSuffix && right.HasSuffix) || connector switch
            {
                "at" => false,
                "/" => strong,
                _ => strong && (AfterPreposition(i) || StartsLine(i)),
            };
            if (!accepted)
            {
                return null;
            }

            var mention = new AddressMention(
                AddressMentionKind.Intersection,
                null,
                Span(left.First, left.Last),
                Span(right.First, right.Last),
                null,
                Span(left.First, right.Last));
            return new Found(mention, right.Last + 1);
        }

        // "on Main Street", "along Elm Ave": a street with a suffix after a lead word, unless it is a crossing.
        private Found? StreetAfterLead(int i)
        {
            if (!StreetLeads.Contains(T(i)) || i + 1 >= tokens.Count || !Spaced(i, i + 1))
            {
                return null;
            }

            if (Intersection(i + 1) is { } crossing)
            {
                return crossing;
            }

            if (Suffixed(i + 1) is not { } street)
            {
                return null;
            }

            var phrase = Span(street.First, street.Last);
            return new Found(new AddressMention(AddressMentionKind.Street, null, phrase, null, null, phrase), street.Last + 1);
        }

        // Name words ending in a suffix: "Main St", "St. Paul Street", "N Main St NW". The street ends at the first
        // suffix with a word before it, so "St Paul St" keeps its saint and "Main St Road" stops at "St".
        private StreetSpan? Suffixed(int k)
        {
            var run = NameRun(k, MaxStreetWords);
            for (var p = 1; p < run.Count; p++)
            {
                var suffix = T(run[p]);
                if (!StreetName.IsSuffix(suffix))
                {
                    continue;
                }

                if (StreetName.IsSpelledSuffix(suffix) && !run.Take(p).All(w => IsCapitalised(T(w))))
                {
                    // "3 trucks drive by" is not an address.
                    return null;
                }

                var last = p + 1 < run.Count && IsDirectionLetters(T(run[p + 1])) ? p + 1 : p;
                return new StreetSpan(run[0], run[last], HasSuffix: true, Ordinal: false);
            }

            return null;
        }

        // A street named without a suffix in a crossing: one or two capitalised words, or an ordinal.
        private StreetSpan? Bare(int k)
        {
            if (k >= tokens.Count || !IsBare(T(k)))
            {
                return null;
            }

            var last = k + 1 < tokens.Count && Spaced(k, k + 1) && IsBare(T(k + 1)) ? k + 1 : k;
            return new StreetSpan(k, last, HasSuffix: false, Ordinal: last == k && IsOrdinal(T(k)));
        }

        // "12 Broadway," — after a number, one or two capitalised words that end the clause.
        private StreetSpan? Plain(int k)
        {
            var run = NameRun(k, 3);
            if (run.Count is 0 or > 2 || !run.All(w => IsProper(T(w))))
            {
                return null;
            }

            var after = run[^1] + 1;
            var endsClause = after >= tokens.Count
                || Gap(run[^1], after).Contains('\n')
                || T(after) is "," or ";" or "." or "!" or "?";
            return endsClause ? new StreetSpan(run[0], run[^1], HasSuffix: false, Ordinal: false) : null;
        }

        // "Apt 4", "Unit #4", "Fl. 2", "#4", "2nd floor" straight after the street, a comma allowed between.
        private (int First, int Last)? UnitAfter(int last)
        {
            var k = After(last);
            if (k < tokens.Count && T(k) == "," && Close(k - 1, k))
            {
                k++;
            }

            if (k >= tokens.Count || !Close(k - 1, k))
            {
                return null;
            }

            if (UnitWords.Contains(T(k)))
            {
                var v = k + 1;
                if (v < tokens.Count && T(v) == "." && Adjacent(k, v))
                {
                    v++;
                }

                if (v < tokens.Count && T(v) == "#" && Close(v - 1, v))
                {
                    v++;
                }

                return v < tokens.Count && Close(v - 1, v) && IsUnitValue(T(v)) ? (k, v) : null;
            }

            if (T(k) == "#" && k + 1 < tokens.Count && Close(k, k + 1) && IsUnitValue(T(k + 1)))
            {
                return (k, k + 1);
            }

            var floor = k + 1 < tokens.Count && Spaced(k, k + 1)
                && (T(k + 1).Equals("floor", StringComparison.OrdinalIgnoreCase) || T(k + 1).Equals("fl", StringComparison.OrdinalIgnoreCase));
            return char.IsAsciiDigit(T(k)[0]) && IsOrdinal(T(k)) && floor ? (k, k + 1) : null;
        }

        // Name words from k, one to three spaces apart on one line; "N." and "St." keep their dot inside the run.
        private List<int> NameRun(int k, int max)
        {
            var run = new List<int>();
            while (k < tokens.Count && run.Count < max && IsNameWord(T(k)))
            {
                run.Add(k);
                var next = k + 1;
                if (next < tokens.Count && T(next) == "." && Adjacent(k, next) && IsAbbreviation(T(k)))
                {
                    next++;
                }

                if (next >= tokens.Count || !Spaced(next - 1, next))
                {
                    break;
                }

                k = next;
            }

            return run;
        }

        private string? Connector(int k)
        {
            if (k == 0 || k + 1 >= tokens.Count)
            {
                return null;
            }

            var word = T(k).ToLowerInvariant();
            var joined = (word is "and" or "at")
                ? Spaced(k - 1, k) && Spaced(k, k + 1)
                : (word is "&" or "/") && Close(k - 1, k) && Close(k, k + 1);
            return joined ? word : null;
        }

        // Where a run of name words begins, so "Main St" is not read again from inside "Pothole Main St".
        private bool StartsName(int i)
        {
            if (i == 0)
            {
                return true;
            }

            var previous = i - 1;
            if (T(previous) == "." && previous > 0 && Adjacent(previous - 1, previous) && IsAbbreviation(T(previous - 1)))
            {
                return !Spaced(previous, i) || !IsNameWord(T(previous - 1));
            }

            return !Spaced(previous, i) || !IsNameWord(T(previous));
        }

        // A number opens an address only after a space or an opening mark, never inside "3.5" or "5:30".
        private bool OpensPhrase(int i)
        {
            var start = tokens[i].Start;
            return start == 0
                || char.IsWhiteSpace(text[start - 1])
                || text[start - 1] is '(' or '[' or '"' or '\'' or '\u201C' or '\u2018' or ',' or ';';
        }

        private bool AfterCrossingNoun(int i) =>
            i >= 2 && T(i - 1).Equals("of", StringComparison.OrdinalIgnoreCase) && CrossingNouns.Contains(T(i - 2));

        private bool AfterPreposition(int i) => i >= 1 && Prepositions.Contains(T(i - 1));

        // The start of the text or of a line, or after a label's colon ("Location: Elm and 3rd").
        private bool StartsLine(int i) => i == 0 || T(i - 1) == ":" || Gap(i - 1, i).Contains('\n');

        private bool Follows(int i, string word) => i >= 1 && T(i - 1).Equals(word, StringComparison.OrdinalIgnoreCase);

        // The token after `last`, past the dot of an abbreviation ("St.").
        private int After(int last) =>
            last + 1 < tokens.Count && T(last + 1) == "." && Adjacent(last, last + 1) && IsAbbreviation(T(last)) ? last + 2 : last + 1;

        private string T(int k) => tokens[k].Text;

        private string Span(int first, int last) => text[tokens[first].Start..tokens[last].End];

        private string Gap(int a, int b) => text[tokens[a].End..tokens[b].Start];

        private bool Adjacent(int a, int b) => tokens[a].End == tokens[b].Start;

        // One to three spaces between two words of a phrase.
        private bool Spaced(int a, int b) => Near(a, b, needSpace: true);

        // Touching, or one to three spaces apart.
        private bool Close(int a, int b) => Near(a, b, needSpace: false);

        private bool Near(int a, int b, bool needSpace)
        {
            var start = tokens[a].End;
            var length = tokens[b].Start - start;
            if (length > MaxGap || (needSpace && length == 0))
            {
                return false;
            }

            for (var c = start; c < start + length; c++)
            {
                if (text[c] is not (' ' or '\t' or '\u00A0'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
