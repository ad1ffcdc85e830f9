"""The beheerder's admin (/beheer/): users, the audit trail, and the two mixins every app's
admin uses.

`AuditedAdminMixin`: every admin save and delete goes through `services.admin_object_save` /
`_delete`, so a change made in the admin leaves the same audit record as one made through a
service. `ReadOnlyAdminMixin`: look, don't touch, for rows whose writes belong to a service.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db import models, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .audit import snapshot
from .models import AuditRecord, GenerationJob, LoginThrottle, OutboxMessage, User
from .services import (
    admin_object_delete,
    admin_object_save,
    admin_relations_changed,
    user_password_change_record,
)

admin.site.site_header = _("NHN Portal — management")
admin.site.site_title = _("NHN Portal — management")
admin.site.index_title = _("Management")


@login_not_required
def admin_login(request, extra_context=None):
    """No password-only door: /beheer/login/ sends everyone to the portal's own login (allauth,
    throttled by axes, with MFA), which returns to the admin afterwards."""
    target = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("admin:index")
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: target})}")


admin.site.login = admin_login

# Never copied into an audit record: bookkeeping, and secrets (a password hash is still secret).
AUDIT_EXCLUDED_FIELDS = {"id", "created_at", "updated_at", "password", "last_login"}


# Web addresses typed without a scheme are read as https (Django 6's default, chosen now).
URL_FORMFIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class AuditedAdminMixin:
    """Route the admin's writes through the audited core services."""

    formfield_overrides = URL_FORMFIELD_OVERRIDES

    def audit_fields(self, obj) -> list[str]:
        return [
            field.name
            for field in obj._meta.concrete_fields
            if field.name not in AUDIT_EXCLUDED_FIELDS
        ]

    def audit_snapshot(self, obj) -> dict | None:
        """The stored values before this change; the form has already changed `obj` itself."""
        if obj._state.adding or obj.pk is None:
            return None
        stored = type(obj)._default_manager.filter(pk=obj.pk).first()
        return snapshot(stored, self.audit_fields(obj)) if stored else None

    def save_model(self, request, obj, form, change):
        admin_object_save(
            actor=request.user,
            obj=obj,
            fields=self.audit_fields(obj),
            before=self.audit_snapshot(obj),
        )

    def delete_model(self, request, obj):
        admin_object_delete(actor=request.user, obj=obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        # The bulk "delete selected" action, one audited delete per object.
        for obj in queryset:
            admin_object_delete(actor=request.user, obj=obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            admin_object_delete(actor=request.user, obj=obj)
        for obj in instances:
            admin_object_save(
                actor=request.user,
                obj=obj,
                fields=self.audit_fields(obj),
                before=self.audit_snapshot(obj),
            )
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        instance = form.instance
        names = [field.name for field in instance._meta.many_to_many if field.name in form.fields]
        before = {name: self._related(instance, name) if change else [] for name in names}
        super().save_related(request, form, formsets, change)
        for name in names:
            admin_relations_changed(
                actor=request.user,
                obj=instance,
                field=name,
                before=before[name],
                after=self._related(instance, name),
            )

    @staticmethod
    def _related(instance, name: str) -> list[str]:
        return [str(related) for related in getattr(instance, name).all()]


class ReadOnlyAdminMixin:
    """Look, don't touch: writes belong to the services behind the portal's pages."""

    formfield_overrides = URL_FORMFIELD_OVERRIDES

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    """Our User has no username: the e-mail address is the login."""

    form = UserEditForm
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ["last_login", "date_joined"]

    def user_change_password(self, request, id, form_url=""):
        # Django's password view saves through its form, not save_model; audit it here, in the
        # same transaction. The audit never holds the hash, only that the password changed.
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                user = self.get_object(request, unquote(id))
                user_password_change_record(actor=request.user, user=user)
        return response


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The audit trail is read-only, in the admin as everywhere."""

    list_display = ["created_at", "actor", "action", "verb", "content_type", "object_repr"]
    list_filter = ["action", "content_type"]
    search_fields = ["verb", "object_repr", "actor__email"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "content_type"]


# The beheerder's to-do lines (core.todo) lead here: what the background work did not finish.
@admin.register(GenerationJob)
class GenerationJobAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["requested_at", "kind", "audience", "status", "attempts", "failure_reason"]
    list_filter = ["status", "kind"]
    date_hierarchy = "requested_at"


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "task_name", "sent_at", "attempts", "last_error"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    date_hierarchy = "created_at"


@admin.register(LoginThrottle)
class LoginThrottleAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["account", "failures", "last_failure_at"]
    search_fields = ["account"]
