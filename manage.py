#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# Commands that only read the code (models, templates, the catalogue) and never serve,
# sign or send anything: they run on a bare checkout, without a SECRET_KEY. Every other
# command still needs one when DEBUG is off (nhn_portal.settings fails closed).
CODE_ONLY_COMMANDS = {"makemigrations", "makemessages", "compilemessages"}


def main():
    """Run administrative tasks."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")
    if len(sys.argv) > 1 and sys.argv[1] in CODE_ONLY_COMMANDS:
        os.environ.setdefault("SECRET_KEY", "code-only-command-signs-nothing")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Couldn't import Django. Are you sure it's installed and "
            "available on your PYTHONPATH environment variable? Did you "
            "forget to activate a virtual environment?"
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
