"""The badge set file: schema, loading with positions, reference checks and round-trip editing."""
