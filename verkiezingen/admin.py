from django.contrib import admin

from nhn_portal.core.admin import ReadOnlyAdminMixin

from .models import Election, Succession


@admin.register(Election)
class ElectionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["kind", "held_on", "installed_on"]


@admin.register(Succession)
class SuccessionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Recorded through the election page (one audited service), read here."""

    list_display = ["election", "previous", "membership"]
    list_select_related = ["election", "previous__person", "membership__person"]
