// Lua runs atomically in Redis: no other client's command lands between a check and its write, on
// one instance of the app or many. The scripts never decode JSON (see record-fields.ts).

/**
 * Sets how long a record is kept: '' for ever, else that many seconds. Records that will expire are
 * listed in the expiring set by when (Redis' clock, ms), so their index entries can be trimmed after.
 */
const KEEP = `
local function keep(record, expiring, id, seconds)
  if seconds == '' then
    redis.call('PERSIST', record)
    redis.call('ZREM', expiring, id)
  else
    redis.call('EXPIRE', record, seconds)
    local now = redis.call('TIME')
    local at = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + tonumber(seconds) * 1000
    redis.call('ZADD', expiring, at, id)
  end
end
`

/**
 * Points a session key at the record that lists the session, kept exactly as long as the record (the
 * record's remaining time, or for ever with it); `unpoint` drops a key only while it points here.
 */
const SESSIONS = `
local function point(key, record, id)
  redis.call('SET', key, id)
  local left = redis.call('PTTL', record)
  if left > 0 then redis.call('PEXPIRE', key, left) end
end
local function unpoint(key, id)
  if redis.call('GET', key) == id then redis.call('DEL', key) end
end
`

/**
 * KEYS: record, owner's pending set, record's index list (refs), expiring set, then the indexes that
 * list the record (owner's, global, …), then `s` session keys (one per session the record lists).
 * ARGV: ID, score (created ms), max pending ('' for none), '1' if pending, seconds to keep the record
 * ('' for no expiry), s, then the record's hash fields (name, JSON, …).
 * Returns 'limit_reached' or 'ok'.
 */
export const SAVE = `${KEEP}${SESSIONS}
if ARGV[3] ~= '' and ARGV[4] == '1' and redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0
  and redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  return 'limit_reached'
end
local sessions = tonumber(ARGV[6])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 7))
if ARGV[4] == '1' then
  redis.call('SADD', KEYS[2], ARGV[1])
else
  redis.call('SREM', KEYS[2], ARGV[1])
end
keep(KEYS[1], KEYS[4], ARGV[1], ARGV[5])
for i = 5, #KEYS - sessions do
  redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1])
  redis.call('SADD', KEYS[3], KEYS[i])
end
for i = #KEYS - sessions + 1, #KEYS do point(KEYS[i], KEYS[1], ARGV[1]) end
return 'ok'
`

/**
 * A compare-and-set on the status, then the patch, in one step. The caller computed the expiry from the
 * record it read: the fields that expiry depends on are checked unchanged, else nothing is written and
 * the caller reads again.
 * KEYS: record, owner's pending set, expiring set, record's index list (refs), then `a` indexes to
 * list the record in, then indexes to drop it from (its subject changed), then `k` session keys of
 * the sessions the record lists after the change, then `d` of sessions it no longer lists.
 * ARGV: ID, seconds to keep the record ('' for no expiry), pending status (its JSON), score (created
 * ms), a, k, d, n, n expected statuses (their JSON; none for any), g, g pairs (field, its JSON as
 * read, '' if it had none), m, m fields to remove, then the fields to set (name, JSON, …). The
 * sessions are checked unchanged (a guarded field), so the session keys match the record.
 * Returns nil when there is no record, 'retry' when a checked field changed, else
 * {'current' | 'updated', name, JSON, …}: the record as it is after the call, unchanged when its status
 * was not one of those expected.
 */
export const UPDATE = `${KEEP}${SESSIONS}
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
local kept = tonumber(ARGV[6])
local gone = tonumber(ARGV[7])
local indexes = #KEYS - kept - gone
local i = 8
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
keep(KEYS[1], KEYS[3], ARGV[1], ARGV[2])
-- Drops first: an index both dropped and added (two subjects, one key) keeps the record.
local added = tonumber(ARGV[5])
for k = 5 + added, indexes do
  redis.call('ZREM', KEYS[k], ARGV[1])
  redis.call('SREM', KEYS[4], KEYS[k])
end
for k = 5, 4 + added do
  redis.call('ZADD', KEYS[k], ARGV[4], ARGV[1])
  redis.call('SADD', KEYS[4], KEYS[k])
end
for k = indexes + kept + 1, #KEYS do unpoint(KEYS[k], ARGV[1]) end
for k = indexes + 1, indexes + kept do point(KEYS[k], KEYS[1], ARGV[1]) end
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

/** KEYS: expiring set. ARGV: most IDs. Returns IDs of records whose expiry has passed (Redis' clock). */
export const DUE = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
return redis.call('ZRANGE', KEYS[1], '-inf', ms, 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[1]))
`

/**
 * Drops the index entries of a record that is gone (expired). A record still there (its expiry was
 * pushed back, or it was saved again) keeps them, and its place in the expiring set is corrected.
 * KEYS: record, its index list (refs), expiring set, then every index that may list it.
 * ARGV: ID. Returns 1 when the entries were dropped, else 0.
 */
export const FORGET = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  local left = redis.call('PTTL', KEYS[1])
  if left < 0 then
    redis.call('ZREM', KEYS[3], ARGV[1])
  else
    local now = redis.call('TIME')
    redis.call('ZADD', KEYS[3], tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + left, ARGV[1])
  end
  return 0
end
for i = 4, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1
`
