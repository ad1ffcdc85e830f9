"""The platforms app has no models of its own: a theme (gremia.Theme) is registry data.

It keeps the theme pages and, later, the growth scenarios (docs/architecture.md).
"""
