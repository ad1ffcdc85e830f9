"""Views of the regiobureau app, one module per part of the workbench (see urls.py)."""
