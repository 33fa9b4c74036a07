"""palettes package (data + loader)."""
