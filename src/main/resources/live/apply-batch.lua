-- Applies one ingest batch to one live session, atomically and at most once.
-- KEYS: 1 meta, 2 counters, 3 unique viewers (HLL), 4 heartbeats (zset), 5 producer sequences,
--       6 GMV per product, 7 GMV per minute, 8 buyers (HLL)
-- ARGV: 1 producer id, 2 batch sequence, 3 now (ms), then 4 values per event: type, a, b, c
--   J viewer | H viewer | V viewer (leave) | K count | F | C | S | O product amount buyer
-- Returns {status, gmv}: status 1 applied, 0 duplicate batch (sequence already seen), -1 session not live.
-- Replays (a retried batch, or Lettuce re-sending after a reconnect) hit the sequence check and change nothing.
-- Redis runs one script at a time, so the work per event is kept in Lua tables: the heartbeat set is read once
-- (ZMSCORE) and written once (ZADD, ZREM) per batch instead of once or twice per event.
if redis.call('HGET', KEYS[1], 'status') ~= 'live' then
  return {-1, 0}
end
local seq = tonumber(ARGV[2])
local last = tonumber(redis.call('HGET', KEYS[5], ARGV[1]) or '-1')
if seq <= last then
  return {0, tonumber(redis.call('HGET', KEYS[2], 'gmv') or '0')}
end
redis.call('HSET', KEYS[5], ARGV[1], seq)

local now = tonumber(ARGV[3])
local minute = tostring(math.floor(now / 60000))
local likes, fans, comments, shares, orders, gmv, watch = 0, 0, 0, 0, 0, 0, 0
local viewers = {}
local buyers = {}

-- the distinct viewers of this batch, in order of first appearance, and their last heartbeat before it
local touched = {}
local lastSeen = {}
for i = 4, #ARGV, 4 do
  local t, a = ARGV[i], ARGV[i + 1]
  if (t == 'J' or t == 'H' or t == 'V') and lastSeen[a] == nil then
    touched[#touched + 1] = a
    lastSeen[a] = false
  end
end
if #touched > 0 then
  local scores = redis.call('ZMSCORE', KEYS[4], unpack(touched))
  for j = 1, #touched do
    if scores[j] then lastSeen[touched[j]] = tonumber(scores[j]) end
  end
end

local function watched(viewer)
  local seen = lastSeen[viewer]
  if seen then
    local gap = now - seen
    if gap > 0 and gap <= 60000 then watch = watch + gap end
  end
end

for i = 4, #ARGV, 4 do
  local t, a, b, c = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  if t == 'J' then
    viewers[#viewers + 1] = a
    lastSeen[a] = now
  elseif t == 'H' then
    watched(a)
    viewers[#viewers + 1] = a
    lastSeen[a] = now
  elseif t == 'V' then
    watched(a)
    lastSeen[a] = false
  elseif t == 'K' then
    likes = likes + tonumber(a)
  elseif t == 'F' then
    fans = fans + 1
  elseif t == 'C' then
    comments = comments + 1
  elseif t == 'S' then
    shares = shares + 1
  elseif t == 'O' then
    local amount = tonumber(b)
    orders = orders + 1
    gmv = gmv + amount
    redis.call('HINCRBY', KEYS[6], a, amount)
    redis.call('HINCRBY', KEYS[7], minute, amount)
    buyers[#buyers + 1] = c
  end
end

-- each touched viewer ends the batch either watching (heartbeat now) or gone
local present, gone = {}, {}
for j = 1, #touched do
  local v = touched[j]
  if lastSeen[v] then
    present[#present + 1] = now
    present[#present + 1] = v
  else
    gone[#gone + 1] = v
  end
end
if #present > 0 then redis.call('ZADD', KEYS[4], unpack(present)) end
if #gone > 0 then redis.call('ZREM', KEYS[4], unpack(gone)) end

if #viewers > 0 then redis.call('PFADD', KEYS[3], unpack(viewers)) end
if #buyers > 0 then redis.call('PFADD', KEYS[8], unpack(buyers)) end
if likes > 0 then redis.call('HINCRBY', KEYS[2], 'likes', likes) end
if fans > 0 then redis.call('HINCRBY', KEYS[2], 'fans', fans) end
if comments > 0 then redis.call('HINCRBY', KEYS[2], 'comments', comments) end
if shares > 0 then redis.call('HINCRBY', KEYS[2], 'shares', shares) end
if watch > 0 then redis.call('HINCRBY', KEYS[2], 'watch_ms', watch) end
local total
if orders > 0 then
  redis.call('HINCRBY', KEYS[2], 'orders', orders)
  total = redis.call('HINCRBY', KEYS[2], 'gmv', gmv)
else
  total = tonumber(redis.call('HGET', KEYS[2], 'gmv') or '0')
end
return {1, total}
