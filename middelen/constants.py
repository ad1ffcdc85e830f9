CORE_MESSAGE_PDF = "kernboodschap"
CORE_MESSAGE_AUDIENCE = "openbaar"
