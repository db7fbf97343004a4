-- Settled live figures by the README's definitions: views (viewer entries, for GPM) and what refunds took back.
ALTER TABLE live_session_results
  ADD COLUMN views      bigint NOT NULL DEFAULT 0,
  ADD COLUMN refund_fen bigint NOT NULL DEFAULT 0 CHECK (refund_fen <= 0);
