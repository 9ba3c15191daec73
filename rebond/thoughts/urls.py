from django.urls import path

from rebond.thoughts import views

app_name = "thoughts"

urlpatterns = [
    path("thoughts/", views.record_list, name="list"),
    path("thoughts/new/", views.record_new, name="new"),
    path("thoughts/patterns/", views.record_patterns, name="patterns"),
    path("thoughts/traps/", views.trap_list, name="traps"),
    path("thoughts/traps/<slug:trap_id>/", views.trap_detail, name="trap"),
    path("thoughts/<int:record_id>/", views.record_detail, name="detail"),
    path("thoughts/<int:record_id>/delete/", views.record_delete, name="delete"),
    path("thoughts/<int:record_id>/step/<slug:step_id>/", views.record_step, name="step"),
    path("thoughts/<int:record_id>/draft/<slug:step_id>/", views.record_draft, name="draft"),
]
