"""Views of the raden app, one module per part: the griffie portal, composing letters and
the distribution dashboard."""
