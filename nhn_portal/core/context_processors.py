from .constants import Role


def portal(request):
    """The signed-in user's roles for the header and the role-specific navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_roles": [], "role_codes": set()}
    codes = set(user.role_names)
    if user.is_superuser:
        codes.add(Role.MANAGER.value)
    return {
        "user_roles": [role.label for role in Role if role.value in codes],
        "role_codes": codes,
    }
