-- Brand library (品牌库) and the products brands bring to the base.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE brands (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  enterprise      text        NOT NULL CHECK (length(enterprise) BETWEEN 1 AND 120),
  origin          text        NOT NULL CHECK (length(origin) BETWEEN 1 AND 60),
  certifications  text[]      NOT NULL DEFAULT '{}',
  contact_name    text,
  contact_phone   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX brands_name_key ON brands (lower(name));

-- A brand-partner account speaks for exactly one brand.
CREATE TABLE brand_members (
  account_id  bigint PRIMARY KEY REFERENCES accounts (id),
  brand_id    bigint NOT NULL REFERENCES brands (id),
  linked_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX brand_members_brand_idx ON brand_members (brand_id);

-- The live version of each product: what streamers may sell once status is approved.
CREATE TABLE products (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  brand_id          bigint      NOT NULL REFERENCES brands (id),
  sku               text        NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
  name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  category          text        NOT NULL,
  origin            text        NOT NULL,
  spec              text,
  weight_grams      integer     CHECK (weight_grams >= 0),
  price_fen         bigint      NOT NULL CHECK (price_fen >= 0),
  commission_bp     integer     NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
  stock             integer     NOT NULL DEFAULT 0 CHECK (stock >= 0),
  image_urls        text[]      NOT NULL DEFAULT '{}',
  description       text,
  certifications    text[]      NOT NULL DEFAULT '{}',
  status            text        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'approved', 'rejected', 'delisted')),
  reject_reason     text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (brand_id, sku)
);
CREATE INDEX products_name_trgm ON products USING gin (name gin_trgm_ops);
CREATE INDEX products_status_idx ON products (status, id);
CREATE INDEX products_category_idx ON products (category);
CREATE INDEX products_price_idx ON products (price_fen);

-- A partner's change to selling-relevant fields of an approved product waits here for review,
-- while the approved version stays on sale. At most one pending revision per product.
CREATE TABLE product_revisions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id   bigint      NOT NULL REFERENCES products (id),
  proposed     jsonb       NOT NULL,
  status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  proposed_by  bigint      REFERENCES accounts (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX product_revisions_one_pending ON product_revisions (product_id) WHERE status = 'pending';

-- Every review decision, for the history a manager or partner looks back on.
CREATE TABLE product_decisions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id   bigint      NOT NULL REFERENCES products (id),
  revision_id  bigint      REFERENCES product_revisions (id),
  decision     text        NOT NULL CHECK (decision IN ('approved', 'rejected', 'delisted')),
  reason       text,
  decided_by   bigint      NOT NULL REFERENCES accounts (id),
  decided_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_decisions_product_idx ON product_decisions (product_id, decided_at);
