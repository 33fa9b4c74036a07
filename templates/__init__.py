"""templates package (data + loader)."""
