package io.weft.loadgen.report;

import io.weft.loadgen.Interval;
import io.weft.loadgen.LoadResult;
import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart and returned as SVG markup to embed inline, so the report
 * needs no network and no scripts to open.
 */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    /** The spectrum's x axis runs to 99.9999%: 1 / (1 - 0.999999). */
    private static final double SPECTRUM_LIMIT = 1e6;

    static {
        // Charts are drawn with AWT; on a server there is no display, and none is needed.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** Successful replies per second, per timeline interval. */
    static String throughput(LoadResult r) throws IOException {
        XYChart chart = chart("Throughput", "seconds", "requests / s");
        List<Double> t = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        for (Interval i : r.timeline()) {
            t.add(i.endSeconds());
            rate.add(i.ratePerSecond());
        }
        line(chart, "throughput", t, rate);
        return svg(chart);
    }

    /** Median and 99th percentile latency, per timeline interval. */
    static String latencyOverTime(LoadResult r) throws IOException {
        XYChart chart = chart("Latency over time", "seconds", "milliseconds");
        List<Double> t = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (Interval i : r.timeline()) {
            t.add(i.endSeconds());
            p50.add(i.p50Nanos() / 1e6);
            p99.add(i.p99Nanos() / 1e6);
        }
        line(chart, "p50", t, p50);
        line(chart, "p99", t, p99);
        return svg(chart);
    }

    /**
     * Latency by percentile over the whole measured window, on HdrHistogram's customary axis: x is
     * 1 / (1 - percentile), logarithmic, so 90%, 99%, 99.9%, ... are evenly spaced and the tail is visible.
     */
    static String spectrum(LoadResult r) throws IOException {
        XYChart chart = chart("Latency by percentile", "percentile", "milliseconds");
        chart.getStyler().setXAxisLogarithmic(true).setXAxisMin(1.0).setXAxisMax(SPECTRUM_LIMIT);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(Charts::percentileLabel);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        Histogram h = r.latency();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue v : h.percentiles(5)) {
                double fraction = v.getPercentileLevelIteratedTo() / 100;
                x.add(fraction >= 1 - 1 / SPECTRUM_LIMIT ? SPECTRUM_LIMIT : 1 / (1 - fraction));
                y.add(h.highestEquivalentValue(v.getValueIteratedTo()) / 1e6);
            }
        }
        line(chart, "latency", x, y);
        return svg(chart);
    }

    /** Tick label for x = 1 / (1 - p): 1 -> "0%", 10 -> "90%", 1000 -> "99.9%". */
    static String percentileLabel(double x) {
        double percent = 100 * (1 - 1 / x);
        String s = String.format(Locale.ROOT, "%.6f", percent).replaceFirst("0+$", "").replaceFirst("\\.$", "");
        return s + "%";
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(true).setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** Adds a line series; an empty one gets a single point at the origin, since XChart refuses no data. */
    private static void line(XYChart chart, String name, List<Double> x, List<Double> y) {
        if (x.isEmpty()) {
            x = List.of(chart.getStyler().isXAxisLogarithmic() ? 1.0 : 0.0);
            y = List.of(0.0);
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
    }

    /**
     * The chart as an {@code <svg>} element, without the XML prologue a standalone file would have.
     * Painted through VectorGraphics2D directly: XChart's own SVG export wraps the same calls but is
     * deprecated. Text comes out as outlines, so the SVG looks the same without the fonts.
     */
    private static String svg(XYChart chart) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        Document document = Processors.get("svg").getDocument(g.getCommands(),
                new PageSize(0, 0, chart.getWidth(), chart.getHeight()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.writeTo(out);
        String markup = out.toString(StandardCharsets.UTF_8);
        int start = markup.indexOf("<svg");
        return start < 0 ? markup : markup.substring(start);
    }
}
