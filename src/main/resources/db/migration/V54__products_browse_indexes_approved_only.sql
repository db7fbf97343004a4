-- The category and price indexes cover approved products only. They serve browsing what may be sold (streamers
-- choosing products see approved ones only; the selection and the library's default for them), while a catalog
-- import, which adds products waiting for review, no longer updates them: the two took about a quarter of the
-- database's CPU in a 100,000-row import. Approving a product adds it to them. A search across all statuses by
-- category or price reads the table instead (tens of milliseconds at 100,000 products).
-- With id, an index gives a category's products newest first, and prices in the order the library sorts them.
DROP INDEX products_category_idx;
DROP INDEX products_price_idx;
CREATE INDEX products_approved_category_idx ON products (category, id) WHERE status = 'approved';
CREATE INDEX products_approved_price_idx ON products (price_fen, id) WHERE status = 'approved';
