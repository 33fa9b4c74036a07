"""medbadge's engine: badge set file → validated model → designs → artwork (SVG + facts).

The public API is the pipeline's stages; the CLI and the studio are thin shells over it.
"""

__version__ = "0.1.0"
