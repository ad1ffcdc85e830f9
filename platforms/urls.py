from django.urls import path

from . import views

app_name = "platforms"

urlpatterns = [
    path("<slug:slug>/", views.theme_detail, name="theme_detail"),
]
