// Approval requests as Redis hashes: one field per property holding its JSON (as records are, see
// record-fields.ts), plus `_exp` (when it stops being live, ms) and `_ptr` (its key pointer's name),
// which the scripts read. Statuses are compared as their JSON ('"pending"'). Requests are found by ID
// under a prefix the scripts are given: one Redis, not a Cluster (as the link store).

/** `live(hash, now)`: pending or approved, and not past `_exp`. */
const LIVE = `
local function live(hash, now)
  local status = redis.call('HGET', hash, 'status')
  local exp = tonumber(redis.call('HGET', hash, '_exp') or '')
  return (status == '"pending"' or status == '"approved"') and exp ~= nil and exp > now
end
`

/**
 * KEYS: the key's pointer (→ ID of its newest request), the user's sorted set of request IDs, the
 * candidate's hash.
 * ARGV: candidate ID, now (ms), most live pending requests per user, created (ms), seconds to keep,
 * prefix of request hashes, then the candidate's fields (name, JSON, …, `_exp`, `_ptr`).
 * Returns {'found', fields…} (the live request already there), {'saved', fields…} or 'limit_reached'.
 */
export const OPEN = `${LIVE}
local now = tonumber(ARGV[2])
local existing = redis.call('GET', KEYS[1])
if existing then
  local hash = ARGV[6] .. existing
  if live(hash, now) then
    local found = redis.call('HGETALL', hash)
    table.insert(found, 1, 'found')
    return found
  end
end
local pending = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local hash = ARGV[6] .. id
  if redis.call('EXISTS', hash) == 0 then
    redis.call('ZREM', KEYS[2], id)
  elseif redis.call('HGET', hash, 'status') == '"pending"' and live(hash, now) then
    pending = pending + 1
  end
end
if pending >= tonumber(ARGV[3]) then return 'limit_reached' end
redis.call('DEL', KEYS[3])
redis.call('HSET', KEYS[3], unpack(ARGV, 7))
redis.call('EXPIRE', KEYS[3], ARGV[5])
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
if redis.call('TTL', KEYS[2]) < tonumber(ARGV[5]) then redis.call('EXPIRE', KEYS[2], ARGV[5]) end
local saved = redis.call('HGETALL', KEYS[3])
table.insert(saved, 1, 'saved')
return saved
`

/**
 * A compare-and-set on the status (and, with a time, on being live then), then the patch.
 * KEYS: the request's hash, the user's sorted set of request IDs.
 * ARGV: when it must be live (ms, '' for no check), seconds to keep ('' to leave as is), n, n statuses
 * (their JSON), then the fields to set (name, JSON, …, `_exp` when it changes).
 * Returns the request's fields after the change, or nil when nothing changed.
 */
export const TRANSITION = `${LIVE}
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
local status = redis.call('HGET', KEYS[1], 'status')
local n = tonumber(ARGV[3])
local allowed = false
for j = 4, 3 + n do
  if status == ARGV[j] then allowed = true end
end
if not allowed then return nil end
if ARGV[1] ~= '' and not live(KEYS[1], tonumber(ARGV[1])) then return nil end
if 4 + n <= #ARGV then redis.call('HSET', KEYS[1], unpack(ARGV, 4 + n)) end
if ARGV[2] ~= '' then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  local pointer = redis.call('HGET', KEYS[1], '_ptr')
  if pointer and redis.call('GET', pointer) == redis.call('HGET', KEYS[1], 'id') then redis.call('EXPIRE', pointer, ARGV[2]) end
  if redis.call('TTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
end
return redis.call('HGETALL', KEYS[1])
`
