-- One wrk script for every scenario; configured through environment variables:
--   BENCH_METHOD   GET (default) or POST
--   BENCH_AUTH     the value of the Authorization header (omitted when empty)
--   BENCH_BODY_A   a JSON body; with BENCH_BODY_B too, requests alternate between the two
--   BENCH_BODY_B   (for transfers: A moves a unit one way, B moves it back)
--   BENCH_BODIES_FILE  a file of JSON bodies, one a line, in groups separated by an empty line: each
--                  wrk thread sends the bodies of its own group in order, over and over (serial
--                  moves: each serial's next move comes a whole half-cycle later, long after the
--                  last one was answered); it takes precedence over BENCH_BODY_A/B
-- done() prints one line "BENCH_JSON {...}" that the harness parses.

local method = os.getenv("BENCH_METHOD") or "GET"
local auth = os.getenv("BENCH_AUTH") or ""
local body_a = os.getenv("BENCH_BODY_A") or ""
local body_b = os.getenv("BENCH_BODY_B") or ""

wrk.method = method
if auth ~= "" then
  wrk.headers["Authorization"] = auth
end
if body_a ~= "" then
  wrk.body = body_a
  wrk.headers["Content-Type"] = "application/json"
end

local bodies_file = os.getenv("BENCH_BODIES_FILE") or ""
local threads_made = 0

-- Runs in the main state, once per thread: numbers the threads so each can pick its own group.
setup = function(thread)
  thread:set("thread_number", threads_made)
  threads_made = threads_made + 1
end

if bodies_file ~= "" then
  local cycle = {}
  local position = 0
  init = function(args)
    local groups = {{}}
    for line in io.lines(bodies_file) do
      if line == "" then
        groups[#groups + 1] = {}
      else
        table.insert(groups[#groups], line)
      end
    end
    cycle = groups[(thread_number % #groups) + 1]
    wrk.headers["Content-Type"] = "application/json"
  end
  request = function()
    position = position % #cycle + 1
    return wrk.format(nil, nil, nil, cycle[position])
  end
elseif body_b ~= "" then
  local counter = 0
  request = function()
    counter = counter + 1
    local body = body_a
    if counter % 2 == 0 then
      body = body_b
    end
    return wrk.format(nil, nil, nil, body)
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"non_2xx_3xx":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
    '"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, errors.status, errors.connect, errors.read, errors.write,
    errors.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
