package cn.redlive.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The token signing key: configured, or generated once and kept (owner-readable only) under the data directory. */
public final class JwtSecret {

  private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

  private JwtSecret() {
  }

  public static String resolve(AppConfig config) {
    if (!config.jwtSecret().isEmpty()) return config.jwtSecret();
    Path file = config.dataDir().resolve("jwt-secret");
    try {
      if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8).trim();
      Files.createDirectories(config.dataDir());
      byte[] key = new byte[48];
      new SecureRandom().nextBytes(key);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
      Files.writeString(file, secret, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the directory's permissions apply
      }
      if (!config.embeddedDatabase()) {
        log.warn("generated a JWT key in {}; set REDLIVE_AUTH_JWT_SECRET when running several instances", file);
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the JWT key in " + file, e);
    }
  }
}
