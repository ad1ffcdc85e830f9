"""Reads for the theme pages; the bodies come from the registry's own selectors."""

from gremia.selectors import theme_bodies, theme_get
from platforms.models import Theme


def theme_list() -> list[Theme]:
    return list(Theme.objects.order_by("name"))


__all__ = ["theme_bodies", "theme_get", "theme_list"]
