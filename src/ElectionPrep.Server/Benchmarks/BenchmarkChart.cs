using System.Globalization;
using System.Text;

namespace ElectionPrep.Benchmarks;

/// <summary>Two panels against the events in store: throughput (commands and filings a second) above, p95 latency of each path below (log scale).</summary>
public static class BenchmarkChart
{
    private const int Width = 900, PanelHeight = 260, Left = 70, Right = 200, Top = 30, Gap = 60;

    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static string Svg(IReadOnlyList<Sample> samples)
    {
        var svg = new StringBuilder();
        var height = Top + 2 * PanelHeight + Gap + 50;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n");
        var maxEvents = Math.Max(1, samples.Select(sample => sample.Events).DefaultIfEmpty(1).Max());
        var throughput = new Dictionary<string, IReadOnlyList<(long, double)>>
        {
            ["commands/s"] = [.. samples.Select(sample => (sample.Events, sample.CommandsPerSecond))],
            ["filings/s"] = [.. samples.Select(sample => (sample.Events, sample.FilingsPerSecond))],
        };
        Panel(svg, "throughput (per second) against events in store", Top, maxEvents, throughput, logarithmic: false);
        var latency = samples.SelectMany(sample => sample.Paths.Keys).Distinct().Order(StringComparer.Ordinal).ToDictionary(path => path,
            path => (IReadOnlyList<(long, double)>)[.. samples.Where(sample => sample.Paths.ContainsKey(path)).Select(sample => (sample.Events, Math.Max(sample.Paths[path].P95, 0.1)))]);
        Panel(svg, "p95 latency (ms, log scale) against events in store", Top + PanelHeight + Gap, maxEvents, latency, logarithmic: true);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, string title, int top, long maxEvents, IReadOnlyDictionary<string, IReadOnlyList<(long Events, double Value)>> series, bool logarithmic)
    {
        var plotWidth = Width - Left - Right;
        var values = series.Values.SelectMany(points => points.Select(point => point.Value)).DefaultIfEmpty(1).ToList();
        var (low, high) = logarithmic ? (Math.Floor(Math.Log10(values.Min())), Math.Ceiling(Math.Log10(values.Max())) + (values.Max() == values.Min() ? 1 : 0)) : (0, Math.Max(values.Max() * 1.1, 1));
        double X(long events) => Left + plotWidth * (double)events / maxEvents;
        double Y(double value) => top + PanelHeight - PanelHeight * ((logarithmic ? Math.Log10(value) : value) - low) / Math.Max(high - low, 1e-9);

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{top - 10}\" font-size=\"13\">{title}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>\n");
        for (var tick = 0; tick <= 4; tick++)
        {
            var level = low + (high - low) * tick / 4;
            var y = top + PanelHeight - PanelHeight * tick / 4.0;
            var label = logarithmic ? Math.Pow(10, level).ToString("G3", CultureInfo.InvariantCulture) : level.ToString("N0", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + plotWidth}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#eee\"/><text x=\"{Left - 5}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{label}</text>\n");
            var events = maxEvents * tick / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(events):F1}\" y=\"{top + PanelHeight + 15}\" text-anchor=\"middle\">{events:N0}</text>\n");
        }

        var index = 0;
        foreach (var (name, points) in series)
        {
            var colour = Colours[index % Colours.Length];
            var line = string.Join(' ', points.Select(point => string.Create(CultureInfo.InvariantCulture, $"{X(point.Events):F1},{Y(point.Value):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{line}\"/>\n");
            var legendY = top + 12 + index * 16;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left + plotWidth + 10}\" x2=\"{Left + plotWidth + 30}\" y1=\"{legendY - 4}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"2\"/><text x=\"{Left + plotWidth + 35}\" y=\"{legendY}\">{name}</text>\n");
            index++;
        }
    }
}
