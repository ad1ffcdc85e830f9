import pytest

pytestmark = pytest.mark.django_db


def test_health_answers_ok_without_login(client):
    response = client.get("/gezondheid/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]
