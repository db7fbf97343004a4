package cn.redlive.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/** CSV rows read record by record (quoted newlines and CRLF handled by commons-csv); comma, tab or semicolon. */
final class CsvRawRows implements RawRows {

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;

  CsvRawRows(InputStream in, FileSniffer.Facts facts) throws IOException {
    if (facts.bom()) in.skipNBytes(3);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, facts.charset()), 64 * 1024);
    reader.mark(64 * 1024);
    char delimiter = delimiterOf(reader);
    reader.reset();
    this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get().parse(reader);
    this.records = parser.iterator();
    if (!hasNext()) throw new ImportFailure("empty-file", "The file has no header row and no products.");
    this.header = records.next().toList();
  }

  private static char delimiterOf(BufferedReader reader) throws IOException {
    String first = reader.readLine();
    if (first == null) return ',';
    long commas = first.chars().filter(c -> c == ',').count();
    long tabs = first.chars().filter(c -> c == '\t').count();
    long semicolons = first.chars().filter(c -> c == ';').count();
    if (tabs > commas && tabs >= semicolons) return '\t';
    if (semicolons > commas) return ';';
    return ',';
  }

  private boolean hasNext() {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw new ImportFailure("malformed-csv", "The CSV cannot be read: " + e.getCause().getMessage());
    }
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRow next() {
    if (!hasNext()) return null;
    try {
      CSVRecord record = records.next();
      return new RawRow((int) record.getRecordNumber(), record.toList());
    } catch (UncheckedIOException e) {
      throw new ImportFailure("malformed-csv", "The CSV cannot be read near record " + parser.getRecordNumber()
          + ": " + e.getCause().getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
