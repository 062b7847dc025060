-- wrk script for bench/run.sh: next-step suggestions of random pairings of the generated cohort.
-- Every request asks as of BENCH_AS_OF, the stored health check's date: the stored path. Its live
-- counterpart, other dates, is suggestions-live.lua.
-- BENCH_PAIRINGS (how many were generated), BENCH_TOKEN (a coordinator token), BENCH_AS_OF and BENCH_SEED
-- (one per wrk run, so that the measured run does not replay the warm-up's requests) come from run.sh.
local pairings = tonumber(os.getenv("BENCH_PAIRINGS"))
local width = math.max(6, #tostring(pairings))
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
local asOf = os.getenv("BENCH_AS_OF")
local seed = tonumber(os.getenv("BENCH_SEED") or "0")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(seed * 1000 + (id or 1)) -- a different, repeatable sequence per thread and per wrk run
end

function request()
  local pairing = string.format("P%0" .. width .. "d", math.random(pairings))
  return wrk.format("GET", "/api/pairings/" .. pairing .. "/suggestions?asOf=" .. asOf, headers)
end
