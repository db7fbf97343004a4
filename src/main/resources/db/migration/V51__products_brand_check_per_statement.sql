-- Products name their brand through a check made once per statement instead of a foreign key. The foreign key
-- checked (and key-share locked) the brand once for every inserted row: a 100,000-row catalog import spent about
-- a fifth of its database time there, for rows that all name the same brand. The triggers below keep the same
-- guarantees: every brand named by new rows exists and is locked FOR KEY SHARE (as the foreign key's check did),
-- so a concurrent delete of the brand waits for the insert and then sees its products; a brand that products
-- name cannot be deleted; a product never moves to another brand (its SKU is unique within its brand).
ALTER TABLE products DROP CONSTRAINT products_brand_id_fkey;

CREATE FUNCTION products_brands_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named integer;
  locked integer;
BEGIN
  SELECT count(DISTINCT brand_id) INTO named FROM new_products;
  SELECT count(*) INTO locked
    FROM (SELECT id FROM brands WHERE id IN (SELECT brand_id FROM new_products) FOR KEY SHARE) existing;
  IF locked < named THEN
    RAISE foreign_key_violation USING TABLE = 'products', CONSTRAINT = 'products_brand_id_fkey',
      MESSAGE = 'insert on table "products" violates foreign key constraint "products_brand_id_fkey": no such brand';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER products_brands_exist AFTER INSERT ON products REFERENCING NEW TABLE AS new_products
  FOR EACH STATEMENT EXECUTE FUNCTION products_brands_exist();

CREATE FUNCTION products_keep_brand() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE integrity_constraint_violation USING TABLE = 'products', MESSAGE = 'a product cannot move to another brand';
END $$;

CREATE TRIGGER products_keep_brand BEFORE UPDATE OF brand_id ON products
  FOR EACH ROW WHEN (OLD.brand_id IS DISTINCT FROM NEW.brand_id) EXECUTE FUNCTION products_keep_brand();

CREATE FUNCTION brands_without_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM products WHERE brand_id = OLD.id) THEN
    RAISE foreign_key_violation USING TABLE = 'brands', CONSTRAINT = 'products_brand_id_fkey',
      MESSAGE = 'brand ' || OLD.id || ' still has products';
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER brands_without_products BEFORE DELETE OR UPDATE OF id ON brands
  FOR EACH ROW EXECUTE FUNCTION brands_without_products();
