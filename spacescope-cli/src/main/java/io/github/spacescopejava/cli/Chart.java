package io.github.spacescopejava.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** A PNG line chart of one or more series over time (JFreeChart), in UTC, locale-independent. */
final class Chart {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private Chart() {}

  /**
   * Draws the series.
   *
   * @param series per name, the values (already divided by the scale) by instant
   */
  static void png(
      OutputStream out,
      String title,
      String subtitle,
      String xLabel,
      String yLabel,
      Map<String, NavigableMap<Instant, Double>> series,
      int width,
      int height)
      throws IOException {
    TimeSeriesCollection dataset = new TimeSeriesCollection(UTC);
    for (Map.Entry<String, NavigableMap<Instant, Double>> s :
        new LinkedHashMap<>(series).entrySet()) {
      TimeSeries line = new TimeSeries(s.getKey());
      s.getValue().forEach((t, v) -> line.add(new FixedMillisecond(t.toEpochMilli()), v));
      dataset.addSeries(line);
    }
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(
            title, xLabel, yLabel, dataset, series.size() > 1, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 24)); // room for the last date label
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    XYItemRenderer renderer = plot.getRenderer();
    Color[] palette = {
      new Color(0x1F77B4),
      new Color(0xD62728),
      new Color(0x2CA02C),
      new Color(0xFF7F0E),
      new Color(0x9467BD),
      new Color(0x8C564B)
    };
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, palette[i % palette.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    DateAxis time = (DateAxis) plot.getDomainAxis();
    time.setTimeZone(UTC);
    time.setLocale(Locale.ROOT);
    long span =
        series.values().stream()
            .filter(m -> !m.isEmpty())
            .mapToLong(m -> m.lastKey().toEpochMilli() - m.firstKey().toEpochMilli())
            .max()
            .orElse(0);
    SimpleDateFormat format =
        new SimpleDateFormat(span <= 3L * 86_400_000 ? "MM-dd HH:mm" : "yyyy-MM-dd", Locale.ROOT);
    format.setTimeZone(UTC);
    time.setDateFormatOverride(format);
    NumberAxis values = (NumberAxis) plot.getRangeAxis();
    values.setAutoRangeIncludesZero(false);
    values.setNumberFormatOverride(
        new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    ChartUtils.writeChartAsPNG(out, chart, width, height);
  }
}
