"""What every domain shares: who acts (`principal`, `actor`, `context`), what they may do
(`permissions`, `plans`, `limits`), the audit trail's writer (`audit`), ids, the clock, keyset
lists (sorts, filters, cursors), optimistic versioning and money. Nothing here knows HTTP or any one domain."""
