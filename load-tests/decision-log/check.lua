-- wrk script: POSTs the check request of DESIGN.md to /v1/check with the token in $CHECK_TOKEN.
wrk.method = "POST"
wrk.path = "/v1/check"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("CHECK_TOKEN")
wrk.body = [[{
  "principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "roles": ["service"], "attr": {"env": "prod"}},
  "action": "charges:create",
  "resource": {"service": "payments", "kind": "charge", "id": "ch_1", "attr": {"amount": 5000, "env": "prod"}},
  "context": {"sourceIp": "10.1.2.3"}
}]]

-- PACE_MS > 0: each connection waits that long between its checks, a fixed offered load of about
-- connections × 1000 / PACE_MS checks per second, so two servers can be compared at the same load.
local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  function delay()
    return pace
  end
end

-- Answers other than 200 are counted, so a run that failed cannot pass for a fast one.
function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
end
