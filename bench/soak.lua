-- soak.lua — wrk script for the 60-second mixed load of bench/soak.sh (issue 8, item 7).
--
-- Reads: every request picks the next URL of a shuffled list of all public
-- pages and API paths (one URL per line in SOAK_URLS_FILE; written by
-- bench/soak.sh from the seed: home, lists with filters, detail pages,
-- organisations, map, network, overlap, search, the API lists and details).
-- Writes: about SOAK_WRITE_PERMILLE of the requests (default 5 = 0.5 %) are
-- an authenticated JSON merge PATCH of "opmerking" with If-Match on one of
-- the collaborations in SOAK_WRITE_KEYS. The ETag is fetched first: a PATCH
-- is only sent when this thread has seen an ETag for that collaboration (from
-- a GET of its JSON detail, a PATCH reply or a 412 reply, all carrying the
-- current ETag); otherwise that slot becomes a GET of the JSON detail.
-- Concurrent writes with the same ETag get 412: counted as conflicts, not
-- errors.
--
-- Environment (set by bench/soak.sh):
--   SOAK_URLS_FILE       file with one path (+ query) per line
--   SOAK_TOKEN           API token (Bearer) of a programmateam user
--   SOAK_WRITE_KEYS      space-separated "key=id" pairs of writable collaborations
--   SOAK_WRITE_PERMILLE  writes per 1000 requests (default 5)
-- Prints one line "SOAK ..." with the counters at the end.

local token = os.getenv("SOAK_TOKEN") or ""
local permille = tonumber(os.getenv("SOAK_WRITE_PERMILLE") or "5")
local urls = {}
local f = io.open(os.getenv("SOAK_URLS_FILE") or "", "r")
if f then
	for line in f:lines() do
		if line ~= "" then
			urls[#urls + 1] = line
		end
	end
	f:close()
end
local wkeys, wid = {}, {}
for pair in string.gmatch(os.getenv("SOAK_WRITE_KEYS") or "", "%S+") do
	local k, id = string.match(pair, "^([^=]+)=(%d+)$")
	if k then
		wkeys[#wkeys + 1] = k
		wid[k] = id
	end
end

-- per thread state (one Lua state per wrk thread)
etag, etag_v = {}, {}
n_get, n_patch, n_fetch = 0, 0, 0
st_2xx, st_3xx, st_412, st_4xx, st_5xx = 0, 0, 0, 0, 0
local pos, seq = 0, 0
local threads = {}

function setup(thread)
	thread:set("thread_no", #threads)
	threads[#threads + 1] = thread
end

function init(args)
	math.randomseed(4242 + (thread_no or 0))
	for i = #urls, 2, -1 do -- each thread its own order
		local j = math.random(i)
		urls[i], urls[j] = urls[j], urls[i]
	end
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
	if #wkeys > 0 and math.random(1000) <= permille then
		local k = wkeys[math.random(#wkeys)]
		local e = etag[wid[k]]
		if e then
			n_patch = n_patch + 1
			seq = seq + 1
			return wrk.format("PATCH", "/api/v1/samenwerkingsverbanden/" .. k, {
				["Authorization"] = "Bearer " .. token,
				["If-Match"] = e,
				["Content-Type"] = "application/merge-patch+json",
			}, '{"opmerking":"Belastingtest (soak) wijziging ' .. seq .. '"}')
		end
		n_fetch = n_fetch + 1
		return wrk.format("GET", "/api/v1/samenwerkingsverbanden/" .. k)
	end
	n_get = n_get + 1
	pos = pos % #urls + 1
	return wrk.format("GET", urls[pos])
end

function response(status, headers, body)
	note_etag(headers["ETag"] or headers["Etag"] or headers["etag"])
	if status >= 500 then
		st_5xx = st_5xx + 1
	elseif status == 412 then
		st_412 = st_412 + 1
	elseif status >= 400 then
		st_4xx = st_4xx + 1
	elseif status >= 300 then
		st_3xx = st_3xx + 1
	else
		st_2xx = st_2xx + 1
	end
end

function done(summary, latency, requests)
	local t = {get = 0, patch = 0, fetch = 0, ok = 0, redir = 0, conflict = 0, c4 = 0, c5 = 0}
	for _, th in ipairs(threads) do
		t.get = t.get + th:get("n_get")
		t.patch = t.patch + th:get("n_patch")
		t.fetch = t.fetch + th:get("n_fetch")
		t.ok = t.ok + th:get("st_2xx")
		t.redir = t.redir + th:get("st_3xx")
		t.conflict = t.conflict + th:get("st_412")
		t.c4 = t.c4 + th:get("st_4xx")
		t.c5 = t.c5 + th:get("st_5xx")
	end
	io.write(string.format(
		"SOAK gets=%d patches=%d etag_fetches=%d 2xx=%d 3xx=%d conflicts_412=%d other_4xx=%d 5xx=%d\n",
		t.get, t.patch, t.fetch, t.ok, t.redir, t.conflict, t.c4, t.c5))
end
