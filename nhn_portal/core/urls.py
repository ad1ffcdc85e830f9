from django.urls import path

from nhn_portal.core.health import health
from nhn_portal.core.views import audit_log

# Pages anyone may reach without a login (tests/test_login_required.py reads this).
PUBLIC_URL_NAMES = {
    "health": "the container health check; says only 'ok'",
    "home": "the public front page for visitors; the overview after login",
}

urlpatterns = [
    path("gezondheid/", health, name="health"),
    path("audit/", audit_log, name="audit_log"),
]
