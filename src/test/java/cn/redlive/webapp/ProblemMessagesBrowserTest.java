package cn.redlive.webapp;

import cn.redlive.support.Api;
import cn.redlive.support.TestApp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the server can refuse with, read from its sources, against what the web app can say in Chinese: a new slug or
 * field message without its Chinese fails here instead of reaching a user as 「该操作不符合业务规则。」 or 「取值无效」.
 */
@DisplayName("Every refusal the server can answer has its Chinese")
class ProblemMessagesBrowserTest {

  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Path CONTRACT = Path.of("src", "main", "resources", "openapi", "redlive.yaml");
  private static final Pattern SLUG_IN_CODE = Pattern.compile(
      "(?:ruleViolated|conflict|badRequest|forbidden|unauthorized|tooManyRequests|new Problem|refuse)\\(\\s*\"([a-z0-9-]+)\"");
  private static final Pattern SLUG_IN_CONTRACT = Pattern.compile("problems/([a-z0-9-]+)");
  private static final Pattern IMPORT_FAILURE = Pattern.compile("new ImportFailure\\(\\s*\"([a-z0-9-]+)\"");
  private static final Pattern FIELD_MESSAGE = Pattern.compile(
      "(?:invalidField|FieldError)\\(\\s*[^,()]+(?:\\([^()]*\\))?,\\s*(\"(?:[^\"\\\\]|\\\\.)*\"[^;]*?)\\)\\s*\\)?\\s*[;:]");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Api api = TestApp.shared().api();

  @Test
  @DisplayName("each problem slug in the code and the contract, and each import failure, has a Chinese message")
  void everySlugHasChinese() {
    TreeSet<String> slugs = new TreeSet<>(found(SLUG_IN_CODE, javaSources()));
    slugs.addAll(found(SLUG_IN_CONTRACT, read(CONTRACT)));
    slugs.addAll(partyStepsMissing());
    List<String> failures = found(IMPORT_FAILURE, javaSources());

    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.page().navigate(api.baseUrl() + "/");
      web.waitReady("login");
      Object untranslated = web.page().evaluate("""
          async ([slugs, failures]) => {
            const p = await import('/js/problems.js');
            const slugsWithout = slugs.filter((slug) =>
              p.messageFor(0, { type: 'https://redlive.cn/problems/' + slug }).startsWith('请求失败'));
            const failuresWithout = failures.filter((code) =>
              p.importFailureMessage({ code, message: 'x' }).startsWith('导入失败：'));
            return [...slugsWithout, ...failuresWithout.map((code) => 'import failure ' + code)];
          }""", List.of(List.copyOf(slugs), failures));
      assertFalse(slugs.size() < 40, "the scan found only " + slugs + ": has the way problems are raised changed?");
      assertEquals(List.of(), untranslated, "problems without a Chinese message in js/problems.js");
    }
  }

  @Test
  @DisplayName("each field message the code writes reads in Chinese, not as 「取值无效」")
  void everyFieldMessageHasChinese() {
    List<String> messages = fieldMessages();
    try (WebApp web = WebApp.onLaptop(api.baseUrl())) {
      web.page().navigate(api.baseUrl() + "/");
      web.waitReady("login");
      Object untranslated = web.page().evaluate("""
          async (messages) => {
            const p = await import('/js/problems.js');
            return messages.filter((message) =>
              p.fieldMessages({ errors: [{ field: 'f', message }] }).f === '取值无效');
          }""", messages);
      assertFalse(messages.size() < 20, "the scan found only " + messages);
      assertEquals(List.of(), untranslated, "field messages without a Chinese pattern in js/problems.js");
    }
  }

  /** Each message with its computed parts (sizes, names) stood in by "1", as a user would receive it. */
  private static List<String> fieldMessages() {
    Matcher m = FIELD_MESSAGE.matcher(javaSources());
    TreeSet<String> messages = new TreeSet<>();
    while (m.find()) {
      Matcher literal = LITERAL.matcher(m.group(1));
      StringBuilder parts = new StringBuilder();
      for (int i = 0; literal.find(); i++) parts.append(i == 0 ? "" : "1").append(literal.group(1));
      if (!m.group(1).trim().endsWith("\"")) parts.append("1");
      messages.add(parts.toString());
    }
    return List.copyOf(messages);
  }

  /** Party refusals name the step that is missing ({@code <step>-missing}), one slug per step another requires. */
  private static List<String> partyStepsMissing() {
    try {
      Class<?> kinds = Class.forName("cn.redlive.party.StepKind");
      Method requires = kinds.getDeclaredMethod("requires");
      Method code = kinds.getDeclaredMethod("code");
      requires.setAccessible(true);
      code.setAccessible(true);
      TreeSet<String> slugs = new TreeSet<>();
      for (Object kind : kinds.getEnumConstants()) {
        for (Object required : (List<?>) requires.invoke(kind)) {
          slugs.add(((String) code.invoke(required)).replace('_', '-') + "-missing");
        }
      }
      return List.copyOf(slugs);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the Party steps are no longer StepKind.requires()/code(): update this scan", e);
    }
  }

  private static List<String> found(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    TreeSet<String> found = new TreeSet<>();
    while (m.find()) found.add(m.group(1));
    return List.copyOf(found);
  }

  private static String javaSources() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().map(ProblemMessagesBrowserTest::read)
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
