from django.urls import path

from rebond.promises import views

app_name = "promises"

urlpatterns = [
    path("record/", views.record, name="record"),
    path("record/calendar/", views.calendar_regenerate, name="calendar_regenerate"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("promises/", views.promise_list, name="list"),
    path("promises/new/", views.promise_new, name="new"),
    path("promises/safety-plan/", views.safety_plan_add, name="safety_plan_add"),
    path("promises/<int:promise_id>/", views.promise_detail, name="detail"),
    path("promises/<int:promise_id>/archive/", views.promise_archive, name="archive"),
    path("promises/<int:promise_id>/pause/", views.promise_pause, name="pause"),
    path("promises/<int:promise_id>/checkins/<str:on>/", views.checkin, name="checkin"),
    path("promises/<int:promise_id>/checkins/<str:on>/debrief/", views.debrief, name="debrief"),
    path("victories/", views.victories, name="victories"),
]
