"""Presentation: text and Korean tables, HTML, charts, pandas, data packages, citations."""
