-- wrk script for bench/dashboard.sh: POST a one-unit pledge of the first line of a need, rotating over the ids in
-- NEEDS_FILE, with the donor's TOKEN and an Idempotency-Key no other request of any run shares (a shared key would be
-- answered as a replay, cheaply, and flatter the figure). Run RUN (0, 1, …) of a series starts at RUN × 12,000 in the
-- list and each of its two threads 6,000 further apart, so that no run pledges a need an earlier run filled.
local threads = 0
local nonce = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
  thread:set("nonce", nonce)
end

local ids = {}
local counter = 0
local token = os.getenv("TOKEN")

function init(args)
  for line in io.lines(os.getenv("NEEDS_FILE")) do ids[#ids + 1] = line end
  counter = tonumber(os.getenv("RUN") or "0") * 12000 + (tid - 1) * 6000
end

function request()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  return wrk.format("POST", "/api/v1/needs/" .. id .. "/pledges", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-" .. nonce .. "-" .. tid .. "-" .. counter
  }, '{"items":[{"position":0,"quantity":1}]}')
end

-- the first answer of each refusal status per thread goes to stderr (bench/dashboard.sh keeps it in
-- pledge-refusals.txt), so that a run made of refusals is seen for what it is
local counted = {}
function response(status, headers, body)
  counted[status] = (counted[status] or 0) + 1
  if status >= 300 and (counted[status] == 1) then
    io.stderr:write("first " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
  end
end
