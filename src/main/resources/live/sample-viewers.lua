-- Prunes viewers silent for 60 s, then records concurrent viewers: the peak (compare-and-set, so concurrent
-- samplers on several instances agree) and the per-minute maximum for charts.
-- KEYS: 1 heartbeats (zset), 2 counters, 3 viewers per minute
-- ARGV: 1 now (ms)
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60000)
local concurrent = redis.call('ZCARD', KEYS[1])
local peak = tonumber(redis.call('HGET', KEYS[2], 'peak') or '0')
if concurrent > peak then
  redis.call('HSET', KEYS[2], 'peak', concurrent)
  peak = concurrent
end
local minute = tostring(math.floor(now / 60000))
local atMinute = tonumber(redis.call('HGET', KEYS[3], minute) or '-1')
if concurrent > atMinute then redis.call('HSET', KEYS[3], minute, concurrent) end
return {concurrent, peak}
