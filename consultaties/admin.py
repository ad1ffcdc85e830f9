from django.contrib import admin

from consultaties.models import Consultation, CouncilRecess, CouncilResponse
from nhn_portal.core.admin import ReadOnlyAdminMixin


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "deadline", "status", "nota_status"]


@admin.register(CouncilResponse)
class CouncilResponseAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["consultation", "municipality", "status", "is_late"]


@admin.register(CouncilRecess)
class CouncilRecessAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["municipality", "label", "starts_on", "ends_on"]
