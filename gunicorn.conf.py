"""Gunicorn settings for the web container (docker-compose.yml); values from the environment."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Sync workers: pages are short, PDFs are rendered by the Celery worker, not here. Their request
# loop runs on a roomy frame stack (nhn_portal/gunicorn_worker.py: CPython 3.11 otherwise maps
# and unmaps stack chunks thousands of times per page; bench/README.md, "The frame stack").
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "nhn_portal.gunicorn_worker.RoomyStackSyncWorker"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Restart workers now and then so a slow leak never grows; jitter avoids restarting all at once.
max_requests = 1000
max_requests_jitter = 100
# Logs to stdout/stderr, collected by the container runtime.
accesslog = "-"
errorlog = "-"
# Trust X-Forwarded-* only from the proxy in front (set FORWARDED_ALLOW_IPS to its address).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
