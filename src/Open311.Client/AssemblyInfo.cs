using System.Runtime.CompilerServices;

// The tests check the form encoding and the parsers directly: the loopback stand-in never reads request bodies.
[assembly: InternalsVisibleTo("Open311.Client.Tests")]
