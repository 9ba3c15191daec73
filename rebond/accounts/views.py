"""Account pages: sign in and out, sign up, first-run setup, settings, tokens, export and deletion."""

from __future__ import annotations

import json
import secrets
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from rebond.accounts import selectors, services, twofactor
from rebond.accounts.forms import (
    CodeForm,
    DeleteAccountForm,
    DisableTwoFactorForm,
    ProfileForm,
    SignInForm,
    SignUpForm,
    TokenForm,
)
from rebond.accounts.models import Role, User
from rebond.safety import interstitial
from rebond.safety.views import CLEAR_SITE_DATA

PENDING_2FA = services.PENDING_2FA
SETUP_SECRET = "two_factor_setup_secret"


def client_ip(request: HttpRequest) -> str:
    if settings.BEHIND_HTTPS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return reverse("core:home")


@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    if not selectors.users_exist():
        return redirect("accounts:setup")
    form = SignInForm(request.POST or None)
    locked_minutes = None
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_authenticate(username=form.cleaned_data["username"],
                                              password=form.cleaned_data["password"],
                                              ip=client_ip(request), request=request)
        except services.Throttled as exc:
            locked_minutes = exc.minutes
            user = None
        if user is not None and twofactor.is_enabled(user):
            request.session[PENDING_2FA] = {"user": user.pk, "next": _safe_next(request)}
            return redirect("accounts:login_code")
        if user is not None:
            login(request, user)  # login() gives the session a new key, so an old one can't be reused
            return HttpResponseRedirect(_safe_next(request))
        if locked_minutes is None:
            form.add_error(None, "That name and password don't match. Please try again.")
    status = 429 if locked_minutes else 200
    return render(request, "accounts/signin.html",
                  {"form": form, "locked_minutes": locked_minutes, "next": request.GET.get("next", ""),
                   "signup_open": settings.SIGNUP != "closed"}, status=status)


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are signed out.")
    response = redirect("core:home")
    response["Clear-Site-Data"] = CLEAR_SITE_DATA  # no drafts or cached pages left for the next person
    return response


def _create_from_form(request: HttpRequest, form: SignUpForm, *, role: str | None = None,
                      invite_code: str | None = None) -> User | None:
    data = form.cleaned_data
    fields = {"username": data["username"], "password": data["password"], "role": role or data["role"],
              "time_zone": data["time_zone"], "region": data.get("region") or ""}
    try:
        if invite_code is None:
            user = services.user_create(**fields)
        else:
            user = services.user_create_with_invite(code=invite_code, **fields)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return None
    return user


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if not selectors.users_exist():
        return redirect("accounts:setup")
    if settings.SIGNUP == "closed":
        return render(request, "accounts/signup_closed.html", status=403)
    need_invite = settings.SIGNUP == "invite"
    form = SignUpForm(request.POST or None, need_invite=need_invite,
                      initial={"invite_code": request.GET.get("invite", "")})
    if request.method == "POST" and form.is_valid():
        user = _create_from_form(request, form,
                                 invite_code=form.cleaned_data["invite_code"] if need_invite else None)
        if user is not None:
            login(request, user)
            messages.success(request, "Welcome. Your account is ready.")
            return redirect("core:home")
    return render(request, "accounts/signup.html", {"form": form, "need_invite": need_invite})


def setup_token_path() -> object:
    return settings.DATA_DIR / "setup_token"


def from_this_computer(request: HttpRequest) -> bool:
    """The visit comes from the computer rebond runs on (a person running it for themselves), not through a proxy."""
    return client_ip(request) in {"127.0.0.1", "::1"} and not settings.BEHIND_HTTPS_PROXY


def setup_allowed(request: HttpRequest) -> bool:
    """The first account may be made from this machine, or anywhere with the token `rebond serve` printed."""
    if from_this_computer(request):
        return True
    token_file = settings.DATA_DIR / "setup_token"
    given = request.GET.get("token") or request.POST.get("token") or ""
    if token_file.exists() and given:
        return secrets.compare_digest(token_file.read_text(encoding="utf-8").strip(), given)
    return False


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    if selectors.users_exist():
        return redirect("core:home")
    if not setup_allowed(request):
        return render(request, "accounts/setup_locked.html", status=403)
    form = SignUpForm(request.POST or None, need_invite=False)
    if request.method == "POST" and form.is_valid():
        user = _create_from_form(request, form)
        if user is not None:
            token_file = settings.DATA_DIR / "setup_token"
            token_file.unlink(missing_ok=True)
            login(request, user)
            messages.success(request, "Welcome to rebond. Everything you write stays on this server.")
            return redirect("core:home")
    return render(request, "accounts/setup.html", {"form": form, "token": request.GET.get("token", "")})


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = ProfileForm(request.POST or None, initial={
        "display_name": user.display_name, "email": user.email, "time_zone": user.time_zone,
        "region": user.region, "discreet_mode": user.discreet_mode,
    })
    if request.method == "POST" and form.is_valid():
        try:
            _, guard = services.profile_update(user=user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Saved.")
            return interstitial.after_save(request, guard, entry_key="accounts:display_name",
                                           back_url=reverse("accounts:settings"))
    tokens = selectors.token_list(user=user)
    return render(request, "accounts/settings.html", {"form": form, "tokens": tokens, "token_form": TokenForm(),
                                                      "new_token": request.session.pop("new_token", None),
                                                      "two_factor_on": twofactor.is_enabled(user)})


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "A token needs a name of up to 80 characters.")
        return redirect("accounts:settings")
    _, raw = services.token_create(user=user, name=form.cleaned_data["name"])
    request.session["new_token"] = raw  # shown once, on the next page, then gone
    return redirect(reverse("accounts:settings") + "#tokens")


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if services.token_revoke(user=user, token_id=token_id):
        messages.success(request, "The token is revoked. Anything using it can no longer sign in.")
    else:
        messages.error(request, "That token was already gone.")
    return redirect(reverse("accounts:settings") + "#tokens")


@login_required
def export_download(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    data = services.account_export(user=user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="rebond-export-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not user.check_password(form.cleaned_data["password"]):
            form.add_error("password", "That password doesn't match. Nothing was deleted.")
        else:
            services.account_delete(user=user)
            logout(request)
            response = render(request, "accounts/deleted.html")
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
            return response
    return render(request, "accounts/delete.html", {"form": form})


class PasswordReset(auth_views.PasswordResetView):
    """Ask for a reset link by email. On a computer of one's own, where no email may ever arrive, the page also
    tells the way back in from the terminal (`rebond user password NAME`)."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["on_this_computer"] = from_this_computer(self.request)
        return context


ROLE_WORDS = {Role.CLIENT: "yourself", Role.CLINICIAN: "a clinician", Role.SUPPORTER: "a supporter"}


@require_http_methods(["GET", "POST"])
def signin_code(request: HttpRequest) -> HttpResponse:
    """Second step of sign-in for accounts with two-factor on."""
    pending: dict[str, Any] | None = request.session.get(PENDING_2FA)
    user = selectors.user_by_id(user_id=pending["user"]) if pending else None
    if pending is None or user is None:
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    locked_minutes = None
    if request.method == "POST" and form.is_valid():
        ip = client_ip(request)
        if services.signin_throttled(username=user.username, ip=ip):
            locked_minutes = settings.LOGIN_THROTTLE_MINUTES
        elif twofactor.verify(user=user, code=form.cleaned_data["code"]):
            target = pending["next"]
            del request.session[PENDING_2FA]
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return HttpResponseRedirect(target)
        else:
            services.record_failed_signin(username=user.username, ip=ip)
            form.add_error("code", "That code doesn't match. Try the newest code in your app.")
    return render(request, "accounts/signin_code.html", {"form": form, "locked_minutes": locked_minutes},
                  status=429 if locked_minutes else 200)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if twofactor.is_enabled(user):
        form = DisableTwoFactorForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if twofactor.is_required(user):
                form.add_error(None, "Clinicians keep two-step sign-in on, to protect the people who share with them.")
            elif not user.check_password(form.cleaned_data["password"]):
                form.add_error("password", "That password doesn't match.")
            elif not twofactor.verify(user=user, code=form.cleaned_data["code"]):
                form.add_error("code", "That code doesn't match.")
            else:
                twofactor.disable(user=user)
                messages.success(request, "Two-step sign-in is off.")
                return redirect("accounts:settings")
        return render(request, "accounts/two_factor_on.html", {"form": form,
                                                               "required": twofactor.is_required(user)})
    secret = request.session.get(SETUP_SECRET) or twofactor.new_secret()
    request.session[SETUP_SECRET] = secret
    code_form = CodeForm(request.POST or None)
    if request.method == "POST" and code_form.is_valid():
        try:
            twofactor.enable(user=user, secret=secret, code=code_form.cleaned_data["code"])
        except ValidationError as exc:
            code_form.add_error("code", exc.message_dict["code"])
        else:
            del request.session[SETUP_SECRET]
            messages.success(request, "Two-step sign-in is on. You'll be asked for a code when you sign in.")
            return redirect("accounts:settings")
    uri = twofactor.provisioning_uri(user, secret)
    return render(request, "accounts/two_factor_setup.html", {
        "form": code_form, "qr": twofactor.qr_svg(uri), "secret": secret,
        "required": twofactor.is_required(user),
    })
