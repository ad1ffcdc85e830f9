# syntax=docker/dockerfile:1
# NHN Portaal — one image for web (gunicorn), Celery worker and Celery beat.

# --- Front-end packages: Node.js only lives in this stage --------------------------------
FROM python:3.11-slim-bookworm AS frontend
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

# --- The application ---------------------------------------------------------------------
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    PATH="/opt/venv/bin:$PATH"

# WeasyPrint's libraries; without libharfbuzz-subset0 it silently renders about 4x slower.
# gettext compiles the Dutch catalogue.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext ghostscript \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir "uv==0.13.9"

WORKDIR /app
# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-cache

COPY --from=frontend /app/node_modules ./node_modules
COPY . .

# Build-time only values: settings need a SECRET_KEY to import; nothing here touches a database.
RUN SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput -v0 \
    && SECRET_KEY=build-only-not-secret python manage.py compilemessages \
        --ignore=node_modules -v0

RUN useradd --system --uid 1000 --user-group --home-dir /app --no-create-home nhn \
    && mkdir -p /app/var/media \
    && chown -R nhn:nhn /app/var
USER nhn

ENV MEDIA_ROOT=/app/var/media
EXPOSE 8000
CMD ["gunicorn", "nhn_portal.wsgi:application", "--config", "gunicorn.conf.py"]
