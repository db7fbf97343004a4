package cn.redlive.catalog;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** The first sheet of an XLSX workbook as a stream of rows (the sheet XML is read with StAX, never held whole). */
final class XlsxRawRows implements RawRows {

  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private final List<String> header;

  /** From the file, not a stream: the ZIP is then read by random access instead of being copied into memory. */
  XlsxRawRows(Path file) throws IOException {
    try {
      this.workbook = new ReadableWorkbook(file.toFile());
      this.stream = workbook.getFirstSheet().openStream();
    } catch (IOException | RuntimeException e) {
      throw new ImportFailure("unreadable-xlsx", "The file looks like a ZIP/XLSX package but is not a readable workbook.");
    }
    this.rows = stream.iterator();
    RawRow first = next();
    while (first != null && first.blank()) first = next();
    if (first == null) throw new ImportFailure("empty-file", "The workbook's first sheet has no header row and no products.");
    this.header = first.cells();
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRow next() {
    if (!rows.hasNext()) return null;
    Row row = rows.next();
    List<String> cells = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) cells.add(text(row.getCell(i)));
    return new RawRow(row.getRowNum(), cells);
  }

  /** Numbers as plain decimals; a percent-formatted cell (0.15 shown as 15%) as "15%". */
  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) return "";
    if (cell.getType() == CellType.NUMBER) {
      BigDecimal value = cell.asNumber();
      String format = cell.getDataFormatString();
      if (format != null && format.contains("%")) return value.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
      return value.stripTrailingZeros().toPlainString();
    }
    String text = cell.getText();
    return text == null ? "" : text;
  }

  @Override
  public void close() throws IOException {
    stream.close();
    workbook.close();
  }
}
