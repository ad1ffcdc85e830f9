"""Error pages speak Dutch inside the portal's frame, and say nothing about what was hidden:
a page that does not exist and one the reader may not see look the same."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.defaults import server_error

from nhn_portal.core.constants import Role
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def without_tokens(html: str) -> str:
    """The page without its CSRF tokens, which are masked afresh for every response."""
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_missing_page_is_a_dutch_404_in_the_frame(client):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert _("Page not found") in response.text
    assert reverse("gremia:governance_map") in response.text  # the navigation is there


def test_a_hidden_page_looks_like_a_missing_one(client):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    draft = MeetingFactory()  # a concept: only the secretariat sees it
    hidden = client.get(reverse("regiobureau:meeting_detail", args=[draft.pk]))
    missing = client.get(reverse("regiobureau:meeting_detail", args=[draft.pk + 1000]))
    assert hidden.status_code == missing.status_code == 404
    assert without_tokens(hidden.text) == without_tokens(missing.text)


def test_a_form_sent_from_an_expired_page_is_explained(client):
    client.handler.enforce_csrf_checks = True
    client.force_login(UserFactory(roles=[Role.SECRETARY]))
    response = client.post(reverse("regiobureau:meeting_create"), {"title": "Zonder token"})
    assert response.status_code == 403
    assert _("The form has expired") in response.text


def test_a_server_error_page_needs_no_request_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert _("Something went wrong") in text
    assert 'lang="nl"' in text
