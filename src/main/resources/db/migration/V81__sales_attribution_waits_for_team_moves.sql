-- A sale and a back-dated team move could pass each other: the move checked the streamer's latest sale before a
-- sale committing at the same moment was visible, and the sale read the memberships from before the move, so a
-- sale dated after the move stayed with the old team. The ledger's attribution now takes the streamer's key-share
-- lock (the same lock the streamer_id foreign key check takes at the end of the insert, taken before the read) so
-- it serialises with a move, which holds the streamer FOR UPDATE while it checks and records (TeamMembership.move).
-- Otherwise the function is V41's.
CREATE OR REPLACE FUNCTION sales_orders_attribute() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  original sales_orders%ROWTYPE;
  membership_team bigint;
BEGIN
  NEW.business_day := (NEW.ordered_at AT TIME ZONE 'Asia/Shanghai')::date;
  IF NEW.refund_of IS NOT NULL THEN
    SELECT * INTO original FROM sales_orders WHERE order_id = NEW.refund_of;
    IF NOT FOUND THEN
      RAISE foreign_key_violation USING MESSAGE = 'refunded order ' || NEW.refund_of || ' is not in the ledger';
    END IF;
    NEW.streamer_account_id := original.streamer_account_id;
    NEW.streamer_id := original.streamer_id;
    NEW.team_id := original.team_id;
    NEW.product_id := original.product_id;
    NEW.brand_id := original.brand_id;
    NEW.enterprise_id := original.enterprise_id;
    NEW.session_id := original.session_id;
    NEW.channel := original.channel;
    RETURN NEW;
  END IF;
  -- the lock before the membership read: a team move holds the streamer FOR UPDATE while it checks the latest sale
  -- and records the move, so this entry reads the memberships after that move commits, and a move that starts
  -- later waits for this entry and sees it
  SELECT id INTO NEW.streamer_id FROM streamers WHERE account_id = NEW.streamer_account_id FOR KEY SHARE;
  IF NEW.streamer_id IS NOT NULL THEN
    SELECT m.team_id INTO membership_team FROM team_memberships m
     WHERE m.streamer_id = NEW.streamer_id AND m.from_at <= NEW.ordered_at
       AND (m.until_at IS NULL OR m.until_at > NEW.ordered_at)
     ORDER BY m.from_at DESC LIMIT 1;
    NEW.team_id := membership_team;
  END IF;
  SELECT p.brand_id, b.enterprise_id INTO NEW.brand_id, NEW.enterprise_id
    FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id = NEW.product_id;
  RETURN NEW;
END $$;
