"""Two-factor sign-in with a time-based code (TOTP, RFC 6238): set up, check, turn off."""

from __future__ import annotations

import time

import pyotp
import segno
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebond.accounts.models import Role, TwoFactor, User

ISSUER = "rebond"
VALID_WINDOW = 1  # accept the previous and next 30-second step: phone clocks drift


def is_enabled(user: User) -> bool:
    return TwoFactor.objects.filter(user=user).exists()


def is_required(user: User) -> bool:
    return user.role == Role.CLINICIAN


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    # The account label is neutral on purpose: phones show it in a list anyone can see.
    return pyotp.TOTP(secret).provisioning_uri(name=f"{user.username}", issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG markup (no outside request, no inline style)."""
    return str(segno.make(uri, error="m").svg_inline(scale=5, border=2, dark="#111", light="#fff"))


def _matching_step(secret: str, code: str, *, at: float) -> int | None:
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(at // totp.interval)
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        step = now_step + offset
        if pyotp.utils.strings_equal(totp.at(step * totp.interval), code):
            return step
    return None


def enable(*, user: User, secret: str, code: str, at: float | None = None) -> TwoFactor:
    step = _matching_step(secret, code, at=time.time() if at is None else at)
    if step is None:
        raise ValidationError({"code": ["That code doesn't match. Check the time on your phone and try the newest code."]})
    with transaction.atomic():
        TwoFactor.objects.filter(user=user).delete()
        return TwoFactor.objects.create(user=user, secret=secret, confirmed_at=timezone.now(), last_step=step)


def verify(*, user: User, code: str, at: float | None = None) -> bool:
    """True once per code: a code that was already used is refused, so a watched code can't be replayed."""
    with transaction.atomic():
        device = TwoFactor.objects.select_for_update().filter(user=user).first()
        if device is None:
            return True
        step = _matching_step(device.secret, code or "", at=time.time() if at is None else at)
        if step is None or step <= device.last_step:
            return False
        device.last_step = step
        device.save(update_fields=["last_step"])
        return True


def disable(*, user: User) -> None:
    TwoFactor.objects.filter(user=user).delete()
