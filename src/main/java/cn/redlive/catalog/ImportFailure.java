package cn.redlive.catalog;

/** The whole file cannot be imported (empty, binary, undecodable, required columns missing); nothing is written. */
final class ImportFailure extends RuntimeException {

  final String code;

  ImportFailure(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }
}
