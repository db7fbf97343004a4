package cn.redlive.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.MimeMapping;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Files from a classpath folder, kept in memory with their gzip form made once. The web app is a few dozen small
 * files and one large chart library, read by every visit: the generic static handler looked each one up on disk
 * and gzipped it again for every request, which cost ECharts' 650 KB about 40 ms of an event loop warm (over a
 * second cold), while the module requests queued behind it on the same loop waited.
 *
 * <p>A file is read on a worker thread on its first request and kept for the life of the process (the classpath
 * does not change under a running server).
 * Responses carry a weak ETag (the same for both encodings) and Last-Modified, and answer 304 to a revalidation.
 */
public final class StaticAssets implements Handler<RoutingContext> {

  // names the web app uses: letters, digits, dots, dashes and underscores in folders; no dot segments
  private static final Pattern SAFE = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.[A-Za-z0-9]+");
  // below this the gzip header and a second body cost more than they save
  private static final int SMALLEST_TO_COMPRESS = 512;
  // "gzip;q=0" refuses gzip (String.matches would compile this again on every request)
  private static final Pattern ZERO_QUALITY = Pattern.compile("q=0(\\.0*)?");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Vertx vertx;
  private final String urlPrefix;
  private final String folder;
  private final String cacheControl;
  private final Map<String, Asset> assets = new ConcurrentHashMap<>();

  /**
   * @param urlPrefix    the request path the folder is served under, ending with "/" ("/" for the site root)
   * @param folder       the classpath folder, without a trailing "/"
   * @param cacheControl the Cache-Control of every file
   */
  public StaticAssets(Vertx vertx, String urlPrefix, String folder, String cacheControl) {
    this.vertx = vertx;
    this.urlPrefix = urlPrefix;
    this.folder = folder;
    this.cacheControl = cacheControl;
  }

  @Override
  public void handle(RoutingContext rc) {
    String path = rc.normalizedPath();
    if (!path.startsWith(urlPrefix)) {
      rc.next();
      return;
    }
    String rest = path.substring(urlPrefix.length());
    String name = rest.isEmpty() || rest.endsWith("/") ? rest + "index.html" : rest;
    if (!SAFE.matcher(name).matches()) {
      rc.next();
      return;
    }
    Asset known = assets.get(name);
    if (known != null) {
      send(rc, known);
      return;
    }
    // read on a worker thread, answered back on this request's own event loop (a future shared between loops would
    // call back on the loop that made it); two loops asking for a new file at the same moment both read it, once
    // in the life of the process. A missing file is not kept, so probing paths costs no memory.
    String resource = folder + "/" + name;
    vertx.<Asset>executeBlocking(() -> read(resource), false).onComplete(loaded -> {
      if (loaded.failed()) {
        rc.fail(loaded.cause());
      } else if (loaded.result() == null) {
        rc.next();
      } else {
        assets.putIfAbsent(name, loaded.result());
        send(rc, loaded.result());
      }
    });
  }

  private void send(RoutingContext rc, Asset asset) {
    HttpServerRequest request = rc.request();
    HttpServerResponse response = rc.response()
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
        .putHeader(HttpHeaders.ETAG, asset.etag())
        .putHeader(HttpHeaders.LAST_MODIFIED, asset.lastModified())
        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    if (unchanged(request, asset)) {
      response.setStatusCode(304).end();
      return;
    }
    boolean gzip = asset.gzip() != null && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    Buffer body = gzip ? asset.gzip() : asset.identity();
    // a Content-Encoding already set keeps the server's on-the-fly compression off this response
    response.putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
        .putHeader(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : "identity");
    if (request.method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length())).end();
    } else {
      response.end(body);
    }
  }

  /** If-None-Match wins over If-Modified-Since, as RFC 9110 says. */
  private static boolean unchanged(HttpServerRequest request, Asset asset) {
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      String tag = opaque(asset.etag());
      for (String candidate : ifNoneMatch.split(",")) {
        String trimmed = candidate.trim();
        if (trimmed.equals("*") || opaque(trimmed).equals(tag)) return true;
      }
      return false;
    }
    String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
    if (ifModifiedSince == null) return false;
    try {
      return !Instant.from(HTTP_DATE.parse(ifModifiedSince)).isBefore(asset.modifiedAt());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String opaque(String etag) {
    return etag.startsWith("W/") ? etag.substring(2) : etag;
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      if (!parts[0].trim().equalsIgnoreCase("gzip")) continue;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim().replace(" ", "");
        if (ZERO_QUALITY.matcher(parameter).matches()) return false;
      }
      return true;
    }
    return false;
  }

  /** Blocking: reads a classpath file and prepares both encodings; null when there is no such file. */
  private static Asset read(String resource) throws IOException {
    URL url = StaticAssets.class.getClassLoader().getResource(resource);
    if (url == null || isFolder(url)) return null;
    URLConnection connection = url.openConnection();
    byte[] bytes;
    try (InputStream in = connection.getInputStream()) {
      bytes = in.readAllBytes();
    }
    String type = MimeMapping.mimeTypeForFilename(resource);
    if (type == null) type = "application/octet-stream";
    boolean text = type.startsWith("text/") || type.endsWith("javascript") || type.endsWith("json") || type.endsWith("+xml");
    byte[] gzip = text && bytes.length >= SMALLEST_TO_COMPRESS ? gzip(bytes) : null;
    // whole seconds, as the header carries them
    Instant modified = Instant.ofEpochSecond((connection.getLastModified() > 0 ? connection.getLastModified()
        : cn.redlive.platform.BaseDays.WALL.millis()) / 1000);
    return new Asset(
        Buffer.buffer(bytes),
        gzip != null && gzip.length < bytes.length ? Buffer.buffer(gzip) : null,
        text ? type + "; charset=utf-8" : type,
        "W/\"" + HexFormat.of().formatHex(sha256(bytes), 0, 12) + "\"",
        HTTP_DATE.format(modified), modified);
  }

  // a folder on the classpath of an unpacked build reads as its listing; inside the jar it has no extension
  private static boolean isFolder(URL url) {
    if (!"file".equals(url.getProtocol())) return false;
    try {
      return Files.isDirectory(Paths.get(url.toURI()));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return true;
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION); // made once per file, so the smallest output is worth the time
      }
    }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code lastModified} is the header's text; {@code modifiedAt} the same second, for revalidations. */
  private record Asset(Buffer identity, Buffer gzip, String contentType, String etag, String lastModified,
                       Instant modifiedAt) {
  }
}
