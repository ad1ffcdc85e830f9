"""Admin for the registry: the beheerder keeps organisations, persons, bodies and memberships.

Invalid memberships (end before start, a duplicate open one, a dissolved body) are refused by
the model form, which runs `full_clean()` including the database constraints; writes go through
the audited services via `AuditedAdminMixin`.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.admin import AuditedAdminMixin

from .models import Body, Membership, Organisation, Person, Subregion, Theme


class OrganisationInline(admin.TabularInline):
    model = Organisation
    fields = ["name", "kind", "is_central_municipality"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subregion)
class SubregionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationInline]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "subregion", "is_central_municipality"]
    list_filter = ["kind", "sector", "subregion", "is_central_municipality"]
    list_select_related = ["subregion"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "function", "organisation", "email", "user"]
    list_filter = ["function", "organisation__kind", "organisation__subregion"]
    list_select_related = ["organisation", "user"]
    search_fields = ["name", "email", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]


class MembershipInlineForm(forms.ModelForm):
    def _post_clean(self):
        super()._post_clean()
        # In the inline the body is the hidden parent key, whose errors the admin does not show
        # (e.g. "dissolved, takes no new memberships"); show them above the row instead.
        if "body" in self._errors:
            self.add_error(None, self._errors.pop("body"))


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipInlineForm
    fields = ["person", "role", "organisation", "start", "end"]
    autocomplete_fields = ["person", "organisation"]
    extra = 1


@admin.register(Body)
class BodyAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "theme", "prepares", "established_on", "dissolved_on"]
    list_filter = ["kind", "theme", "dissolved_on"]
    list_select_related = ["theme", "prepares"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["prepares"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ["name", "short_name", "slug", "kind", "theme", "prepares", "purpose"]}),
        (_("Lifecycle"), {"fields": ["established_on", "dissolved_on"]}),
        (
            _("Rules of play"),
            {
                "fields": [
                    "decision_rule",
                    "quorum_required",
                    "public_by_default",
                    "meeting_frequency",
                    "chair_role",
                    "council_involvement",
                    "evaluation",
                ]
            },
        ),
    )


@admin.register(Membership)
class MembershipAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["person", "body", "role", "organisation", "start", "end"]
    list_filter = ["body", "role", "organisation__subregion"]
    list_select_related = ["person", "body", "organisation"]
    search_fields = ["person__name", "body__name", "organisation__name"]
    autocomplete_fields = ["person", "body", "organisation"]
    date_hierarchy = "start"


@admin.register(Theme)
class ThemeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
