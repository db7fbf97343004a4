package cn.redlive.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The rows of an uploaded sheet, one at a time: the header first, then data rows (null at the end). */
interface RawRows extends Closeable {

  record RawRow(int number, List<String> cells) {
    String cell(int index) {
      return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
    }

    boolean blank() {
      return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
  }

  List<String> header();

  RawRow next() throws IOException;
}
