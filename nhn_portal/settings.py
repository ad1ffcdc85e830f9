"""Settings for the NHN Portal.

One module, complete and safe for production: every deployment value comes from the
environment (see `.env.example`), `DEBUG` is off by default and secrets have no default
outside debug mode. The embedded demo run and the tests only set environment defaults.
"""

import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY") if not DEBUG else env("SECRET_KEY", default="demo-only-not-secret")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "axes",
    "pgtrigger",
    "django_htmx",
    "template_partials",
    "nhn_portal.core",
    "gremia",
    "platforms",
    "regiobureau",
    "rounds",
    "minutes",
    "evaluation",
    "planning",
    "rules",
    "viewer",
    "verkiezingen",
    "middelen",
    "raden",
    "netwerk",
    "consultaties",
    "vragen",
    "rest_framework",
    "drf_spectacular",
    "publiek",
]

# The open data API (publiek/api): read-only, anonymous, public data only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "publiek.api.base.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Woo publication: the publisher of the DiWoo sitemap, a TOOI organisation URI from
# the DiWoo value lists (default: the municipality of Alkmaar, which hosts the regiobureau;
# set both for another host organisation).
DIWOO_PUBLISHER_URI = env(
    "DIWOO_PUBLISHER_URI", default="https://identifier.overheid.nl/tooi/id/gemeente/gm0361"
)
DIWOO_PUBLISHER_LABEL = env("DIWOO_PUBLISHER_LABEL", default="gemeente Alkmaar")

SPECTACULAR_SETTINGS = {
    "TITLE": "NHN Portaal — Open Raadsinformatie (ORI 2.0)",
    "DESCRIPTION": (
        "Openbare vergaderingen, agendapunten, besluiten, informatieobjecten en gremia van de "
        "regionale samenwerking Noord-Holland Noord volgens ODS Open Raads-, Staten- en "
        "Bestuursinformatie 2.0.0-beta.4. Uitbreidingen staan onder de sleutel 'x-nhn'."
    ),
    "VERSION": "2.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/ori/v2",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "publiek.api.schema.use_the_standard",
    ],
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nhn_portal.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Too large a request or too many files is refused (413) before anything is read.
    "nhn_portal.core.middleware.RequestLimitsMiddleware",
    # Every page needs a login unless its view is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # A selector's NotFound (missing or not allowed) answers 404.
    "nhn_portal.core.middleware.NotFoundMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A session ends after SESSION_IDLE_TIMEOUT seconds without a request.
    "nhn_portal.core.middleware.SessionIdleTimeoutMiddleware",
    # The secretariat and the beheerder set up MFA before any page (MFA_REQUIRED).
    "nhn_portal.core.middleware.MfaRequiredMiddleware",
    # A login attempt while its account waits after failures (core.logins) → the 429 page.
    "nhn_portal.core.middleware.LoginDelayMiddleware",
    # django-axes last: turns a locked-out login attempt into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nhn_portal.urls"
WSGI_APPLICATION = "nhn_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Compiled templates are kept in memory (each template read and parsed once per
            # worker), also when DEBUG is on; runserver's autoreloader resets it on a change.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nhn_portal.core.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'nhn_portal.sqlite3'}"
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a request reuses its worker's connection instead of opening one
# (a PostgreSQL connect costs more than the queries of a light page); a connection that died
# is noticed and replaced at the start of the next request. CONN_MAX_AGE=0 turns it off.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 300)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL: the role the web, worker and beat processes connect as, when migrations run as
# another role that owns the tables. `manage.py db_app_role` (after migrate, as the owner)
# grants it rows of every table and only INSERT and SELECT on the audit trail.
DATABASE_APP_ROLE = env("DATABASE_APP_ROLE", default="")
# Its password, for that command to make the role or set it (only the migrations need it).
DATABASE_APP_PASSWORD = env("DATABASE_APP_PASSWORD", default="")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded demo serves several users and a worker from one file. WAL lets readers go
    # on while one writer writes; a transaction takes the write lock when it begins
    # (IMMEDIATE), so two writers queue for up to `timeout` seconds instead of one failing
    # with "database is locked" when a read turns into a write (the read audit does that).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses every login attempt (admin or allauth) while its account or address is
    # locked out, also with the right password.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with the user's look-up on every request compiled once.
    "nhn_portal.core.auth_backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail and password only; accounts are made by the beheerder, never by sign-up.
ACCOUNT_ADAPTER = "nhn_portal.core.adapters.NoSignupAccountAdapter"
# The account pages' forms in NL Design System markup (components/field.html).
ACCOUNT_FORMS = {
    "login": "nhn_portal.core.account_forms.LoginForm",
    "reset_password": "nhn_portal.core.account_forms.ResetPasswordForm",
    "reset_password_from_key": "nhn_portal.core.account_forms.ResetPasswordKeyForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[NHN Portaal] "
# Failed logins are throttled by django-axes alone (below), with one Dutch 429 page; allauth's
# own counter would answer first with a form error and a 200.
ACCOUNT_RATE_LIMITS = {"login_failed": None}

# --- The client address, throttled logins, sessions, MFA, SSO ---------------------------
# How many reverse proxies in front of gunicorn append to X-Forwarded-For. 0: the header is
# ignored (a client could forge it) and REMOTE_ADDR counts. nhn_portal.core.http.client_address
# is the one place that reads it; allauth and axes both ask that function.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
AXES_CLIENT_IP_CALLABLE = "nhn_portal.core.http.client_address"
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
AXES_USERNAME_CALLABLE = "nhn_portal.core.http.login_name"
# Locked out per account *and* client address, and per client address across accounts (one
# address trying many accounts); never per account alone, which let anyone lock anyone out.
# Per account, from every address, failures slow further attempts down instead: after
# LOGIN_DELAY_AFTER failures in a row each attempt waits twice as long as the one before, up to
# LOGIN_DELAY_MAX_SECONDS; a browser that logged in to the account before does not wait
# (nhn_portal.core.logins). All of it in the database: every web process sees the same count,
# whether Redis is up or not.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
LOGIN_DELAY_AFTER = env.int("LOGIN_DELAY_AFTER", default=5)
LOGIN_DELAY_MAX_SECONDS = env.int("LOGIN_DELAY_MAX_SECONDS", default=15 * 60)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nhn_portal.core.views.login_locked_out"
AXES_VERBOSE = False

# Sessions: ended after SESSION_IDLE_TIMEOUT seconds without a request (middleware) and at the
# latest SESSION_COOKIE_AGE seconds after logging in; never kept after the browser closes.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=12 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# MFA (allauth.mfa): TOTP and recovery codes. With MFA_REQUIRED the secretariat and the
# beheerder set up TOTP before any other page; on by default in production.
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=not DEBUG)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "NHN Portaal"

# SSO: one OpenID Connect provider per organisation, from OIDC_PROVIDERS (a JSON list of
# {"provider_id", "name", "client_id", "secret", "server_url"}). A login through it is matched
# on the provider's subject only (SocialAccount.uid), never on an e-mail address; accounts are
# still made by the beheerder and roles still come from memberships.
SOCIALACCOUNT_ADAPTER = "nhn_portal.core.adapters.SubjectOnlySocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": provider["provider_id"],
                "name": provider["name"],
                "client_id": provider["client_id"],
                "secret": provider["secret"],
                "settings": {"server_url": provider["server_url"]},
            }
            for provider in env.json("OIDC_PROVIDERS", default=[])
        ],
    }
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Front-end packages come from the npm registry (package.json + lock), never from a CDN or a
# committed copy; only the folders the pages use are exposed as static files.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/sortablejs", NODE_MODULES / "sortablejs"),
    ("vendor/squire", NODE_MODULES / "squire-rte" / "dist"),
    ("vendor/dompurify", NODE_MODULES / "dompurify" / "dist"),
    # pdf.js (the viewer of stukken): the library and its worker, the standard fonts and cmaps.
    ("vendor/pdfjs", NODE_MODULES / "pdfjs-dist" / "build"),
    ("vendor/pdfjs-fonts", NODE_MODULES / "pdfjs-dist" / "standard_fonts"),
    ("vendor/pdfjs-cmaps", NODE_MODULES / "pdfjs-dist" / "cmaps"),
]
MEDIA_URL = "/media/"
# Uploaded stukken and generated PDFs live outside the web root and are served by views
# that check permission; MEDIA_ROOT is never mapped to a public URL.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Resource exhaustion: at most MAX_REQUEST_SIZE bytes per request (default 60 MB,
# checked on Content-Length before the body is read; the reverse proxy should have the same
# limit, e.g. nginx client_max_body_size) and MAX_FILES_PER_REQUEST files per form.
MAX_REQUEST_SIZE = env.int("MAX_REQUEST_SIZE", default=60 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("MAX_FILES_PER_REQUEST", default=20)
# Every upload is scanned by clamd through this unix socket when it is set (e.g.
# /run/clamav/clamd.ctl); while it is set and clamd cannot be reached, uploads are refused.
CLAMD_SOCKET = env("CLAMD_SOCKET", default="")
CLAMD_TIMEOUT = env.int("CLAMD_TIMEOUT", default=30)
# Object storage (S3-compatible: MinIO, AWS, a provider's object store) when S3_BUCKET is set,
# so no web or worker node needs a shared disk. Objects are private; a download is a redirect
# to a presigned URL that lives S3_URL_EXPIRE seconds, made after the permission check
# (nhn_portal.core.http.file_response). Every upload carries a SHA-256 checksum that the
# server verifies.
S3_BUCKET = env("S3_BUCKET", default="")
S3_ENDPOINT_URL = env("S3_ENDPOINT_URL", default="")
if S3_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": env("S3_REGION", default="") or None,
            "access_key": env("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("S3_SECRET_ACCESS_KEY", default="") or None,
            # Path-style URLs (bucket in the path) work on every S3-compatible server.
            "addressing_style": "path" if S3_ENDPOINT_URL else None,
            "signature_version": "s3v4",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env.int("S3_URL_EXPIRE", default=60),
            "file_overwrite": False,
            "object_parameters": {"ChecksumAlgorithm": "SHA256"},
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Where browsers reach the object store when S3_ENDPOINT_URL is an internal address (MinIO in
# docker-compose.yml: nginx proxies /_objects/ to it with the Host header the URL was signed
# for). Replaces the scheme and host of every download link; empty: S3_ENDPOINT_URL as it is.
S3_PUBLIC_URL = env("S3_PUBLIC_URL", default="")
# With files on disk behind nginx: the URL prefix of nginx's `internal` location that maps to
# MEDIA_ROOT (e.g. /_protected/). Downloads are then an empty response with X-Accel-Redirect
# and nginx sends the file, so no gunicorn worker is held for the transfer.
FILE_ACCEL_REDIRECT_PREFIX = env("FILE_ACCEL_REDIRECT_PREFIX", default="")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "nhn_portal.core.staticfiles.ManifestStaticFilesStorage"
            if env.bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="NHN Portaal <noreply@example.org>")

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")

# Cache: shared by every web node (request limits, allauth's rate limits), so in production it
# is Redis (by default database 1 of REDIS_URL's server), never per-process memory. The
# embedded demo (DEBUG) uses per-process memory; CACHE_URL overrides either. A Redis cache
# falls back to per-process memory while Redis is away (nhn_portal.core.cache), and gives up on
# a server that does not answer within half a second, so no page waits on it or fails.
CACHES = {
    "default": env.cache(
        "CACHE_URL",
        default="locmemcache://" if DEBUG else urlunsplit(urlsplit(REDIS_URL)._replace(path="/1")),
    )
}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["default"]["BACKEND"] = "nhn_portal.core.cache.FailoverRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    )
# Deployments (or test runs) sharing one Redis keep their cache keys apart with a prefix.
CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default="")
# The release in the keys of cached HTML (nhn_portal.core.release): a deployment may set it
# (its commit, say); else the fingerprint of the sources is used.
RELEASE = env("RELEASE", default="")
# Sessions live in the database only: a login on one node is valid on every other, whether
# Redis is up or not. Not read through the cache: a logout while Redis was unreachable could
# not delete the cached copy, and the session would come back with Redis. Django's database
# store, with its one read compiled once (issue 26).
SESSION_ENGINE = "nhn_portal.core.sessions"

# Celery (nhn_portal/celery.py reads every CELERY_* setting). Tasks are thin and idempotent, so
# a task is acknowledged only after it ran and is redelivered when its worker dies mid-task.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The queue of every task without its own; deployments sharing one Redis each take their own.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# Let Django's LOGGING below format the worker's log lines too.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Periodic tasks are declared beside the tasks themselves (`portal_task(schedule=…)` in each
# app's tasks.py), not here.
# Queue of the PDF rendering task; empty = Celery's default queue. A deployment can give the
# heavy renders their own worker (`celery worker -Q pdf`) so e-mails never wait behind them.
PDF_GENERATION_QUEUE = env("PDF_GENERATION_QUEUE", default="") or None
# A message taken by a worker that died before acknowledging it goes back to the queue after
# this long (Redis; Kombu's default is an hour): longer than any task may run
# (CELERY_TASK_TIME_LIMIT) or wait for its retry (backoff at most 300 s), so a task of a living
# worker is never handed out twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}

# Every transport-security setting comes from the environment; .env.example documents the
# production values, with which `manage.py check --deploy --fail-level WARNING` is clean
# (bin/test checks that).
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = env("SESSION_COOKIE_SAMESITE", default="Lax")
CSRF_COOKIE_SAMESITE = env("CSRF_COOKIE_SAMESITE", default="Lax")
# TLS ends at the reverse proxy in front of gunicorn; it tells Django the original scheme.
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
# The container health check calls gunicorn over plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The pdf.js viewer fetches a stuk from its download URL, which on object storage redirects to
# the object store: its origin (of S3_PUBLIC_URL, else S3_ENDPOINT_URL; with a leading space)
# may be fetched too; the bucket must then allow cross-origin GETs from the portal
# (docs/security.md).
_object_store = urlsplit(S3_PUBLIC_URL or S3_ENDPOINT_URL) if S3_BUCKET else None
OBJECT_STORE_ORIGIN = (
    f" {_object_store.scheme}://{_object_store.netloc}"
    if _object_store and _object_store.scheme and _object_store.netloc
    else ""
)
# Templates carry no inline script, style attribute or <style> block, so this can be strict.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    f"font-src 'self'; connect-src 'self'{OBJECT_STORE_ORIGIN}; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

# Everything to stderr, one line per record with time and logger; containers collect it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step and fontTools every subset at INFO: noise per PDF.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
