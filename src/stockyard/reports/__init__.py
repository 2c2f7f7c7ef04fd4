"""Reports: stock on hand, low stock, movements and valuation, streamed page by page."""
