from django.urls import path

from rebond.journal import views

app_name = "journal"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/<slug:kind>/", views.entry_new, name="new"),
    path("<int:entry_id>/", views.entry_detail, name="detail"),
    path("<int:entry_id>/edit/", views.entry_edit, name="edit"),
    path("<int:entry_id>/delete/", views.entry_delete, name="delete"),
]
