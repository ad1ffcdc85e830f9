"""The session store: Django's database sessions, read with a query compiled once.

Every signed-in request reads its session first; the ORM spent longer compiling that one-row
look-up than the database took to answer it (issue 26). Same table, same data, same rules as
`django.contrib.sessions.backends.db`: a session past its expiry date is no session.
"""

import logging

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from .stamps import ObjectQuery

_BY_KEY = ObjectQuery(lambda key: Session.objects.filter(session_key=key).order_by())

# Sessions made before 5 December 2026 name Django's own ModelBackend; the portal's is the
# same with its read compiled once (core.auth_backends). They are read as the portal's, so
# that the release which brought it logs nobody out (a form being filled in would be lost).
# A session lives 12 hours at most (SESSION_COOKIE_AGE): this can go a day after that release.
_RENAMED_BACKENDS = {
    "django.contrib.auth.backends.ModelBackend": "nhn_portal.core.auth_backends.ModelBackend"
}


class SessionStore(db.SessionStore):
    def load(self):
        data = super().load()
        backend = data.get(BACKEND_SESSION_KEY)
        if backend in _RENAMED_BACKENDS:
            data[BACKEND_SESSION_KEY] = _RENAMED_BACKENDS[backend]
        return data

    def _get_session_from_db(self):
        try:
            # (Django's asks the key and the expiry in SQL; the expiry is checked here, so
            # that the compiled query carries no time.)
            session = _BY_KEY.first(self.session_key) if self.session_key else None
        except SuspiciousOperation as error:
            logger = logging.getLogger(f"django.security.{error.__class__.__name__}")
            logger.warning(str(error))
            session = None
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session
