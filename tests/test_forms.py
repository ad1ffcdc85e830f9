"""Shared form plumbing (nhn_portal.core.forms): QuickSelect writes the same HTML as Django's
select templates, so swapping it in changes no page."""

import re

import pytest
from django import forms

from nhn_portal.core.forms import QuickSelect, UtrechtFormMixin

CHOICES = [
    ("", "—"),
    (1, "Woondeal & <MIRT>"),
    (2, 'Zuidrand "fase 2"'),
    ("Groep", [(3, "Energie"), (4, "Arbeidsmarkt")]),
]


@pytest.mark.parametrize(
    ("value", "attrs"),
    [
        (None, {}),
        (2, {"class": "utrecht-select", "aria-describedby": "x-hint", "required": True}),
        (4, {"disabled": True, "data-x": False}),
        ("", {"id": "item1-parent"}),
    ],
)
def test_quick_select_renders_what_django_renders(value, attrs):
    django_select = forms.Select(choices=CHOICES)
    quick = QuickSelect(choices=CHOICES)
    expected = django_select.render("parent", value, attrs=dict(attrs))
    # Django's templates put line breaks between the options; HTML ignores them.
    assert quick.render("parent", value, attrs=dict(attrs)) == re.sub(r">\s+<", "><", expected)


def test_every_plain_select_of_a_portal_form_becomes_quick_and_keeps_required():
    class ItemForm(UtrechtFormMixin, forms.Form):
        # A required list with an empty first choice gets the `required` attribute.
        purpose = forms.ChoiceField(choices=[("", "—"), ("a", "A"), ("b", "B")])
        several = forms.MultipleChoiceField(choices=[("a", "A")])

    form = ItemForm(initial={"purpose": "b"})
    assert type(form.fields["purpose"].widget) is QuickSelect
    assert type(form.fields["several"].widget) is forms.SelectMultiple
    html = str(form["purpose"])
    assert 'class="utrecht-select utrecht-select--html-select"' in html
    assert " required" in html
    assert '<option value="b" selected>B</option>' in html
