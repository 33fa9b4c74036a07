"""icon_library package (data + loader)."""
