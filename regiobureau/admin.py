"""Admin for meetings: read-mostly.

Meetings, agendas, stukken and annotations are made in the portal (the agenda editor), whose
services keep the version guard, the upload checks and the audit trail; here the beheerder can
look them up. Editable here, through the audited admin mixin: dossiers and each body's standard
agenda items (the "template per body").
"""

from django.contrib import admin

from nhn_portal.core.admin import AuditedAdminMixin, ReadOnlyAdminMixin
from regiobureau.models.annotations import Annotation, AnnotationComment, AnnotationVersion
from regiobureau.models.documents import Document, DocumentVersion
from regiobureau.models.meetings import (
    AgendaItem,
    AgendaTemplateItem,
    CalendarToken,
    Dossier,
    Meeting,
)


class AgendaItemInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = AgendaItem
    fields = ["position", "parent", "title", "purpose", "is_public", "dossier"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    ordering = ["parent_id", "position"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "body", "starts_at", "status", "is_public", "agenda_version"]
    list_filter = ["status", "is_public", "body__kind", "body"]
    list_select_related = ["body"]
    search_fields = ["title", "body__name", "location"]
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline]


class DocumentInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Document
    fields = ["title", "confidentiality", "current_version"]
    readonly_fields = fields
    extra = 0
    show_change_link = True


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "meeting", "purpose", "is_public", "dossier"]
    list_filter = ["purpose", "is_public", "dossier"]
    list_select_related = ["meeting", "meeting__body", "dossier"]
    search_fields = ["title", "meeting__title", "meeting__body__name"]
    inlines = [DocumentInline]


class DocumentVersionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = DocumentVersion
    fields = ["number", "original_name", "content_type", "size", "sha256", "uploaded_by"]
    readonly_fields = [*fields, "uploaded_at"]
    extra = 0


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "agenda_item", "confidentiality"]
    list_filter = ["confidentiality"]
    list_select_related = ["agenda_item"]
    search_fields = ["title", "agenda_item__title"]
    inlines = [DocumentVersionInline]


class AnnotationVersionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = AnnotationVersion
    fields = ["number", "status", "saved_by", "saved_at"]
    readonly_fields = fields
    extra = 0


@admin.register(Annotation)
class AnnotationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "status", "version"]
    list_filter = ["status"]
    list_select_related = ["agenda_item"]
    search_fields = ["agenda_item__title"]
    inlines = [AnnotationVersionInline]


@admin.register(AnnotationComment)
class AnnotationCommentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "annotation", "is_resolved", "created_at"]
    list_filter = ["is_resolved"]
    list_select_related = ["author", "annotation__agenda_item"]


@admin.register(CalendarToken)
class CalendarTokenAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # The token itself is a secret: show whose it is and since when, never its value.
    list_display = ["user", "created_at"]
    fields = ["user", "created_at"]
    readonly_fields = fields
    search_fields = ["user__email"]

    def has_delete_permission(self, request, obj=None):
        # Deleting revokes the user's personal feed link, which is what a beheerder may need.
        return True


@admin.register(Dossier)
class DossierAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "theme"]
    list_filter = ["theme"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AgendaTemplateItem)
class AgendaTemplateItemAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """A body's standard opening and closing items, copied into each new meeting; a body
    without any uses the default set (constants.DEFAULT_TEMPLATE_ITEMS)."""

    list_display = ["title", "body", "placement", "position", "purpose"]
    list_editable = ["position", "purpose"]
    list_filter = ["body", "placement"]
    list_select_related = ["body"]
    ordering = ["body__name", "placement", "position"]
    autocomplete_fields = ["body"]
    search_fields = ["title", "body__name"]
