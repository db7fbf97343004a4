package cn.redlive.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells what an uploaded file is before any row is read: XLSX (a ZIP package), or text in UTF-8 (with or without
 * BOM) or GBK, which is what Excel in China saves as "CSV". UTF-8 first (GBK text is almost never valid UTF-8), then
 * GBK. A file with a UTF-8 BOM, or whose first {@value #PREFIX} bytes hold non-ASCII text that is valid UTF-8, is
 * UTF-8: the rows are then decoded strictly as they are read ({@link #strictDecoder}), and a bad byte further on
 * fails the import with its line ({@link #undecodable(Path, Facts)}). Other files are decoded whole, strictly,
 * before any row is read: an ASCII start says nothing, and GBK must hold for the whole file.
 */
final class FileSniffer {

  enum Format { XLSX, TEXT }

  record Facts(Format format, Charset charset, boolean bom, String encodingName) {
  }

  static final Charset GBK = Charset.forName("GBK");
  /** Bytes decoded up front to recognise UTF-8; decoding a 100,000-row file whole took ~50 ms before its first row. */
  private static final int PREFIX = 64 * 1024;
  /** How far into the file a NUL byte marks it as binary. */
  private static final int BINARY_SCAN = 8192;
  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private FileSniffer() {
  }

  static Facts sniff(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(PREFIX);
    }
    if (head.length == 0) throw new ImportFailure("empty-file", "The file is empty.");
    if (startsWith(head, ZIP)) return new Facts(Format.XLSX, null, false, null);
    if (startsWith(head, OLE2)) {
      throw new ImportFailure("xls-not-supported", "This is an old Excel .xls file; save it as .xlsx or CSV and upload again.");
    }
    if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(head, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
      throw new ImportFailure("utf16-not-supported", "This is UTF-16 text; save it as CSV (UTF-8) and upload again.");
    }
    for (int i = 0; i < Math.min(head.length, BINARY_SCAN); i++) {
      if (head[i] == 0) {
        throw new ImportFailure("binary-file",
            "This is not a CSV or XLSX file (it contains binary data at byte " + i + "); upload a CSV or XLSX catalog.");
      }
    }
    if (startsWith(head, UTF8_BOM)) return new Facts(Format.TEXT, StandardCharsets.UTF_8, true, "UTF-8 BOM");
    if (isUtf8Text(head, head.length < PREFIX)) return new Facts(Format.TEXT, StandardCharsets.UTF_8, false, "UTF-8");
    var utf8Error = firstUndecodable(file, StandardCharsets.UTF_8, 0);
    if (utf8Error.isEmpty()) return new Facts(Format.TEXT, StandardCharsets.UTF_8, false, "UTF-8");
    if (firstUndecodable(file, GBK, 0).isEmpty()) return new Facts(Format.TEXT, GBK, false, "GBK");
    throw undecodable("UTF-8 or GBK", utf8Error.get());
  }

  /** A decoder for reading the rows that fails on a byte that is not a character, instead of replacing it. */
  static CharsetDecoder strictDecoder(Facts facts) {
    return strictDecoder(facts.charset());
  }

  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The failure for a file whose rows stopped decoding: where the first bad byte is, found by decoding again. */
  static ImportFailure undecodable(Path file, Facts facts) throws IOException {
    String expected = facts.bom() ? "UTF-8 (it starts with a UTF-8 BOM)" : facts.encodingName();
    Position at = firstUndecodable(file, facts.charset(), facts.bom() ? UTF8_BOM.length : 0)
        .orElseThrow(() -> new IllegalStateException("the file decoded when read again; did it change?"));
    return undecodable(expected, at);
  }

  /**
   * Whether the file's first bytes are non-ASCII text that decodes as UTF-8. Unless they are the whole file, a
   * character cut at their end is fine.
   */
  private static boolean isUtf8Text(byte[] head, boolean wholeFile) {
    boolean ascii = true;
    for (byte b : head) ascii &= b >= 0;
    if (ascii) return false;
    return !strictDecoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), wholeFile)
        .isError();
  }

  private static ImportFailure undecodable(String expected, Position at) {
    return new ImportFailure("undecodable-text", "The file is not valid " + expected + " text: line " + at.line
        + " has bytes that are not characters (byte offset " + at.offset + "). Save the file as CSV UTF-8 and upload again.");
  }

  record Position(long offset, long line) {
  }

  /**
   * Where strict decoding first fails, if it does. Lines are counted only then, from the bytes: a newline byte
   * never occurs inside a UTF-8 or GBK character, and counting while decoding took 8% of a clean import's parsing.
   */
  private static java.util.Optional<Position> firstUndecodable(Path file, Charset charset, int skip) throws IOException {
    CharsetDecoder decoder = strictDecoder(charset);
    ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    CharBuffer chars = CharBuffer.allocate(64 * 1024);
    long offset = skip;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.skipNBytes(skip);
      boolean eof = false;
      while (!eof) {
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) eof = true;
        else bytes.position(bytes.position() + read);
        bytes.flip();
        int before = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, eof);
        offset += bytes.position() - before;
        if (result.isError()) return java.util.Optional.of(positionOf(file, offset));
        chars.clear();
        bytes.compact();
      }
      if (decoder.flush(chars).isError()) return java.util.Optional.of(positionOf(file, offset));
    } catch (CharacterCodingException e) {
      return java.util.Optional.of(positionOf(file, offset));
    }
    return java.util.Optional.empty();
  }

  private static Position positionOf(Path file, long offset) throws IOException {
    long line = 1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      for (long i = 0; i < offset; i++) if (in.read() == '\n') line++;
    }
    return new Position(offset, line);
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    if (head.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if (head[i] != prefix[i]) return false;
    return true;
  }
}
