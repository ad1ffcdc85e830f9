"""Top-level Woo addresses: /sitemap.xml, /sitemaps/diwoo.xml and /robots.txt.
No namespace: crawlers expect these exact paths at the root."""

from django.urls import path

from . import woo

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    "publiek_sitemap": "the sitemap index for search engines and the Woo index",
    "publiek_diwoo_sitemap": "the DiWoo sitemap of public documents (Woo publication)",
    "robots_txt": "robots.txt, pointing to the sitemap",
}

urlpatterns = [
    path("sitemap.xml", woo.sitemap_index, name="publiek_sitemap"),
    path("sitemaps/diwoo.xml", woo.diwoo_sitemap, name="publiek_diwoo_sitemap"),
    path("robots.txt", woo.robots_txt, name="robots_txt"),
]
