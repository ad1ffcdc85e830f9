"""The portal's rich-text policy: what a writer may paste into an annotation (and later
minutes, summaries), kept to a safe subset by nh3, so nothing runs script in a reader's
browser or PDF."""

import nh3

# Plain paragraphs with a few inline tags; links only to the web and mail.
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def sanitize_rich_text(value: str) -> str:
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()
