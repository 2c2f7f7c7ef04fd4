-- One wrk script for every scenario; configured through environment variables:
--   BENCH_METHOD   GET (default) or POST
--   BENCH_AUTH     the value of the Authorization header (omitted when empty)
--   BENCH_BODY_A   a JSON body; with BENCH_BODY_B too, requests alternate between the two
--   BENCH_BODY_B   (for transfers: A moves a unit one way, B moves it back)
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

if body_b ~= "" then
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
