"""rebond's one settings module: everything comes from the environment (see docs/deploy.md)."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from rebond.lib.envs import envbool, envint, envlist, envsecret, envstr
from rebond.lib.private import private_file, private_folder, write_private

BASE_DIR = Path(__file__).resolve().parent
# Only the account running rebond may look inside: the database, the key file and the secret key live here.
DATA_DIR = private_folder(Path(envstr("REBOND_DATA_DIR", "./var")).resolve())

DEBUG = envbool("REBOND_DEBUG", False)


def _secret_key() -> str:
    """REBOND_SECRET_KEY, else a key generated once and kept in the data directory."""
    given = envsecret("REBOND_SECRET_KEY")
    if given:
        return given
    path = DATA_DIR / "secret_key"
    if not path.exists():
        write_private(path, secrets.token_urlsafe(50))  # two servers starting at once end up with the same key
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
KEY_FILE = Path(envstr("REBOND_KEY_FILE", str(DATA_DIR / "keys.json"))).resolve()

ALLOWED_HOSTS = envlist("REBOND_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("REBOND_CSRF_TRUSTED_ORIGINS", [])
BEHIND_HTTPS_PROXY = envbool("REBOND_BEHIND_HTTPS_PROXY", False)
SIGNUP = envstr("REBOND_SIGNUP", "open")
DISABLED_INSTRUMENTS = envlist("REBOND_DISABLED_INSTRUMENTS", [])
# Where the FHIR canonical URLs (Questionnaire, CodeSystem) start; the default can never resolve (checked at start).
FHIR_BASE = envstr("REBOND_FHIR_BASE", "https://rebond.invalid/fhir").strip().rstrip("/")
# The PCL-5 total from which "at or above the screening cut-off" is said: 33, or 31 to 33 (checked at start).
PCL5_CUTOFF = envint("REBOND_PCL5_CUTOFF", 33)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_htmx",
    "template_partials",
    "rebond.core",
    "rebond.accounts",
    "rebond.safety",
    "rebond.care",
    "rebond.thoughts",
    "rebond.practice",
    "rebond.journal",
    "rebond.people",
    "rebond.boundaries",
    "rebond.measures",
    "rebond.promises",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "rebond.accounts.middleware.UserTimezoneMiddleware",
    "rebond.accounts.middleware.ClinicianTwoFactorMiddleware",
    "rebond.core.middleware.DiscreetCookieMiddleware",
    "rebond.core.middleware.PrivatePagesNotStoredMiddleware",
    "rebond.safety.middleware.PendingCrisisPageMiddleware",
]

ROOT_URLCONF = "rebond.urls"
WSGI_APPLICATION = "rebond.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rebond.core.context.site",
            ],
        },
    },
]

_database_url = envstr("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            # Made private before SQLite first opens it; SQLite gives the -wal and -shm files the same mode.
            "NAME": str(private_file(DATA_DIR / "rebond.sqlite3")),
            "OPTIONS": {
                # WAL lets readers run beside one writer; IMMEDIATE takes the write lock at BEGIN so two
                # writers queue on busy_timeout instead of failing halfway through a transaction.
                # secure_delete overwrites what is deleted, so a destroyed data key leaves the file for real
                # (some SQLite builds have it on already; this doesn't rely on that).
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
                                "PRAGMA secure_delete=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 5,
            },
            # A file (not memory) so tests can read the raw bytes and prove free text is encrypted.
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
LOGIN_THROTTLE_FAILURES = envint("REBOND_LOGIN_THROTTLE_FAILURES", 5)
LOGIN_THROTTLE_MINUTES = envint("REBOND_LOGIN_THROTTLE_MINUTES", 15)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the installed package: no collectstatic step for a person running rebond alone.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = envstr("REBOND_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = envstr("REBOND_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("REBOND_EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("REBOND_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = envsecret("REBOND_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = envbool("REBOND_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = envstr("REBOND_EMAIL_FROM", "rebond <rebond@localhost>")

# Security baseline. Cookies are Secure by default: browsers treat localhost and 127.0.0.1 as secure origins,
# so a person running rebond on their own machine is not affected. REBOND_INSECURE_COOKIES exists for a plain-http LAN.
_secure_cookies = not envbool("REBOND_INSECURE_COOKIES", False)
SESSION_COOKIE_SECURE = _secure_cookies
CSRF_COOKIE_SECURE = _secure_cookies
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = envint("REBOND_SESSION_DAYS", 14) * 24 * 3600
SESSION_ENGINE = "django.contrib.sessions.backends.db"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("REBOND_LOG_LEVEL", "WARNING")},
}

SILENCED_SYSTEM_CHECKS: list[str] = []
