"""The bestuurder's reading page as a reader sees it once every item is opened: the page holds
one lean row per item and loads an item's annotation, stukken and responses on demand
(`regiobureau:item_reading`, issue 26). Tests that check what a reader reads fetch both."""

import re

from django.urls import reverse

_PART = re.compile(
    r'<details class="rb-item-details"><summary>[^<]*</summary>'
    r'<a class="utrecht-link" href="([^"]+)">'
)


def item_parts(client, page: str) -> list[str]:
    """The on-demand part of every item the page offers to open, as htmx loads it."""
    parts = []
    for url in dict.fromkeys(_PART.findall(page)):
        response = client.get(url, headers={"HX-Request": "true"})
        assert response.status_code == 200, url
        parts.append(response.content.decode())
    return parts


def reading_with_parts(client, meeting_pk: int) -> str:
    """The reading page followed by the part of every item on it."""
    response = client.get(reverse("regiobureau:meeting_reading", args=[meeting_pk]))
    assert response.status_code == 200
    page = response.content.decode()
    return "\n".join([page, *item_parts(client, page)])
