from django.urls import path

from middelen import views

app_name = "middelen"

urlpatterns = [
    path("kostenverdeling/", views.cost_key_current, name="cost_key_current"),
    path("kostenverdeling/<int:year>/", views.cost_key, name="cost_key"),
    path("kostenverdeling/<int:year>/csv/", views.cost_key_csv, name="cost_key_csv"),
]
