from django.urls import path

from rebond.care import views, views_viewer

app_name = "care"

urlpatterns = [
    path("", views.index, name="index"),
    path("invite/", views.invite_create, name="invite"),
    path("invitations/<int:invitation_id>/cancel/", views.invite_cancel, name="invite_cancel"),
    path("shares/<int:share_id>/scopes/", views.share_scopes, name="share_scopes"),
    path("shares/<int:share_id>/mute/", views.share_mute, name="share_mute"),
    path("shares/<int:share_id>/revoke/", views.share_revoke, name="share_revoke"),
    path("shares/<int:share_id>/preview/", views.share_preview, name="share_preview"),
    path("homework/<int:homework_id>/done/", views.homework_mark, name="homework_mark"),
    path("notes/<int:note_id>/dismiss/", views.note_dismiss, name="note_dismiss"),
    path("summary/", views.my_summary, name="summary"),
    path("summary/thoughts/", views.summary_thoughts, name="summary_thoughts"),
    path("join/", views_viewer.join, name="join"),
    path("join/<str:code>/", views_viewer.join, name="join_code"),
    path("clients/", views_viewer.clients, name="clients"),
    path("clients/pledge/", views_viewer.pledge, name="pledge"),
    path("clients/<int:owner_id>/", views_viewer.client, name="client"),
    path("clients/<int:owner_id>/summary/", views.client_summary, name="client_summary"),
    path("clients/<int:owner_id>/flags/", views_viewer.flag_ack, name="flag_ack"),
    path("clients/<int:owner_id>/encourage/", views_viewer.encourage, name="encourage"),
    path("clients/<int:owner_id>/homework/", views_viewer.homework_assign, name="homework_assign"),
]
