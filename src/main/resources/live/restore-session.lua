-- Rebuilds a session's live state after Redis lost it (a restart without persistence, a failover that dropped
-- writes), from what PostgreSQL knows: the status, the last figures flushed, the ledger's orders and GMV, and the
-- highest batch sequence each producer brought orders with. Runs only while the session's meta key is missing, so
-- concurrent restores (several batches, several instances) rebuild once and never over live counting.
-- KEYS: 1 meta, 2 counters, 3 producer sequences
-- ARGV: 1 status, 2 streamer id, 3 now (ms), 4 how many counter pairs follow, then counter name/value pairs,
--       then producer/sequence pairs.
-- Returns {1} when it rebuilt, {0} when the state was there.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {0}
end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'streamer', ARGV[2], 'restored_at', ARGV[3])
local pairs = tonumber(ARGV[4])
local p = 5
for _ = 1, pairs do
  redis.call('HSET', KEYS[2], ARGV[p], ARGV[p + 1])
  p = p + 2
end
while p < #ARGV do
  local last = tonumber(redis.call('HGET', KEYS[3], ARGV[p]) or '-1')
  if tonumber(ARGV[p + 1]) > last then redis.call('HSET', KEYS[3], ARGV[p], ARGV[p + 1]) end
  p = p + 2
end
return {1}
