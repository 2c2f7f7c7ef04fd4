"""Events: every state change writes one in its own transaction (the transactional outbox), a relay
gives committed events their place in the feed, and the feed and webhooks read them in that order."""
