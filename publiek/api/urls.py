"""/api/ori/v2/: the ORI 2.0 resources and their OpenAPI description (openapi.json)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "ori"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    f"{basename}-{kind}": "open data (ORI 2.0): public data only, read through the selectors"
    for basename in (
        "vergadering",
        "agendapunt",
        "besluit",
        "informatieobject",
        "organisatorische_eenheid",
        "natuurlijk_persoon",
        "aanwezige_deelnemer",
    )
    for kind in ("list", "detail")
} | {"openapi": "the API's OpenAPI description"}

router = SimpleRouter(trailing_slash=False)
router.register("vergaderingen", views.VergaderingViewSet, basename="vergadering")
router.register("agendapunten", views.AgendapuntViewSet, basename="agendapunt")
router.register("besluiten", views.BesluitViewSet, basename="besluit")
router.register("informatieobjecten", views.InformatieObjectViewSet, basename="informatieobject")
router.register(
    "organisatorische_eenheden",
    views.OrganisatorischeEenheidViewSet,
    basename="organisatorische_eenheid",
)
router.register("natuurlijkpersonen", views.NatuurlijkPersoonViewSet, basename="natuurlijk_persoon")
router.register(
    "aanwezigedeelnemers", views.AanwezigeDeelnemerViewSet, basename="aanwezige_deelnemer"
)

urlpatterns = [
    path(
        "openapi.json",
        login_not_required(SpectacularJSONAPIView.as_view()),
        name="openapi",
    ),
]
for pattern in router.urls:
    pattern.callback = views.with_etag(pattern.callback)
    urlpatterns.append(pattern)
