import pytest


@pytest.mark.django_db
def test_home_shows_the_public_front_page_to_anonymous_visitors(client):
    # `/` is the public portal for a visitor (it used to redirect to the login).
    response = client.get("/")
    assert response.status_code == 200
    assert "publiek/front_page.html" in [t.name for t in response.templates]
    assert 'href="/account/login/"' in response.text
