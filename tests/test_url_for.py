"""`url_for` (nhn_portal.core.templatetags.nhn_urls): the same URL as `{% url %}`, also under
another script prefix (a portal served below a path)."""

from django.template import Context, Template
from django.urls import reverse, set_script_prefix


def render(pk):
    return Template('{% load nhn_urls %}{{ pk|url_for:"regiobureau:item_edit" }}').render(
        Context({"pk": pk})
    )


def test_url_for_is_the_reversed_url_of_each_pk():
    assert render(7) == reverse("regiobureau:item_edit", args=[7])
    assert render("8") == reverse("regiobureau:item_edit", args=[8])
    assert render(7) != render(8)


def test_url_for_follows_the_script_prefix():
    try:
        set_script_prefix("/portaal/")
        assert render(7) == reverse("regiobureau:item_edit", args=[7])
        assert render(7).startswith("/portaal/vergaderingen/")
    finally:
        set_script_prefix("/")
    assert render(7).startswith("/vergaderingen/")
