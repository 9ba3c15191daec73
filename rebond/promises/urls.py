from django.urls import path

from rebond.promises import checkin_views, views

app_name = "promises"

urlpatterns = [
    path("record/", views.record, name="record"),
    path("record/calendar/", views.calendar_regenerate, name="calendar_regenerate"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("promises/", views.promise_list, name="list"),
    path("promises/new/", views.promise_new, name="new"),
    path("promises/earlier/", checkin_views.earlier, name="earlier"),
    path("promises/safety-plan/", views.safety_plan_add, name="safety_plan_add"),
    path("promises/<int:promise_id>/", views.promise_detail, name="detail"),
    path("promises/<int:promise_id>/archive/", views.promise_archive, name="archive"),
    path("promises/<int:promise_id>/stop/", views.promise_stop, name="stop"),
    path("promises/<int:promise_id>/safety-plan/", views.held_to_plan, name="held_to_plan"),
    path("promises/<int:promise_id>/pause/", views.promise_pause, name="pause"),
    path("promises/<int:promise_id>/checkins/<str:on>/", checkin_views.checkin, name="checkin"),
    path("promises/<int:promise_id>/checkins/<str:on>/debrief/", checkin_views.debrief, name="debrief"),
    path("promises/<int:promise_id>/checkins/<str:on>/remove/", checkin_views.checkin_remove, name="checkin_remove"),
    path("promises/<int:promise_id>/day/", checkin_views.another_day, name="another_day"),
    path("victories/", views.victories, name="victories"),
    path("victories/<int:victory_id>/remove/", views.victory_remove, name="victory_remove"),
]
