-- Applies one session's share of an ingest batch, atomically and at most once.
-- KEYS: 1 meta, 2 counters, 3 unique viewers (HLL, the live estimate), 4 heartbeats (zset, scored by event time),
--       5 producer sequences, 6 GMV per product, 7 GMV per minute, 8 buyers (HLL), 9 unique viewers (set, exact),
--       10 the rolling feed of orders and comments (list, newest first, capped; see LiveFeed.java)
-- ARGV: 1 producer id, 2 batch sequence, 3 now (ms), 4 likes, 5 follows, 6 comments, 7 shares, 8 orders, 9 GMV,
--       10-14 how many viewers of kinds A to E follow, 15 how many products follow, 16 how many buyers follow,
--       17 watch ms between events of the same viewer within the batch, 18 views (joins), 19 how many feed entries
--       follow, 20 how many the feed keeps,
--       then the viewers kind by kind, then product and amount pairs, then the buyers, then the event time (ms) of
--       each credited viewer's first event (kinds A-C) and of each present viewer's last event (kinds C-D), then the
--       feed entries oldest first (JSON objects; the script numbers them with the counter feed_seq).
-- The share arrives summed up (see CounterDelta.java): every argument costs Redis a Lua string, and Redis runs one
-- script at a time, so each viewer comes once, sorted by what its events in the batch do:
--   credited: its first event is a heartbeat or a leave (the time since its last heartbeat counts as watched)
--   present:  its last event is a join or a heartbeat (it is watching after the batch; otherwise it is gone)
--   seen:     it joined or beat at least once (a unique viewer)
--   A credited, gone, unseen | B credited, gone, seen | C credited, present | D present | E gone, seen
-- so that every set below is one run of arguments: credited A-C, seen B-E, present C-D, gone A-B and E.
-- Returns {status, gmv}: status 1 applied, 0 duplicate batch (sequence already seen), -1 session not live, -2 no
-- state at all (Redis lost it: the caller rebuilds it from PostgreSQL, see restore-session.lua); gmv is
-- the session's GMV after an applied share with orders or a duplicate, 0 after an applied share without orders.
-- Replays (a retried batch, or Lettuce re-sending after a reconnect) hit the sequence check and change nothing.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return {-2, 0}
end
if status ~= 'live' then
  return {-1, 0}
end
local seq = tonumber(ARGV[2])
local last = tonumber(redis.call('HGET', KEYS[5], ARGV[1]) or '-1')
if seq <= last then
  return {0, tonumber(redis.call('HGET', KEYS[2], 'gmv') or '0')}
end
redis.call('HSET', KEYS[5], ARGV[1], seq)

local now = tonumber(ARGV[3])
local a, b, c, d, e = tonumber(ARGV[10]), tonumber(ARGV[11]), tonumber(ARGV[12]), tonumber(ARGV[13]), tonumber(ARGV[14])
local startA = 21
local startC = startA + a + b
local startE = startC + c + d
local after = startE + e

local products, buyers = tonumber(ARGV[15]), tonumber(ARGV[16])
local creditAt = after + products * 2 + buyers
local lastAt = creditAt + a + b + c

-- a gap between two events of a viewer counts up to 60 s: silent longer, it stopped watching (as for concurrent)
local watch = tonumber(ARGV[17])
if startC + c > startA then
  local scores = redis.call('ZMSCORE', KEYS[4], unpack(ARGV, startA, startC + c - 1))
  for j = 1, a + b + c do
    if scores[j] then
      local gap = tonumber(ARGV[creditAt + j - 1]) - tonumber(scores[j])
      if gap > 0 then watch = watch + math.min(gap, 60000) end
    end
  end
end
if startE > startC then
  local present = {}
  for i = startC, startE - 1 do
    present[#present + 1] = ARGV[lastAt + i - startC]
    present[#present + 1] = ARGV[i]
  end
  -- GT: a batch that arrives late cannot move a viewer's last event back in time
  redis.call('ZADD', KEYS[4], 'GT', unpack(present))
end
if startC > startA then redis.call('ZREM', KEYS[4], unpack(ARGV, startA, startC - 1)) end
if after > startE then redis.call('ZREM', KEYS[4], unpack(ARGV, startE, after - 1)) end
-- the peak moves with every batch that brings viewers in, not only when a sampler happens to look: a crowd that
-- comes and goes between two samples still shows (concurrent = viewers heard from within the last 60 s)
if startE > startC then
  local concurrent = redis.call('ZCOUNT', KEYS[4], now - 60000, '+inf')
  if concurrent > tonumber(redis.call('HGET', KEYS[2], 'peak') or '0') then
    redis.call('HSET', KEYS[2], 'peak', concurrent)
  end
end
if after > startA + a then
  redis.call('PFADD', KEYS[3], unpack(ARGV, startA + a, after - 1))
  redis.call('SADD', KEYS[9], unpack(ARGV, startA + a, after - 1))
end

local p = after
for _ = 1, products do
  redis.call('HINCRBY', KEYS[6], ARGV[p], ARGV[p + 1])
  p = p + 2
end
if buyers > 0 then redis.call('PFADD', KEYS[8], unpack(ARGV, p, p + buyers - 1)) end

local entries = tonumber(ARGV[19])
if entries > 0 then
  local feedAt = lastAt + c + d
  local seq = redis.call('HINCRBY', KEYS[2], 'feed_seq', entries) - entries
  local numbered = {}
  for i = 1, entries do
    -- '{"kind":...}' becomes '{"seq":n,"kind":...}': the number tells a stream which entries it has not sent yet
    numbered[i] = '{"seq":' .. (seq + i) .. ',' .. string.sub(ARGV[feedAt + i - 1], 2)
  end
  redis.call('LPUSH', KEYS[10], unpack(numbered))
  redis.call('LTRIM', KEYS[10], 0, tonumber(ARGV[20]) - 1)
end

if ARGV[4] ~= '0' then redis.call('HINCRBY', KEYS[2], 'likes', ARGV[4]) end
if ARGV[5] ~= '0' then redis.call('HINCRBY', KEYS[2], 'fans', ARGV[5]) end
if ARGV[6] ~= '0' then redis.call('HINCRBY', KEYS[2], 'comments', ARGV[6]) end
if ARGV[7] ~= '0' then redis.call('HINCRBY', KEYS[2], 'shares', ARGV[7]) end
if watch > 0 then redis.call('HINCRBY', KEYS[2], 'watch_ms', watch) end
if ARGV[18] ~= '0' then redis.call('HINCRBY', KEYS[2], 'views', ARGV[18]) end
if ARGV[8] ~= '0' then
  redis.call('HINCRBY', KEYS[7], tostring(math.floor(now / 60000)), ARGV[9])
  redis.call('HINCRBY', KEYS[2], 'orders', ARGV[8])
  return {1, redis.call('HINCRBY', KEYS[2], 'gmv', ARGV[9])}
end
return {1, 0}
