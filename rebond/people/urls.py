from django.urls import path

from rebond.people import views, views_repair

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", views.person_new, name="new"),
    path("<int:person_id>/", views.person_detail, name="detail"),
    path("<int:person_id>/edit/", views.person_edit, name="edit"),
    path("<int:person_id>/delete/", views.person_delete, name="delete"),
    path("<int:person_id>/hurt/", views_repair.person_hurt, name="hurt"),
    path("<int:person_id>/events/new/", views.event_new, name="event_new"),
    path("<int:person_id>/events/<int:event_id>/retract/", views.event_retract, name="event_retract"),
    path("<int:person_id>/events/<int:event_id>/annotate/", views.event_annotate, name="event_annotate"),
    path("<int:person_id>/said/new/", views.said_new, name="said_new"),
    path("said/<int:said_id>/resolve/", views.said_resolve, name="said_resolve"),
    path("<int:person_id>/events/<int:event_id>/repair/", views_repair.repair, name="repair"),
    path("<int:person_id>/ladder/", views_repair.ladder, name="ladder"),
    path("<int:person_id>/ladder/<int:step_id>/", views_repair.ladder_step, name="ladder_step"),
    path("<int:person_id>/ladder/<int:step_id>/remove/", views_repair.ladder_remove, name="ladder_remove"),
]
