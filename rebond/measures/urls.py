from django.urls import path

from rebond.measures import views

app_name = "measures"

urlpatterns = [
    path("", views.index, name="index"),
    path("checkin/", views.checkin, name="checkin"),
    path("checkin/help/", views.checkin_help, name="checkin_help"),
    path("checkin/<str:on>/delete/", views.checkin_delete, name="checkin_delete"),
    path("mood/", views.mood, name="mood"),
    path("<slug:instrument>/", views.history, name="history"),
    path("<slug:instrument>/take/", views.take, name="take"),
    path("<slug:instrument>/draft/", views.save_draft, name="draft"),
    path("<slug:instrument>/draft/discard/", views.discard_draft, name="draft_discard"),
    path("<slug:instrument>/schedule/", views.schedule, name="schedule"),
    path("<slug:instrument>/<int:pk>/", views.result, name="result"),
    path("<slug:instrument>/<int:pk>/delete/", views.delete, name="delete"),
]
