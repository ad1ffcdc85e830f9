"""The session store: Django's database sessions, read with a query compiled once.

Every signed-in request reads its session first; the ORM spent longer compiling that one-row
look-up than the database took to answer it (issue 26). Same table, same data, same rules as
`django.contrib.sessions.backends.db`: a session past its expiry date is no session.
"""

import logging

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from .stamps import ObjectQuery

_BY_KEY = ObjectQuery(lambda key: Session.objects.filter(session_key=key).order_by())


class SessionStore(db.SessionStore):
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
