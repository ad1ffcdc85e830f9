"""Admin for council letters: look-up only.

Letters are composed, adopted and issued in the portal, and the griffies' steps are recorded
there; those services keep the workflow, the PDFs and the audit trail. Here the beheerder can
look up a letter, its items and paragraphs, and every council's copy with its history.
"""

from django.contrib import admin

from nhn_portal.core.admin import ReadOnlyAdminMixin
from raden.models.letters import (
    CouncilLetter,
    CouncilLetterDelivery,
    CouncilLetterItem,
    CouncilLetterSubregionParagraph,
)


class CouncilLetterItemInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = CouncilLetterItem
    fields = ["position", "decision", "agenda_item", "text"]
    readonly_fields = fields
    extra = 0


class CouncilLetterParagraphInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = CouncilLetterSubregionParagraph
    fields = ["subregion", "text"]
    readonly_fields = fields
    extra = 0


@admin.register(CouncilLetter)
class CouncilLetterAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "meeting", "status", "version", "issued_at"]
    list_filter = ["status", "meeting__body"]
    list_select_related = ["meeting__body"]
    search_fields = ["title", "meeting__title", "meeting__body__name"]
    date_hierarchy = "issued_at"
    inlines = [CouncilLetterItemInline, CouncilLetterParagraphInline]


@admin.register(CouncilLetterDelivery)
class CouncilLetterDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["letter", "municipality", "status", "status_changed_at", "render_status"]
    list_filter = ["status", "render_status", "municipality__subregion", "municipality"]
    list_select_related = ["letter", "municipality"]
    search_fields = ["letter__title", "municipality__name"]
