"""allauth's login and password-reset forms in the portal's NL Design System markup, so the
account pages use the same field component (components/field.html) as every other form.

Labels say what to type; placeholders would repeat them and vanish while typing (WCAG 3.3.2).
"""

from allauth.account import forms as allauth_forms

from .forms import UtrechtFormMixin

# field name → (input type, autocomplete token)
ACCOUNT_INPUTS = {
    "login": ("email", "username"),
    "email": ("email", "email"),
    "password": ("password", "current-password"),
    "password1": ("password", "new-password"),
    "password2": ("password", "new-password"),
}


class AccountFormMixin(UtrechtFormMixin):
    def style_widgets(self):
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in ACCOUNT_INPUTS:
                input_type, autocomplete = ACCOUNT_INPUTS[name]
                field.widget.input_type = input_type
                field.widget.attrs["autocomplete"] = autocomplete
                # The reset link stands under the form; no second one in the help text.
                field.help_text = ""
        super().style_widgets()


class LoginForm(AccountFormMixin, allauth_forms.LoginForm):
    pass


class ResetPasswordForm(AccountFormMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(AccountFormMixin, allauth_forms.ResetPasswordKeyForm):
    pass
