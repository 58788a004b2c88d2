-- mixed.lua — wrk script for the mixed read/write scenario of bench/national.sh.
--
-- 95 % GET, 5 % authenticated PATCH (JSON merge patch of "opmerking") with
-- If-Match on a few "write" collaborations. The ETag of a collaboration is
-- fetched first: a write is sent only when this thread has seen an ETag for
-- that collaboration (from a GET of its JSON detail, a PATCH reply or a 412
-- reply, all of which carry the current ETag); otherwise that slot becomes
-- a GET of the JSON detail. ETags are "c<id>-v<version>..." — the highest
-- version seen per id wins, as replies on 50 connections arrive in any
-- order. Concurrent writes to the same collaboration with the same ETag get
-- 412: these are counted as conflicts, not errors.
--
-- Environment (set by bench/national.sh):
--   MIXED_TOKEN       personal API token (Bearer) of a programmateam user
--   MIXED_WRITE_KEYS  space-separated "key=id" pairs of the collaborations to write
--   MIXED_READ_KEYS   space-separated keys whose detail (JSON and HTML) is read
--   MIXED_WRITE_PCT   share of writes in percent (default 5)
--   MIXED_JSON_ONLY   1: the reads of HTML collaboration pages become reads
--                     of their JSON detail (50 % list, 45 % JSON detail), to
--                     compare with a JSON-only server (bench/peer-directus.sh)
-- Prints one line "MIXED ..." with the counters at the end.

local token = os.getenv("MIXED_TOKEN") or ""
local write_pct = tonumber(os.getenv("MIXED_WRITE_PCT") or "5")
local json_only = os.getenv("MIXED_JSON_ONLY") == "1"
local wkeys, wid, rkeys = {}, {}, {}
for pair in string.gmatch(os.getenv("MIXED_WRITE_KEYS") or "", "%S+") do
	local k, id = string.match(pair, "^([^=]+)=(%d+)$")
	if k then
		wkeys[#wkeys + 1] = k
		wid[k] = id
	end
end
for k in string.gmatch(os.getenv("MIXED_READ_KEYS") or "", "%S+") do
	rkeys[#rkeys + 1] = k
end
for _, k in ipairs(wkeys) do
	rkeys[#rkeys + 1] = k
end

-- per thread state (one Lua state per wrk thread)
etag = {}      -- id -> current ETag string
etag_v = {}    -- id -> its record version
n_get, n_patch, n_fetch = 0, 0, 0
st_2xx, st_412, st_other = 0, 0, 0
local seq = 0

local threads = {}
function setup(thread)
	threads[#threads + 1] = thread
end

function init(args)
	math.randomseed(12345)
end

local function note_etag(e)
	if not e then
		return
	end
	local id, v = string.match(e, '^W?/?"c(%d+)%-v(%d+)')
	if id then
		v = tonumber(v)
		if not etag_v[id] or v > etag_v[id] then
			etag_v[id] = v
			etag[id] = e
		end
	end
end

function request()
	local r = math.random(100)
	if r <= write_pct and #wkeys > 0 then
		local k = wkeys[math.random(#wkeys)]
		local e = etag[wid[k]]
		if e then
			n_patch = n_patch + 1
			seq = seq + 1
			return wrk.format("PATCH", "/api/v1/samenwerkingsverbanden/" .. k, {
				["Authorization"] = "Bearer " .. token,
				["If-Match"] = e,
				["Content-Type"] = "application/merge-patch+json",
			}, '{"opmerking":"Synthetische benchmarkwijziging ' .. seq .. '"}')
		end
		n_fetch = n_fetch + 1 -- fetch the ETag first
		return wrk.format("GET", "/api/v1/samenwerkingsverbanden/" .. k)
	end
	n_get = n_get + 1
	if r <= 50 then
		return wrk.format("GET", "/api/v1/samenwerkingsverbanden?paginaGrootte=50")
	elseif r <= 75 or json_only then
		return wrk.format("GET", "/api/v1/samenwerkingsverbanden/" .. rkeys[math.random(#rkeys)])
	end
	return wrk.format("GET", "/samenwerkingsverbanden/" .. rkeys[math.random(#rkeys)])
end

function response(status, headers, body)
	note_etag(headers["ETag"] or headers["Etag"] or headers["etag"])
	if status >= 200 and status < 300 then
		st_2xx = st_2xx + 1
	elseif status == 412 then
		st_412 = st_412 + 1
	else
		st_other = st_other + 1
	end
end

function done(summary, latency, requests)
	local t = {get = 0, patch = 0, fetch = 0, ok = 0, conflict = 0, other = 0}
	for _, th in ipairs(threads) do
		t.get = t.get + th:get("n_get")
		t.patch = t.patch + th:get("n_patch")
		t.fetch = t.fetch + th:get("n_fetch")
		t.ok = t.ok + th:get("st_2xx")
		t.conflict = t.conflict + th:get("st_412")
		t.other = t.other + th:get("st_other")
	end
	io.write(string.format("MIXED gets=%d patches=%d etag_fetches=%d 2xx=%d conflicts_412=%d other_non2xx=%d\n",
		t.get, t.patch, t.fetch, t.ok, t.conflict, t.other))
end
