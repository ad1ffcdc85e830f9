"""Where stukken and PDFs are offered (the meeting page, the reading page, an item's page)
the viewer adds "Lezen in de browser"; the reading page lists one's own notes on the
meeting's files."""

from nhn_portal.core.portal import Panel, register_panel
from viewer.selectors import notes_for_meeting


def no_context(request, **objects) -> dict:
    return {}


def reading_notes(request, *, meeting) -> dict:
    return {"reading_notes": notes_for_meeting(user=request.user, meeting=meeting)}


for page in ("meeting", "reading", "item"):
    # Beside each stuk (the template has `document`).
    register_panel(
        Panel(
            page=page,
            name="viewer_document",
            template="viewer/_document_link.html",
            context=no_context,
            slot="document",
        )
    )
for page in ("meeting", "reading"):
    # Beside the meeting's PDF link (the template has `pdf`).
    register_panel(
        Panel(
            page=page,
            name="viewer_pdf",
            template="viewer/_pdf_link.html",
            context=no_context,
            slot="pdf",
        )
    )

register_panel(
    Panel(
        page="reading",
        name="viewer_notes",
        template="viewer/_reading_notes.html",
        context=reading_notes,
        slot="notes",
    )
)
