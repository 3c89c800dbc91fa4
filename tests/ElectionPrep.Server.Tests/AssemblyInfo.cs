using System.Runtime.Versioning;

// The tests start PostgreSQL through the server's embedded cluster, which drives Unix tools.
[assembly: UnsupportedOSPlatform("windows")]
