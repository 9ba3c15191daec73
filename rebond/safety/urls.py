from django.urls import path

from rebond.safety import views

app_name = "safety"

urlpatterns = [
    path("help/", views.help_now, name="help"),
    path("exit/", views.quick_exit, name="exit"),
    path("safety-plan/", views.plan, name="plan"),
]
