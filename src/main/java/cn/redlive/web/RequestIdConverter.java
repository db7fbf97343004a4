package cn.redlive.web;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback {@code %requestId}: the id of the request being handled on this thread, or "-". */
public final class RequestIdConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    String fromMdc = event.getMDCPropertyMap().get("requestId");
    if (fromMdc != null) return fromMdc;
    String id = RequestIds.current();
    return id == null ? "-" : id;
  }
}
