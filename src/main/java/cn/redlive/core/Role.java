package cn.redlive.core;

import java.util.Arrays;
import java.util.Optional;

/** Who a caller is to the base. The names are what the OpenAPI contract lists under x-roles. */
public enum Role {
  MANAGER("manager"),
  STREAMER("streamer"),
  BRAND_PARTNER("brand_partner"),
  INGEST("ingest");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Role> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
