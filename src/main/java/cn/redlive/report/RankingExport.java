package cn.redlive.report;

import cn.redlive.catalog.SafeCsv;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A ranking as a spreadsheet. Money in yuan and rates in percent are number cells; text cells (names come from
 * users) starting with = + - @ are neutralised with a leading apostrophe in both CSV and XLSX, so neither Excel nor
 * a later save-as-CSV can turn them into formulas.
 */
final class RankingExport {

  static final List<String> HEADER = List.of("排名", "名称", "订单数", "退款单数", "成交额(元)", "净销售额(元)", "增长率(%)",
      "月度目标(元)", "目标达成率(%)", "UV价值(元)", "转化率(%)");
  private static final int GROWTH_COLUMN = HEADER.indexOf("增长率(%)");

  private RankingExport() {
  }

  static List<List<Object>> rows(Rankings.Ranked ranked) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < ranked.rows().size(); i++) {
      RankingRow r = ranked.rows().get(i);
      List<Object> row = new ArrayList<>();
      row.add(i + 1);
      row.add(r.name() == null ? "" : r.name());
      row.add(r.figures().orders());
      row.add(r.figures().refunds());
      row.add(yuan(r.figures().grossFen()));
      row.add(yuan(r.figures().netFen()));
      row.add(r.growth().isNew() ? "新增" : percent(r.growth().growthBp()));
      row.add(r.targetFen() == null ? null : yuan(r.targetFen()));
      row.add(percent(r.attainmentBp()));
      row.add(r.uvValueFen() == null ? null : yuan(r.uvValueFen()));
      row.add(percent(r.conversionBp()));
      rows.add(row);
    }
    return rows;
  }

  static String csv(Rankings.Ranked ranked) {
    SafeCsv csv = new SafeCsv().row(header(ranked));
    rows(ranked).forEach(csv::row);
    return csv.toString();
  }

  static byte[] xlsx(Rankings.Ranked ranked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "RedLive", "1.0");
      Worksheet sheet = workbook.newWorksheet("业绩排名");
      write(sheet, 0, new ArrayList<>(header(ranked)));
      List<List<Object>> rows = rows(ranked);
      for (int i = 0; i < rows.size(); i++) write(sheet, i + 1, rows.get(i));
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The growth column names what it compares with, as the API's comparedWith does: 环比 or 同比 and the days. */
  static List<String> header(Rankings.Ranked ranked) {
    var compared = Rankings.comparedWith(ranked.request());
    List<String> header = new ArrayList<>(HEADER);
    header.set(GROWTH_COLUMN, "增长率(%) " + compared.getString("label") + " " + compared.getString("from") + "至" + compared.getString("to"));
    return header;
  }

  private static void write(Worksheet sheet, int row, List<Object> cells) {
    for (int c = 0; c < cells.size(); c++) {
      Object cell = cells.get(c);
      if (cell instanceof Number n) sheet.value(row, c, n);
      else if (cell != null) sheet.value(row, c, SafeCsv.defuse(String.valueOf(cell)));
    }
  }

  private static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  private static BigDecimal percent(Integer bp) {
    return bp == null ? null : BigDecimal.valueOf(bp, 2);
  }
}
