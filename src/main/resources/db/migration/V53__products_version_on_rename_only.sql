-- The products report version (V45) is bumped only when a product's name or SKU changes or a product goes away:
-- reports show a product only beside its sales, and a new product has none, so an insert changes no report.
-- A catalog import bumps the version itself, once per transaction right before its commit (ProductWrites): its
-- statements run in two transactions side by side, and a bump by every statement would make the second one wait
-- for the first one's commit, which waits for the second (the import commits only when every chunk is written).
-- It says so with the transaction-local setting below, so the trigger leaves the version to it.
DROP TRIGGER products_report_version ON products;

CREATE FUNCTION report_products_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('redlive.products_version_bumped_at_commit', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE report_versions SET version = version + 1 WHERE topic = 'products';
  RETURN NULL;
END $$;

CREATE TRIGGER products_report_version AFTER DELETE OR UPDATE OF name, sku ON products
  FOR EACH STATEMENT EXECUTE FUNCTION report_products_changed();
