from django.apps import AppConfig


class RegiobureauConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "regiobureau"

    def ready(self):
        # The agenda form's remembered person/dossier lists must go stale in every process
        # that saves a person or dossier, not only those that imported the form.
        from regiobureau.forms import agenda  # noqa: F401
