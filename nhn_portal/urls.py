from django.contrib import admin
from django.urls import include, path

from nhn_portal.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("toegankelijkheid/", core_views.accessibility, name="accessibility"),
    path("account/", include("allauth.urls")),
    path("beheer/", admin.site.urls),
    path("", include("gremia.urls")),
    path("themas/", include("platforms.urls")),
    path("vergaderingen/", include("regiobureau.urls")),
    path("vergaderingen/", include("minutes.urls")),
    path("vergaderingen/", include("evaluation.urls")),
    path("vergaderingen/", include("planning.urls")),
    path("vergaderingen/", include("rounds.urls")),
    path("vergaderingen/", include("rules.urls")),
    path("vergaderingen/", include("viewer.urls")),
    path("verkiezingen/", include("verkiezingen.urls")),
    path("middelen/", include("middelen.urls")),
    path("raden/", include("raden.urls")),
    path("netwerk/", include("netwerk.urls")),
    path("consultaties/", include("consultaties.urls")),
    path("vragen/", include("vragen.urls")),
    path("openbaar/", include("publiek.urls")),
    path("api/ori/v2/", include("publiek.api.urls")),
    path("api/oparl/", include("publiek.oparl.urls")),
    path("", include("publiek.woo_urls")),
    path("", include("nhn_portal.core.urls")),
]
