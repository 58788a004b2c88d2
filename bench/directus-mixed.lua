-- directus-mixed.lua — wrk script for the mixed 95/5 scenario against
-- Directus in bench/peer-directus.sh; the counterpart of bench/mixed.lua
-- with MIXED_JSON_ONLY=1 on the atlas side.
--
-- 50 % GET of the list page (DMIXED_LIST_URL: the same 50 active
-- collaborations sorted by name with the count, as GET
-- /api/v1/samenwerkingsverbanden?paginaGrootte=50), 45 % GET of one item
-- (/items/samenwerkingsverbanden/<key>, one of the read keys), 5 % PATCH of
-- the text field "opmerking" of one of the write keys with the admin token.
-- Directus has no If-Match: its PATCH overwrites, so there are no conflicts
-- (the atlas side fetches an ETag first and may get 412, counted apart).
--
-- Environment (set by bench/peer-directus.sh):
--   DMIXED_TOKEN       static admin token (Bearer)
--   DMIXED_LIST_URL    path + query of the list page
--   DMIXED_WRITE_KEYS  space-separated keys of the items to write
--   DMIXED_READ_KEYS   space-separated keys of the items to read
--   DMIXED_WRITE_PCT   share of writes in percent (default 5)
-- Prints one line "DMIXED ..." with the counters at the end (non2xx: every
-- reply that is not 2xx; s503: those of them that are 503).

local token = os.getenv("DMIXED_TOKEN") or ""
local list_url = os.getenv("DMIXED_LIST_URL") or "/items/samenwerkingsverbanden?limit=50"
local write_pct = tonumber(os.getenv("DMIXED_WRITE_PCT") or "5")
local wkeys, rkeys = {}, {}
for k in string.gmatch(os.getenv("DMIXED_WRITE_KEYS") or "", "%S+") do
	wkeys[#wkeys + 1] = k
end
for k in string.gmatch(os.getenv("DMIXED_READ_KEYS") or "", "%S+") do
	rkeys[#rkeys + 1] = k
end
for _, k in ipairs(wkeys) do
	rkeys[#rkeys + 1] = k
end

-- per thread state (one Lua state per wrk thread)
n_get, n_patch = 0, 0
st_2xx, st_503, st_other = 0, 0, 0
local seq = 0
local threads = {}

function setup(thread)
	threads[#threads + 1] = thread
end

function init(args)
	math.randomseed(12345)
end

function request()
	local r = math.random(100)
	if r <= write_pct and #wkeys > 0 then
		n_patch = n_patch + 1
		seq = seq + 1
		return wrk.format("PATCH", "/items/samenwerkingsverbanden/" .. wkeys[math.random(#wkeys)], {
			["Authorization"] = "Bearer " .. token,
			["Content-Type"] = "application/json",
		}, '{"opmerking":"Synthetische benchmarkwijziging ' .. seq .. '"}')
	end
	n_get = n_get + 1
	if r <= 50 then
		return wrk.format("GET", list_url)
	end
	return wrk.format("GET", "/items/samenwerkingsverbanden/" .. rkeys[math.random(#rkeys)])
end

function response(status, headers, body)
	if status >= 200 and status < 300 then
		st_2xx = st_2xx + 1
	elseif status == 503 then
		st_503 = st_503 + 1
	else
		st_other = st_other + 1
	end
end

function done(summary, latency, requests)
	local t = {get = 0, patch = 0, ok = 0, s503 = 0, other = 0}
	for _, th in ipairs(threads) do
		t.get = t.get + th:get("n_get")
		t.patch = t.patch + th:get("n_patch")
		t.ok = t.ok + th:get("st_2xx")
		t.s503 = t.s503 + th:get("st_503")
		t.other = t.other + th:get("st_other")
	end
	io.write(string.format("DMIXED gets=%d patches=%d 2xx=%d non2xx=%d s503=%d\n",
		t.get, t.patch, t.ok, t.s503 + t.other, t.s503))
end
