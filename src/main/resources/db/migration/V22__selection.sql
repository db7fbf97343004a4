-- Selection (选品): a streamer's list of approved products for an upcoming session.
CREATE TABLE selection_lists (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  streamer_id   bigint      NOT NULL REFERENCES accounts (id),
  title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
  planned_date  date        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_lists_streamer_idx ON selection_lists (streamer_id, planned_date);

CREATE TABLE selection_items (
  list_id     bigint NOT NULL REFERENCES selection_lists (id) ON DELETE CASCADE,
  product_id  bigint NOT NULL REFERENCES products (id),
  note        text,
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list_id, product_id)
);
CREATE INDEX selection_items_product_idx ON selection_items (product_id);
