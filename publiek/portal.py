"""The public portal's places in the frame: `/` for a visitor, and public navigation entries
to the bodies and the council letters."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.portal import (
    PUBLIC,
    NavItem,
    in_namespace,
    register_nav_item,
    register_public_home,
)

from . import views

register_public_home(views.front_page)

register_nav_item(
    NavItem(
        key="public_bodies",
        label=_("Bodies"),
        url_name="publiek:body_list",
        order=20,
        current=in_namespace("publiek", "body_list", "body_detail", "meeting_archive"),
        visible=lambda user: False,
        public=True,
        group=PUBLIC,
    )
)
register_nav_item(
    NavItem(
        key="public_letters",
        label=_("Council letters"),
        url_name="publiek:letter_list",
        order=35,
        current=in_namespace("publiek", "letter_list", "letter_detail"),
        # The public list for everyone; the griffie's letters received and the secretariat's
        # distribution have their own labels (raden).
        public=True,
        group=PUBLIC,
    )
)
register_nav_item(
    NavItem(
        key="search",
        label=_("Search"),
        url_name="publiek:search",
        order=85,
        current=in_namespace("publiek", "search"),
        public=True,
        group=PUBLIC,
    )
)
