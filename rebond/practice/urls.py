from django.urls import path

from rebond.practice import views

app_name = "practice"

urlpatterns = [
    path("practice/", views.index, name="index"),
    path("practice/sessions/<int:session_id>/help/", views.session_help, name="session_help"),
    path("practice/sessions/<int:session_id>/delete/", views.session_delete, name="session_delete"),
    path("practice/<slug:slug>/", views.exercise, name="exercise"),
    path("learn/", views.learn_index, name="learn_index"),
    path("learn/<slug:slug>/", views.learn_page, name="learn_page"),
]
