package cn.redlive.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** CSV rows read record by record (quoted newlines and CRLF handled by commons-csv); comma, tab or semicolon. */
final class CsvRawRows implements RawRows {

  private final Path file;
  private final FileSniffer.Facts facts;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;

  /** {@code file} is where {@code in} reads from: a byte that is not a character is reported with its line. */
  CsvRawRows(InputStream in, FileSniffer.Facts facts, Path file) throws IOException {
    this.file = file;
    this.facts = facts;
    if (facts.bom()) in.skipNBytes(3);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, FileSniffer.strictDecoder(facts)), 64 * 1024);
    try {
      reader.mark(64 * 1024);
      char delimiter = delimiterOf(reader);
      reader.reset();
      this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get().parse(reader);
    } catch (CharacterCodingException e) {
      throw FileSniffer.undecodable(file, facts);
    }
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
      throw unreadable(e, "");
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
      throw unreadable(e, " near record " + parser.getRecordNumber());
    }
  }

  /** A byte that is not a character in the file's encoding, or text the CSV parser cannot read. */
  private ImportFailure unreadable(UncheckedIOException e, String where) {
    if (e.getCause() instanceof CharacterCodingException) {
      try {
        return FileSniffer.undecodable(file, facts);
      } catch (IOException again) {
        throw new UncheckedIOException(again);
      }
    }
    return new ImportFailure("malformed-csv", "The CSV cannot be read" + where + ": " + e.getCause().getMessage());
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
