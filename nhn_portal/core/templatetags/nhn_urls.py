"""`{{ pk|url_for:"app:name" }}`: the URL of an object's page inside a long list, remembered.

`{% url %}` reverses anew on every call, which in the agenda editor (eight links per item, 80
items) cost more than a fifth of the page. URLs of a pk never change while the
process runs, so they are kept in a bounded cache keyed on the script prefix as well.
"""

from __future__ import annotations

import functools

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@functools.lru_cache(maxsize=8192)
def _reverse(name: str, pk: int, prefix: str) -> str:
    return reverse(name, args=[pk])


@register.filter
def url_for(pk, name: str) -> str:
    return _reverse(name, int(pk), get_script_prefix())
