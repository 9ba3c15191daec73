from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from rebond.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.signin, name="login"),
    path("login/code/", views.signin_code, name="login_code"),
    path("logout/", views.signout, name="logout"),
    path("two-step/", views.two_factor, name="two_factor"),
    path("signup/", views.signup, name="signup"),
    path("setup/", views.setup, name="setup"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/tokens/", views.token_create, name="token_create"),
    path("settings/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("export/", views.export_download, name="export"),
    path("delete/", views.delete_account, name="delete"),
    path("password/", auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("accounts:password_change_done")), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(
        template_name="accounts/password_change_done.html"), name="password_change_done"),
    path("password/reset/", views.PasswordReset.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html"), name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete")), name="password_reset_confirm"),
    path("password/reset/complete/", auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"), name="password_reset_complete"),
]
