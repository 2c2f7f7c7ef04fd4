"""Traffic safety: rate limits, idempotent retries and maintenance mode (HTTP-free logic)."""
