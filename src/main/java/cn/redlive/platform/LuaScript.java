package cn.redlive.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script from the classpath with its SHA-1, so Redis can run it by hash (EVALSHA) once it has seen it. */
public record LuaScript(String name, String source, String sha) {

  public static LuaScript fromClasspath(String resource) {
    try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing Lua script " + resource);
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return new LuaScript(resource, source, HexFormat.of().formatHex(digest));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot load Lua script " + resource, e);
    }
  }
}
