from django.contrib import admin

from nhn_portal.core.admin import AuditedAdminMixin

from .models import Theme


@admin.register(Theme)
class ThemeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
