// Lua runs atomically in Redis: no other client's command lands between a check and its write, on
// one instance of the app or many. The scripts never decode JSON (see record-fields.ts).

/**
 * KEYS: record, owner's pending set, owner's index, global index.
 * ARGV: ID, score (created ms), max pending ('' for none), '1' if pending, seconds to keep the record
 * ('' for no expiry), then the record's hash fields (name, JSON, …).
 * Returns 'limit_reached' or 'ok'.
 */
export const SAVE = `
if ARGV[3] ~= '' and ARGV[4] == '1' and redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0
  and redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  return 'limit_reached'
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
if ARGV[4] == '1' then
  redis.call('SADD', KEYS[2], ARGV[1])
else
  redis.call('SREM', KEYS[2], ARGV[1])
end
if ARGV[5] ~= '' then redis.call('EXPIRE', KEYS[1], ARGV[5]) end
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
return 'ok'
`

/**
 * A compare-and-set on the status, then the patch, in one step. The caller computed the expiry from the
 * record it read: the fields that expiry depends on are checked unchanged, else nothing is written and
 * the caller reads again.
 * KEYS: record, owner's pending set.
 * ARGV: ID, seconds to keep the record ('' for no expiry), pending status (its JSON), n, n expected
 * statuses (their JSON; none for any), g, g pairs (field, its JSON as read, '' if it had none), m, m
 * fields to remove, then the fields to set (name, JSON, …).
 * Returns nil when there is no record, 'retry' when a checked field changed, else
 * {'current' | 'updated', name, JSON, …}: the record as it is after the call, unchanged when its status
 * was not one of those expected.
 */
export const UPDATE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
local i = 4
local expected = tonumber(ARGV[i])
if expected > 0 then
  local status = redis.call('HGET', KEYS[1], 'status')
  local allowed = false
  for j = i + 1, i + expected do
    if status == ARGV[j] then allowed = true end
  end
  if not allowed then
    local current = redis.call('HGETALL', KEYS[1])
    table.insert(current, 1, 'current')
    return current
  end
end
i = i + expected + 1
local guarded = tonumber(ARGV[i])
for j = i + 1, i + 2 * guarded, 2 do
  if (redis.call('HGET', KEYS[1], ARGV[j]) or '') ~= ARGV[j + 1] then return 'retry' end
end
i = i + 2 * guarded + 1
local removed = tonumber(ARGV[i])
if removed > 0 then redis.call('HDEL', KEYS[1], unpack(ARGV, i + 1, i + removed)) end
i = i + removed + 1
if i <= #ARGV then redis.call('HSET', KEYS[1], unpack(ARGV, i)) end
if redis.call('HGET', KEYS[1], 'status') == ARGV[3] then
  redis.call('SADD', KEYS[2], ARGV[1])
else
  redis.call('SREM', KEYS[2], ARGV[1])
end
if ARGV[2] == '' then redis.call('PERSIST', KEYS[1]) else redis.call('EXPIRE', KEYS[1], ARGV[2]) end
local updated = redis.call('HGETALL', KEYS[1])
table.insert(updated, 1, 'updated')
return updated
`

/** KEYS: records. Returns each record's hash fields (name, JSON, …), empty for a record that is gone. */
export const READ = `
local records = {}
for i, key in ipairs(KEYS) do records[i] = redis.call('HGETALL', key) end
return records
`
