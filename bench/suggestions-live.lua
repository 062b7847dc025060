-- wrk script for bench/run.sh: next-step suggestions of random pairings of the generated cohort, each
-- as of a random day of July or August 2026, a date no stored health check covers (bench/run.sh checks
-- as of 2026-06-15 only): every answer is a live evaluation (read the roadmap, run the rules, write
-- the JSON), never a stored run's. Pairings and days are drawn independently and uniformly, so the
-- (pairing, date) space, N x 62, is large next to the requests made (run.sh prints both): a memo of
-- repeated questions would find few.
-- BENCH_PAIRINGS (how many were generated), BENCH_TOKEN (a coordinator token) and BENCH_SEED (one per
-- wrk run, so that the measured run does not replay the warm-up's questions) come from run.sh.
local pairings = tonumber(os.getenv("BENCH_PAIRINGS"))
local width = math.max(6, #tostring(pairings))
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
local seed = tonumber(os.getenv("BENCH_SEED") or "0")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(seed * 1000 + (id or 1)) -- a different sequence per thread and per wrk run
end

function request()
  local pairing = string.format("P%0" .. width .. "d", math.random(pairings))
  local day = math.random(62) -- 1..31: July, 32..62: August
  local asOf = day <= 31 and string.format("2026-07-%02d", day) or string.format("2026-08-%02d", day - 31)
  return wrk.format("GET", "/api/pairings/" .. pairing .. "/suggestions?asOf=" .. asOf, headers)
end
