package cn.redlive.platform;

import io.lettuce.core.codec.StringCodec;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/**
 * Lettuce's UTF-8 string codec, but with an exact size estimate. Lettuce writes an argument straight into the
 * command buffer only when the codec knows its exact length; {@link StringCodec#UTF8} does not, so every key and
 * value went through a temporary pooled buffer (allocate, encode, copy, release): 9% of a single-event ingest
 * request's CPU, and four such buffers per event of a batch. Counting the UTF-8 bytes first is a cheap scan.
 */
final class ExactUtf8Codec extends StringCodec {

  static final ExactUtf8Codec INSTANCE = new ExactUtf8Codec();

  private ExactUtf8Codec() {
    super(StandardCharsets.UTF_8);
  }

  /** Exactly the bytes StringCodec writes for UTF-8 ({@link ByteBufUtil#writeUtf8}; a lone surrogate is one '?'). */
  @Override
  public int estimateSize(Object keyOrValue) {
    return keyOrValue == null ? 0 : ByteBufUtil.utf8Bytes((CharSequence) keyOrValue);
  }

  @Override
  public boolean isEstimateExact() {
    return true;
  }
}
