package cn.redlive.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on RFC 9457 answers. */
public final class Problems {

  private Problems() {
  }

  /** The reply is problem+json with this status and problem type, and a human detail. */
  public static void assertProblem(Reply reply, int status, String slug) {
    assertEquals(status, reply.status(), () -> "status of " + reply);
    assertTrue(String.valueOf(reply.contentType()).startsWith("application/problem+json"), () -> "content type of " + reply);
    assertEquals(slug, reply.problemSlug(), () -> "problem type of " + reply);
    assertEquals(status, reply.json().getInteger("status"), () -> "status field of " + reply);
    assertNotNull(reply.json().getString("title"), () -> "title of " + reply);
    assertNotNull(reply.json().getString("detail"), () -> "detail of " + reply);
  }
}
