"""Helpers that drive a page in the browser tests: open one, log in, read its problems."""

from tests.builders import PASSWORD

# Screenshots of the browser tests land here.
SHOTS = "/tmp/shots"


def open_page(context):
    """A new page of `context` that collects its console messages in `.console_messages`."""
    page = context.new_page()
    page.console_messages = []
    page.on(
        "console", lambda message: page.console_messages.append(f"{message.type}: {message.text}")
    )
    page.on("pageerror", lambda error: page.console_messages.append(f"pageerror: {error}"))
    return page


def log_in(page, live_server, email, password=PASSWORD):
    """Log in through the real allauth form."""
    page.goto(f"{live_server.url}/account/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")


def csp_problems(page) -> list[str]:
    """CSP violations seen by the page, and console errors or uncaught exceptions."""
    recorded = page.evaluate("window.__csp || []")
    console = [
        message
        for message in page.console_messages
        if "Content Security Policy" in message or message.startswith(("error:", "pageerror:"))
    ]
    return recorded + console
