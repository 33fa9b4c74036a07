"""The studio: a Streamlit app for design staff, a thin shell over the public API."""
