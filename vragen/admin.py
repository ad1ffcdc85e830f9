from django.contrib import admin

from vragen.models import CouncilQuestion


@admin.register(CouncilQuestion)
class CouncilQuestionAdmin(admin.ModelAdmin):
    """Read-only: every change goes through the services (and their audit trail)."""

    list_display = ("subject", "municipality", "status", "answer_due", "assignee")
    list_filter = ("status",)
    search_fields = ("subject", "asker_name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
