package cn.redlive.report;

import cn.redlive.support.Api;
import cn.redlive.support.LiveKit;
import cn.redlive.support.People;
import cn.redlive.support.Reply;
import cn.redlive.support.SalesKit;
import cn.redlive.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import static cn.redlive.support.SalesKit.csv;
import static cn.redlive.support.SalesKit.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Ranking export")
class RankingExportTest {

  private static final List<String> DANGEROUS = List.of("=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)");

  private final Api api = TestApp.shared().api();
  private final SalesKit sales = new SalesKit(api);

  @Test
  @DisplayName("names starting with = + - or @ are exported as text in CSV and XLSX, never as formulas")
  void exportIsFormulaSafe() throws Exception {
    long product = sales.product().id();
    StringBuilder lines = new StringBuilder();
    for (String name : DANGEROUS) {
      People.LoggedIn streamer = streamerNamed(name + TestApp.uniqueName(""));
      lines.append(order(LiveKit.uniqueId("o"), "2023-02-10 10:00", streamer, product, "10.00")).append("\r\n");
    }
    sales.imported(csv(lines.toString().trim()));
    String query = "/api/v1/reports/rankings/export?from=2023-02-01&to=2023-02-28&limit=500&format=";

    Reply csvReply = api.get(query + "csv").as(sales.manager()).send();
    byte[] xlsx = download(query + "xlsx");

    assertEquals(200, csvReply.status(), csvReply::toString);
    assertTrue(csvReply.header("Content-Disposition").contains("attachment"));
    for (String name : DANGEROUS) {
      assertTrue(csvReply.body().contains("'" + quoted(name)), "CSV neutralises " + name + ":\n" + csvReply.body());
    }
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> names = workbook.getFirstSheet().openStream().skip(1)
          .map(row -> row.getCellText(1)).collect(Collectors.toList());
      for (String name : DANGEROUS) {
        assertTrue(names.stream().anyMatch(n -> n.startsWith("'" + name)), "XLSX neutralises " + name + ": " + names);
      }
      Row first = workbook.getFirstSheet().openStream().skip(1).findFirst().orElseThrow();
      assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, first.getCell(5).getType(), "money stays a number");
    }
  }

  private static String quoted(String name) {
    return name.contains("\"") ? name.replace("\"", "\"\"") : name;
  }

  private People.LoggedIn streamerNamed(String stageName) {
    Api.NewUser user = api.newUser("streamer");
    Reply created = api.post("/api/v1/streamers").as(sales.manager()).json(new JsonObject().put("realName", "导出测试")
        .put("stageName", stageName.length() > 40 ? stageName.substring(0, 40) : stageName).put("birthDate", "1998-01-01")
        .put("joinedOn", "2023-01-01").put("accountId", user.id())).send();
    assertEquals(201, created.status(), created::toString);
    return new People.LoggedIn(created.json().getLong("id"), user);
  }

  private byte[] download(String path) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
        .header("Authorization", "Bearer " + sales.manager()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    return response.body();
  }
}
