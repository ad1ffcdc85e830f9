from django.urls import path

from middelen import views

app_name = "middelen"

urlpatterns = [
    path("kostenverdeling/<int:year>/", views.cost_key, name="cost_key"),
    path("kostenverdeling/<int:year>/csv/", views.cost_key_csv, name="cost_key_csv"),
]
