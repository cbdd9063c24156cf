// Lua runs atomically in Redis: no other client's command lands between a check and its write, on
// one instance of the app or many.

/**
 * KEYS: record, owner's pending set, owner's index, global index.
 * ARGV: record JSON, ID, score (created ms), max pending ('' for none), '1' if pending, retention seconds.
 * Returns 'limit_reached' or 'ok'. Pending records never expire; settled ones after the retention.
 */
export const SAVE = `
if ARGV[4] ~= '' and ARGV[5] == '1' and redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 0
  and redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  return 'limit_reached'
end
redis.call('SET', KEYS[1], ARGV[1])
if ARGV[5] == '1' then
  redis.call('SADD', KEYS[2], ARGV[2])
else
  redis.call('SREM', KEYS[2], ARGV[2])
  redis.call('EXPIRE', KEYS[1], ARGV[6])
end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2])
return 'ok'
`

/**
 * KEYS: record, owner's pending set.
 * ARGV: patch JSON, expected statuses ('' for any, else comma-separated), ID, retention seconds.
 * Returns the record's JSON after the call (patched or not), or nil when there is none.
 */
export const UPDATE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local record = cjson.decode(raw)
if ARGV[2] ~= '' then
  local allowed = false
  for status in string.gmatch(ARGV[2], '[^,]+') do
    if record.status == status then allowed = true end
  end
  if not allowed then return raw end
end
for key, value in pairs(cjson.decode(ARGV[1])) do record[key] = value end
local updated = cjson.encode(record)
redis.call('SET', KEYS[1], updated)
if record.status == 'pending' then
  redis.call('SADD', KEYS[2], ARGV[3])
else
  redis.call('SREM', KEYS[2], ARGV[3])
  redis.call('EXPIRE', KEYS[1], ARGV[4])
end
return updated
`
