"""The bundled example badge sets (shipped in the wheel as the package ``medbadge_examples``)."""
