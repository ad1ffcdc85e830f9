"""/api/ori/v2/: the ORI 2.0 resources, the root, the standard's collections the portal does
not serve (a 404 that says why) and the OpenAPI description (openapi.json)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from . import views
from .base import with_etag

app_name = "ori"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = (
    {
        f"{basename}-{kind}": "open data (ORI 2.0): public data only, read through the selectors"
        for basename in views.SERVED.values()
        for kind in ("list", "detail")
    }
    | {
        f"{collection}-{kind}": "a collection of the standard that is not served: a 404"
        for collection in views.NOT_SERVED
        for kind in ("niet_geleverd", "niet_geleverd_detail")
    }
    | {
        "openapi": "the API's OpenAPI description",
        "root": "the API's entry: the list of its collections",
        "not_found": "any other path under the API: a 404 in the standard's error shape",
    }
)

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
router.register("stemmingen", views.StemmingViewSet, basename="stemming")
router.register("stemmen", views.StemViewSet, basename="stem")
router.register("dagelijksebesturen", views.DagelijksBestuurViewSet, basename="dagelijks_bestuur")

urlpatterns = [
    path("", with_etag(views.RootView.as_view()), name="root"),
    path(
        "openapi.json",
        login_not_required(SpectacularJSONAPIView.as_view()),
        name="openapi",
    ),
]
for pattern in router.urls:
    pattern.callback = with_etag(pattern.callback)
    urlpatterns.append(pattern)
for collection in views.NOT_SERVED:
    view = views.NotServedView.as_view(collection=collection)
    urlpatterns += [
        path(collection, view, name=f"{collection}-niet_geleverd"),
        path(f"{collection}/<str:pk>", view, name=f"{collection}-niet_geleverd_detail"),
    ]
urlpatterns.append(re_path(r"^.*$", views.not_found, name="not_found"))
