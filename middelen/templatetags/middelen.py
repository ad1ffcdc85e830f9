from django import template

register = template.Library()


@register.filter
def euro(cents: int) -> str:
    """Whole cents as a Dutch amount: 123456789 → "€ 1.234.567,89"."""
    euros, rest = divmod(int(cents), 100)
    return f"€ {euros:,}".replace(",", ".") + f",{rest:02d}"


@register.filter
def percent(value) -> str:
    """A percentage with two decimals and a Dutch comma: 12.5 → "12,50 %"."""
    return f"{value:.2f}".replace(".", ",") + " %"
