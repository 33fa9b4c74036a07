"""Text: fonts, HarfBuzz shaping, fitting into slots, and outlines emitted as SVG paths."""
