package cn.redlive.catalog;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("Cells read the way spreadsheets in the field write them")
class CellValuesTest {

  @Test
  @DisplayName("prices in yuan with currency signs, thousands separators and units become fen")
  void prices() {
    assertEquals(129900, CellValues.fen("¥1,299.00"));
    assertEquals(129900, CellValues.fen("1299元"));
    assertEquals(129900, CellValues.fen("￥1，299"));
    assertEquals(1250, CellValues.fen("RMB 12.5"));
    assertEquals(1250, CellValues.fen("12.5 cny"));
    assertEquals(1200, CellValues.fen("12"));
    assertEquals(5, CellValues.fen("0.05"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.fen("十元"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.fen("12.345"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.fen("-3"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.fen("1.2.3"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.fen("元"));
  }

  @Test
  @DisplayName("commission as 15%, 15 or a percent-formatted 0.15 becomes basis points")
  void commissions() {
    assertEquals(1500, CellValues.basisPoints("15%"));
    assertEquals(1500, CellValues.basisPoints("15"));
    assertEquals(1500, CellValues.basisPoints("0.15"));
    assertEquals(1250, CellValues.basisPoints("12.5 ％"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.basisPoints("101%"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.basisPoints("12.345%"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.basisPoints("一成"));
  }

  @Test
  @DisplayName("stock counts and weights tolerate separators, a trailing .0 and units")
  void countsAndWeights() {
    assertEquals(1000, CellValues.count("1,000"));
    assertEquals(1000, CellValues.count("1 000"));
    assertEquals(5, CellValues.count("5.0"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.count("5.5"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.count("99999999999"));
    assertEquals(Optional.of(350), CellValues.grams("350"));
    assertEquals(Optional.of(500), CellValues.grams("500g"));
    assertEquals(Optional.of(500), CellValues.grams("0.5KG"));
    assertEquals(Optional.of(2500), CellValues.grams("2.5公斤"));
    assertEquals(Optional.of(250), CellValues.grams("250克"));
    assertThrows(IllegalArgumentException.class, () -> CellValues.grams("半斤"));
  }
}
