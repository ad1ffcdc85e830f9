from django.urls import path

from . import views

app_name = "platforms"

urlpatterns = [
    # Growth scenarios, before the theme pages whose slug would match too.
    path("groeiscenarios/", views.scenario_list, name="scenario_list"),
    path("groeiscenarios/<slug:key>/", views.scenario_detail, name="scenario_detail"),
    path("<slug:slug>/", views.theme_detail, name="theme_detail"),
]
