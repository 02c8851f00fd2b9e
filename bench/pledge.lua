-- wrk script for bench/dashboard.sh: POST a one-unit pledge of the first line of a need, rotating over the ids in
-- NEEDS_FILE, with the donor's TOKEN and a fresh Idempotency-Key per request.
local ids = {}
for line in io.lines(os.getenv("NEEDS_FILE")) do ids[#ids + 1] = line end
local token = os.getenv("TOKEN")
local counter = 0
local thread_tag = tostring(math.random(1, 1e9))

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  thread_tag = tostring(math.random(1, 1e9))
  counter = math.random(0, #ids - 1)
end

function request()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  return wrk.format("POST", "/api/v1/needs/" .. id .. "/pledges", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-" .. thread_tag .. "-" .. counter
  }, '{"items":[{"position":0,"quantity":1}]}')
end
