"""Open Badges image layer: bake, unbake and verify OB 2.0 / OB 3.0 data in PNG and SVG images."""
