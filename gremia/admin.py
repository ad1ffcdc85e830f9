"""Admin for the registry: the beheerder keeps organisations, persons, bodies and memberships.

Invalid memberships (end before start, a duplicate open one, a dissolved body) are refused by
the model form, which runs `full_clean()` including the database constraints; writes go through
the audited services via `AuditedAdminMixin`.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gremia.models.conduct import ConductAmbassador
from gremia.models.registry import Body, Membership, Organisation, Person, Subregion, Theme
from gremia.models.rules import BalanceNorm
from gremia.selectors.balance import norm_warnings_for_membership
from nhn_portal.core.admin import AuditedAdminMixin


class NormWarningFormMixin(forms.Form):
    """A new seat that breaks a balance norm is not refused but shown as a
    warning first; the beheerder saves it only after ticking "save anyway" (the stuurgroep
    decides, not the portal)."""

    confirm_norms = forms.BooleanField(
        label=_("Save anyway, although a balance norm is not met"),
        required=False,
        help_text=_("Only when the form warned about a norm: the stuurgroep decides."),
    )

    def norm_warnings(self, cleaned: dict) -> list[str]:
        if not self.instance._state.adding:
            return []
        body = cleaned.get("body") or (self.instance.body if self.instance.body_id else None)
        organisation, role = cleaned.get("organisation"), cleaned.get("role")
        if body is None or body.pk is None or organisation is None or not role:
            return []
        return norm_warnings_for_membership(
            body=body, organisation=organisation, role=role, on=cleaned.get("start")
        )

    def clean(self):
        cleaned = super().clean()
        warnings = self.norm_warnings(cleaned)
        if warnings and not cleaned.get("confirm_norms"):
            raise ValidationError(
                [
                    _("Warning: this membership does not meet a balance norm."),
                    *warnings,
                    _('Tick "save anyway" to save it all the same.'),
                ]
            )
        return cleaned


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


class MembershipInlineForm(NormWarningFormMixin, forms.ModelForm):
    def _post_clean(self):
        super()._post_clean()
        # In the inline the body is the hidden parent key, whose errors the admin does not show
        # (e.g. "dissolved, takes no new memberships"); show them above the row instead.
        if "body" in self._errors:
            self.add_error(None, self._errors.pop("body"))


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipInlineForm
    fields = ["person", "role", "organisation", "start", "end", "confirm_norms"]
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


class MembershipAdminForm(NormWarningFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "body", "role", "organisation", "start", "end"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = MembershipAdminForm
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


@admin.register(BalanceNorm)
class BalanceNormAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The norms the balance page checks; changes are audited like any other."""

    list_display = ["name", "kind", "body", "body_kind", "active"]
    list_filter = ["kind", "active"]
    list_select_related = ["body"]
    autocomplete_fields = ["body"]
    fieldsets = (
        (None, {"fields": ["name", "kind", "active"]}),
        (_("Scope"), {"fields": ["body", "body_kind"]}),
        (
            _("Values"),
            {
                "fields": [
                    "limit",
                    "target_government",
                    "target_business",
                    "target_education",
                    "tolerance",
                ]
            },
        ),
    )


@admin.register(ConductAmbassador)
class ConductAmbassadorAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The code of conduct's ambassadors per body or sub-region; shown on the rules page."""

    list_display = ["person", "body", "subregion", "start", "end"]
    list_select_related = ["person", "body", "subregion"]
    autocomplete_fields = ["person", "body"]
