-- Resident enterprises (入驻企业). Brands keep their free-text `enterprise` for display; enterprise_id links the
-- brand to the enterprise record, found or created by name whenever a brand is written, so the brand feature
-- needs to know nothing about enterprises.
CREATE TABLE enterprises (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  -- resident once incubation facts are recorded; brands' enterprises that never moved in stay non-resident
  resident             boolean     NOT NULL DEFAULT false,
  incubation_start     date,
  incubation_months    integer     NOT NULL DEFAULT 12 CHECK (incubation_months BETWEEN 1 AND 120),
  rent_free_months     integer     NOT NULL DEFAULT 3 CHECK (rent_free_months BETWEEN 0 AND 120),
  equipment_deposit_fen bigint     NOT NULL DEFAULT 0 CHECK (equipment_deposit_fen >= 0),
  mentor               text        NOT NULL DEFAULT '',
  contact              text        NOT NULL DEFAULT '',
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT resident OR incubation_start IS NOT NULL),
  CHECK (rent_free_months <= incubation_months)
);
CREATE UNIQUE INDEX enterprises_name_key ON enterprises (lower(name));

ALTER TABLE brands ADD COLUMN enterprise_id bigint REFERENCES enterprises (id);
CREATE INDEX brands_enterprise_idx ON brands (enterprise_id);

INSERT INTO enterprises (name) SELECT DISTINCT ON (lower(enterprise)) enterprise FROM brands ORDER BY lower(enterprise), id;
UPDATE brands b SET enterprise_id = e.id FROM enterprises e WHERE lower(e.name) = lower(b.enterprise);

CREATE FUNCTION brands_link_enterprise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.enterprise IS NOT DISTINCT FROM OLD.enterprise AND NEW.enterprise_id IS NOT NULL THEN
    RETURN NEW;
  END IF;
  INSERT INTO enterprises (name) VALUES (NEW.enterprise) ON CONFLICT (lower(name)) DO NOTHING;
  SELECT id INTO NEW.enterprise_id FROM enterprises WHERE lower(name) = lower(NEW.enterprise);
  RETURN NEW;
END $$;

CREATE TRIGGER brands_link_enterprise BEFORE INSERT OR UPDATE OF enterprise ON brands
  FOR EACH ROW EXECUTE FUNCTION brands_link_enterprise();
