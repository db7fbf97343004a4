-- The trigram index on product names never served a Chinese search: the embedded database runs in the C locale,
-- where pg_trgm sees only ASCII letters and digits as word characters, so "宁夏枸杞原浆 第12号" gave trigrams of
-- "12" alone and a search for 枸杞 scanned the table anyway (EXPLAIN shows a sequential scan). Keeping it up to
-- date was about a fifth of a catalog import's database time. Name search stays a sequential scan with ILIKE:
-- at 100,000 products a word found in a few names takes about 50-170 ms (the count reads every name), a common word
-- much less (the page stops after its rows).
DROP INDEX products_name_trgm;
