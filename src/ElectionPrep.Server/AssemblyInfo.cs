using System.Runtime.Versioning;

// The embedded database drives PostgreSQL's Unix tools (initdb, pg_ctl, runuser) and Unix file modes.
[assembly: UnsupportedOSPlatform("windows")]
