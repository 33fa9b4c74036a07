"""Tests of the palettes package: derivation of palettes from key colours."""
