package cn.redlive;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The shape every feature shares (README, Architecture), checked on the source tree so that it stays true: SQL only
 * in repositories, repositories built only by their feature's front door, time only from the injected clock, and a
 * repository naming only its feature's tables (docs/schema.md says which feature owns which table).
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/cn/redlive");
  private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern STATEMENT = Pattern.compile("^\\s*(SELECT|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|WITH\\s+\\w+\\s+AS)\\b",
      Pattern.CASE_INSENSITIVE);
  /** A table after FROM, JOIN, INTO or UPDATE (not a column: no dot after it), with the word before. */
  private static final Pattern TABLE = Pattern.compile("(?:(\\w+)\\s+)?\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b(?!\\.)",
      Pattern.CASE_INSENSITIVE);
  /** extract(epoch FROM ...), IS DISTINCT FROM, FOR UPDATE, ON CONFLICT ... DO UPDATE: no table follows. */
  private static final Set<String> NOT_A_TABLE_AFTER = Set.of("epoch", "distinct", "for", "do", "key", "no", "on");
  private static final Pattern NEW_REPOSITORY = Pattern.compile("new\\s+(\\w+Repository)\\s*\\(");
  private static final Pattern WALL_CLOCK = Pattern.compile(
      "\\b(?:(?:Instant|LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|YearMonth)\\.now\\(\\s*\\)"
          + "|System\\.currentTimeMillis\\(\\)|Clock\\.system\\w*\\()");

  /** Statements outside repositories that are no feature's: the readiness probe. */
  private static final Set<String> SQL_OUTSIDE_REPOSITORIES = Set.of("platform/Health.java");

  /** Demo seeding is start-up tooling, not a feature: it builds its own repository (see README, Architecture). */
  private static final Set<String> REPOSITORY_BUILDERS = Set.of("demo/DemoData.java", "demo/DemoCatalog.java",
      "demo/PeopleDemoData.java");

  /**
   * Tables repositories still name outside their own feature, each "repository -> table". A new entry fails the
   * test; an entry that no longer occurs fails it too, so the list only shrinks. report reads other features' tables
   * by design (its read models) and is not listed; demo seeds every feature's tables.
   */
  private static final Set<String> KNOWN_FOREIGN_TABLES = Set.of(
      // booking checks the session is live in the statement that books its orders (see LiveOrderRepository)
      "sales/LiveOrderRepository.java -> live_sessions",
      // other joins across features, to move behind the owners' services or into report:
      // enterprise writes brands.enterprise/enterprise_id in the transaction that registers or renames an enterprise
      // (V40); moving it needs a Brands call that takes the caller's SqlClient
      "enterprise/EnterpriseRepository.java -> brands",
      "party/PartyRepository.java -> streamer_tallies",
      "party/PartyRepository.java -> streamers",
      "party/PartyRepository.java -> teams",
      // brand name shown beside brand_id on every product read (filters use brand_id only): to fill in Products
      "product/ProductRepository.java -> brands",
      "selection/SelectionRepository.java -> brands",
      "selection/SelectionRepository.java -> products",
      "streamer/StreamerRepository.java -> teams",
      "study/StudyRepository.java -> streamers",
      "target/TargetRepository.java -> brands",
      "target/TargetRepository.java -> enterprises",
      "target/TargetRepository.java -> products",
      "target/TargetRepository.java -> streamers",
      "target/TargetRepository.java -> teams",
      "team/TeamRepository.java -> streamers");

  private static Map<String, String> sources;

  @BeforeAll
  static void readSources() throws IOException {
    sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> {
        try {
          sources.put(MAIN.relativize(f).toString().replace('\\', '/'), Files.readString(f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    assertFalse(sources.isEmpty(), "the test runs from the project directory");
  }

  @Test
  @DisplayName("SQL statements are written only in repositories")
  void sqlOnlyInRepositories() {
    List<String> found = new ArrayList<>();
    sources.forEach((file, text) -> {
      if (file.endsWith("Repository.java") || SQL_OUTSIDE_REPOSITORIES.contains(file)) return;
      for (String literal : literals(text)) {
        if (STATEMENT.matcher(literal).find()) found.add(file + ": " + firstLine(literal));
      }
    });
    assertEquals(List.of(), found);
  }

  @Test
  @DisplayName("only a feature's front door builds a repository")
  void repositoriesBuiltOnlyByFeatures() {
    assertEquals(List.of(), occurrences(NEW_REPOSITORY,
        file -> file.endsWith("Feature.java") || REPOSITORY_BUILDERS.contains(file)));
  }

  @Test
  @DisplayName("no code reads the wall clock but the clock source")
  void timeOnlyFromTheClock() {
    assertEquals(List.of(), occurrences(WALL_CLOCK, file -> file.equals("platform/BaseDays.java")));
  }

  @Test
  @DisplayName("a repository names only its own feature's tables, but for the known exceptions, which only shrink")
  void repositoriesKeepToTheirTables() throws IOException {
    Map<String, String> owners = tableOwners();
    Set<String> foreign = new TreeSet<>();
    Set<String> unowned = new TreeSet<>();
    sources.forEach((file, text) -> {
      if (!file.endsWith("Repository.java")) return;
      String feature = file.substring(0, file.indexOf('/'));
      if (feature.equals("demo")) return;
      String sql = String.join(" ; ", literals(text)); // literals apart: " FROM " + X + " WHERE" names no table "where"
      Matcher m = TABLE.matcher(sql);
      while (m.find()) {
        if (m.group(1) != null && NOT_A_TABLE_AFTER.contains(m.group(1).toLowerCase())) continue;
        String table = m.group(2).toLowerCase();
        String owner = owners.get(table);
        if (owner == null) {
          if (Pattern.compile("\\b" + table + "\\s+AS\\s*(?:MATERIALIZED\\s*)?\\(", Pattern.CASE_INSENSITIVE)
              .matcher(sql).find()) continue; // a common table expression
          if (isSqlWord(table)) continue;
          unowned.add(file + " -> " + table);
        } else if (!owner.equals(feature) && !feature.equals("report")) {
          foreign.add(file + " -> " + table);
        }
      }
    });
    assertEquals(Set.of(), unowned, "tables docs/schema.md does not list with their owner");
    Set<String> added = new TreeSet<>(foreign);
    added.removeAll(KNOWN_FOREIGN_TABLES);
    assertEquals(Set.of(), added, "a repository names another feature's table; ask that feature's service instead");
    Set<String> gone = new TreeSet<>(KNOWN_FOREIGN_TABLES);
    gone.removeAll(foreign);
    assertEquals(Set.of(), gone, "fixed exceptions: take them off KNOWN_FOREIGN_TABLES");
  }

  /** Where the pattern occurs in the sources, but in the files exempted. */
  private static List<String> occurrences(Pattern pattern, java.util.function.Predicate<String> exempt) {
    List<String> found = new ArrayList<>();
    sources.forEach((file, text) -> {
      if (exempt.test(file)) return;
      Matcher m = pattern.matcher(text);
      while (m.find()) found.add(file + ": " + m.group());
    });
    return found;
  }

  /** Table to owning feature, from the "Tables by owning feature" table of docs/schema.md. */
  private static Map<String, String> tableOwners() throws IOException {
    Map<String, String> owners = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\| (\\w+) \\| (.*?) \\|");
    Pattern name = Pattern.compile("`(\\w+)`");
    for (String line : Files.readAllLines(Path.of("docs/schema.md"))) {
      Matcher r = row.matcher(line);
      if (!r.find() || r.group(1).equals("feature")) continue;
      Matcher n = name.matcher(r.group(2));
      while (n.find()) owners.put(n.group(1), r.group(1));
    }
    assertFalse(owners.isEmpty(), "docs/schema.md lists the tables by owning feature");
    return owners;
  }

  /** Words that follow FROM/JOIN/INTO/UPDATE in SQL without naming a table (unnest(...), a subquery's alias...). */
  private static boolean isSqlWord(String word) {
    return Set.of("unnest", "generate_series", "lateral", "jsonb_array_elements", "jsonb_each", "jsonb_to_recordset",
        "set", "only", "values", "select").contains(word);
  }

  private static List<String> literals(String source) {
    List<String> literals = new ArrayList<>();
    Matcher blocks = TEXT_BLOCK.matcher(source);
    StringBuilder rest = new StringBuilder();
    int end = 0;
    while (blocks.find()) {
      literals.add(blocks.group(1));
      rest.append(source, end, blocks.start());
      end = blocks.end();
    }
    rest.append(source.substring(end));
    Matcher strings = STRING.matcher(rest);
    while (strings.find()) literals.add(strings.group(1));
    return literals;
  }

  private static String firstLine(String literal) {
    String line = literal.strip();
    int n = line.indexOf('\n');
    return n < 0 ? line : line.substring(0, n);
  }
}
