from django.urls import path

from rebond.boundaries import views

app_name = "boundaries"

urlpatterns = [
    path("", views.boundary_list, name="list"),
    path("new/", views.boundary_new, name="new"),
    path("<int:boundary_id>/", views.boundary_detail, name="detail"),
    path("<int:boundary_id>/delete/", views.boundary_delete, name="delete"),
    path("<int:boundary_id>/log/", views.log_new, name="log"),
]
