"""The one way the portal sends e-mail: a template pair rendered in Dutch, one message per
recipient (nobody sees the other addresses), over one connection.

A mail is `templates/<app>/email/<name>_subject.txt` and `<name>_body.txt`; the HTML part is
`<name>_body.html` when the app has one, else the plain text in the portal's e-mail layout
(`templates/layouts/email.html`). Mails carry a link into the portal, never confidential
content: what they say is read on servers outside the region.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

EMAIL_LAYOUT = "layouts/email.html"


def site_link(path: str) -> str:
    """An absolute link into the portal for a mail (SITE_URL + path)."""
    return settings.SITE_URL.rstrip("/") + path


def render_mail(template: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """(subject, text, html) of `template` in Dutch."""
    with translation.override("nl"):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}_body.txt", context)
        try:
            html = get_template(f"{template}_body.html").render(context)
        except TemplateDoesNotExist:
            html = render_to_string(EMAIL_LAYOUT, {"subject": subject, "text": text})
    return subject, text, html


def send_templated_mail(
    *, template: str, context: dict[str, Any], recipients: Iterable[str]
) -> int:
    """Send `template` to each address in `recipients` (empty ones and duplicates dropped);
    returns how many messages went out. SMTP errors propagate, so the calling task retries."""
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return 0
    subject, text, html = render_mail(template, context)
    messages = []
    for address in addresses:
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [address])
        message.attach_alternative(html, "text/html")
        messages.append(message)
    return get_connection(fail_silently=False).send_messages(messages) or 0
